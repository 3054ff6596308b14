/**
 * Recent trend, 2030 projection and time to target for one country and indicator.
 *
 * Model (deliberately simple, so a reader of a country brief can redo it by hand):
 * 1. Take the latest reported year L. Keep reported years in the ten-year span L−9 … L, and of
 *    those the most recent `maxPoints` (default 5). Fewer than `minPoints` (default 3) → no trend:
 *    two points make a line through any noise.
 * 2. Fit ordinary least squares value = intercept + slope × year on those points. The fitted line,
 *    not the last point, carries the projection, so one revised or noisy year does not swing it.
 * 3. Project the line to 2030 and clamp to the indicator's natural bounds (0–100 for a share).
 *    Linear growth overshoots saturating series such as internet use; the clamp and the short
 *    window keep that honest enough for a "on track or not" signal, not a forecast.
 * 4. Years to target: 0 when the latest value already meets the target; null when the line is flat
 *    or moving away; otherwise whole years after L until the fitted line crosses the "met"
 *    threshold (see target.ts), rounded up and at least 1.
 */
import { metThreshold, targetStatus, type TargetStatus } from './target.js';
import type { NaturalBounds, Target, YearValue } from './types.js';

export const DEFAULT_TREND_POINTS = 5;
export const DEFAULT_TREND_SPAN_YEARS = 10;
export const DEFAULT_TREND_MIN_POINTS = 3;
export const DEFAULT_PROJECTION_YEAR = 2030;

const UNBOUNDED: NaturalBounds = { min: null, max: null };
/** Below this absolute slope (units per year) a line counts as flat, i.e. rounding noise. */
const FLAT_SLOPE = 1e-9;

export interface TrendOptions {
  readonly maxPoints?: number;
  readonly spanYears?: number;
  readonly minPoints?: number;
  readonly projectionYear?: number;
  /** Natural bounds to clamp projections to; the catalogue gives them per indicator. */
  readonly bounds?: NaturalBounds;
}

export interface Trend {
  /** Change per year, in the indicator's unit. */
  readonly slope: number;
  /** Fitted value at year 0, so that fitted(year) = intercept + slope × year. */
  readonly intercept: number;
  readonly yearsUsed: readonly number[];
  readonly latest: YearValue;
  readonly projectionYear: number;
  /** Fitted value in `projectionYear`, clamped to `bounds`. */
  readonly projected: number;
  readonly bounds: NaturalBounds;
}

function clamp(value: number, bounds: NaturalBounds): number {
  if (bounds.min !== null && value < bounds.min) return bounds.min;
  if (bounds.max !== null && value > bounds.max) return bounds.max;
  return value;
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number ≥ 1, got ${value}`);
  return value;
}

/**
 * Ordinary least-squares slope and intercept. Years are centred before fitting so the sums stay
 * small and exact enough; the intercept is moved back to year 0 at the end.
 */
function leastSquares(points: readonly YearValue[]): { slope: number; intercept: number } {
  const n = points.length;
  const meanYear = points.reduce((sum, p) => sum + p.year, 0) / n;
  const meanValue = points.reduce((sum, p) => sum + p.value, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.year - meanYear) * (p.value - meanValue);
    sxx += (p.year - meanYear) ** 2;
  }
  const slope = sxy / sxx;
  return { slope, intercept: meanValue - slope * meanYear };
}

/**
 * Fit the recent trend of a series, or `null` with too few recent points.
 *
 * @example
 * const trend = fitTrend(
 *   [2019, 2020, 2021, 2022, 2023].map((year, i) => ({ year, value: [50, 55, 58, 63, 66][i]! })),
 *   { bounds: { min: 0, max: 100 } },
 * );
 * // trend.slope === 4, trend.projected === 94.4 (58.4 in 2021 plus 9 × 4), trend.yearsUsed = 2019…2023
 */
export function fitTrend(series: readonly YearValue[], options: TrendOptions = {}): Trend | null {
  const maxPoints = positiveInteger(options.maxPoints ?? DEFAULT_TREND_POINTS, 'maxPoints');
  const spanYears = positiveInteger(options.spanYears ?? DEFAULT_TREND_SPAN_YEARS, 'spanYears');
  const minPoints = Math.max(2, positiveInteger(options.minPoints ?? DEFAULT_TREND_MIN_POINTS, 'minPoints'));
  const projectionYear = options.projectionYear ?? DEFAULT_PROJECTION_YEAR;
  const bounds = options.bounds ?? UNBOUNDED;

  const byYear = new Map<number, number>();
  for (const point of series) {
    if (!Number.isFinite(point.value)) continue;
    if (byYear.has(point.year)) throw new RangeError(`series has two values for ${point.year}`);
    byYear.set(point.year, point.value);
  }
  const reported = [...byYear.entries()].map(([year, value]) => ({ year, value })).toSorted((a, b) => a.year - b.year);
  const latest = reported.at(-1);
  if (latest === undefined) return null;
  const used = reported.filter((p) => p.year > latest.year - spanYears).slice(-maxPoints);
  if (used.length < minPoints) return null;

  const { slope, intercept } = leastSquares(used);
  return {
    slope,
    intercept,
    yearsUsed: used.map((p) => p.year),
    latest,
    projectionYear,
    projected: clamp(intercept + slope * projectionYear, bounds),
    bounds,
  };
}

/**
 * The fitted line's value in a year, clamped to the trend's bounds.
 *
 * @example
 * valueOnTrend(trend, 2025); // 74.4 for the fitTrend example
 */
export function valueOnTrend(trend: Trend, year: number): number {
  return clamp(trend.intercept + trend.slope * year, trend.bounds);
}

/**
 * Whole years after the latest reported year until the trend meets the target; 0 when the latest
 * value already meets it; `null` when the trend is flat or moving away from it.
 *
 * @example
 * yearsToTarget(trend, { kind: 'at-least', value: 100 });
 * // 8: the line reaches 95 (ITU's "met") early in 2030, 7.15 years after 2023
 */
export function yearsToTarget(trend: Trend, target: Target): number | null {
  if (targetStatus(trend.latest.value, target).met) return 0;
  const threshold = metThreshold(trend.latest.value, target);
  if (threshold === null) return 0;
  const needsRise = threshold > trend.latest.value;
  if (Math.abs(trend.slope) < FLAT_SLOPE || trend.slope > 0 !== needsRise) return null;
  const crossingYear = (threshold - trend.intercept) / trend.slope;
  // Rounded to 1e-9 first so 7.0000000001 years of floating-point noise does not become 8.
  const years = Math.ceil(Math.round((crossingYear - trend.latest.year) * 1e9) / 1e9);
  return Math.max(1, years);
}

/**
 * Whether the projected value in the projection year (2030) meets the target.
 *
 * @example
 * onTrack(trend, { kind: 'at-least', value: 100 }); // false: 94.4 < 95
 */
export function onTrack(trend: Trend, target: Target): boolean {
  return targetStatus(trend.projected, target).met;
}

/** Everything a profile shows about progress to one target, computed together. */
export interface TargetOutlook {
  readonly latest: YearValue;
  readonly latestStatus: TargetStatus;
  /** Points (indicator unit) from the latest value to the full target. */
  readonly gap: number;
  readonly projected: number;
  readonly projectionYear: number;
  readonly onTrack: boolean;
  readonly yearsToTarget: number | null;
}

/**
 * Latest status, gap, projection, on-track flag and years to target in one object.
 *
 * @example
 * targetOutlook(trend, { kind: 'at-least', value: 100 });
 * // { latest: { year: 2023, value: 66 }, gap: 34, projected: 94.4, onTrack: false, yearsToTarget: 8, … }
 */
export function targetOutlook(trend: Trend, target: Target): TargetOutlook {
  const latestStatus = targetStatus(trend.latest.value, target);
  return {
    latest: trend.latest,
    latestStatus,
    gap: latestStatus.gap,
    projected: trend.projected,
    projectionYear: trend.projectionYear,
    onTrack: onTrack(trend, target),
    yearsToTarget: yearsToTarget(trend, target),
  };
}
