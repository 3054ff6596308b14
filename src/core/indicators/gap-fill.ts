/**
 * Estimates for a member's missing year, so a group figure need not drop or flatten the members
 * that have not reported yet. Four candidate methods, all bounded by a window (no estimate further
 * than `window` years from the member's own nearest reported value) and by the indicator's
 * natural bounds:
 *
 * - `nearest`: the nearest reported value (earlier year on a tie), carried unchanged.
 * - `interpolate`: the straight line between the nearest reported values before and after;
 *   only inside the series (needs both sides), else no estimate.
 * - `own-trend`: the member's own recent trend — ordinary least squares over its latest 5 reported
 *   years within 10 years on the side of the gap — continued to the year from its nearest value.
 *   Needs 3 points, else no estimate.
 * - `region-trend`: the member's nearest value moved by the change its region's other members
 *   reported over the same years (population-weighted, members reporting in both years only).
 *
 * Which one the platform uses for which kind of gap is chosen by measurement (gap-evaluation.ts,
 * docs/methods.md), not by taste; a method that cannot estimate falls back to `nearest`.
 */
import type { NaturalBounds } from './types.js';

export type GapMethod = 'nearest' | 'interpolate' | 'own-trend' | 'region-trend';
export const GAP_METHODS: readonly GapMethod[] = ['nearest', 'interpolate', 'own-trend', 'region-trend'];

/** Where the missing year sits in the member's series: between reported years, after the last, before the first. */
export type GapKind = 'interior' | 'trailing' | 'leading';

/** Reported values by year. */
export type YearIndex = ReadonlyMap<number, number>;

export interface Estimate {
  readonly value: number;
  readonly method: GapMethod;
  readonly kind: GapKind;
  /** Years from the nearest reported value: the gap's length as far as this year is concerned. */
  readonly distance: number;
}

export interface GapContext {
  readonly window: number;
  readonly bounds: NaturalBounds;
  /** The change of the member's region from one year to another, or null when unknown (region-trend only). */
  readonly regionChange?: (from: number, to: number) => number | null;
}

/** Which method to use for each kind of gap. */
export type GapPolicy = Readonly<Record<GapKind, GapMethod>>;

const TREND_POINTS = 5;
const TREND_SPAN = 10;
const TREND_MIN_POINTS = 3;

function clamp(value: number, bounds: NaturalBounds): number {
  if (bounds.min !== null && value < bounds.min) return bounds.min;
  if (bounds.max !== null && value > bounds.max) return bounds.max;
  return value;
}

/** The nearest reported years before and after `year` within the window (either may be missing). */
function neighbours(series: YearIndex, year: number, window: number): { before: number | null; after: number | null } {
  let before: number | null = null;
  let after: number | null = null;
  for (let d = 1; d <= window; d++) {
    if (before === null && series.has(year - d)) before = year - d;
    if (after === null && series.has(year + d)) after = year + d;
  }
  return { before, after };
}

/** Reported years in order, computed once per series (an aggregate asks for every member-year). */
const sortedYearsCache = new WeakMap<YearIndex, readonly number[]>();
function sortedYears(series: YearIndex): readonly number[] {
  let years = sortedYearsCache.get(series);
  if (years === undefined) sortedYearsCache.set(series, (years = [...series.keys()].toSorted((a, b) => a - b)));
  return years;
}

function kindOf(series: YearIndex, year: number): GapKind {
  const years = sortedYears(series);
  const earlier = years.length > 0 && years[0]! < year;
  const later = years.length > 0 && years[years.length - 1]! > year;
  return earlier && later ? 'interior' : earlier ? 'trailing' : 'leading';
}

/** Index of `year` in ascending `years` (which holds it). */
function indexOf(years: readonly number[], year: number): number {
  let lo = 0;
  let hi = years.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (years[mid]! < year) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function slopeOf(points: readonly (readonly [number, number])[]): number {
  const n = points.length;
  const meanX = points.reduce((s, [x]) => s + x, 0) / n;
  const meanY = points.reduce((s, [, y]) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - meanX) * (y - meanY);
    sxx += (x - meanX) ** 2;
  }
  return sxx === 0 ? 0 : sxy / sxx;
}

/**
 * An estimate of the member's value in `year` by `method`, or `null` when the method cannot make
 * one there (nothing within the window, no value on both sides for interpolation, too few points
 * for a trend, no regional change). A reported year is not a gap: pass only missing years.
 *
 * @example
 * const series = new Map([[2019, 40], [2020, 45], [2021, 50]]);
 * estimateGap('own-trend', series, 2023, { window: 2, bounds: { min: 0, max: 100 } }); // { value: 60, kind: 'trailing', distance: 2, … }
 * estimateGap('nearest', series, 2023, { window: 2, bounds: { min: 0, max: 100 } });   // { value: 50, … }
 */
export function estimateGap(method: GapMethod, series: YearIndex, year: number, ctx: GapContext): Estimate | null {
  const { before, after } = neighbours(series, year, ctx.window);
  if (before === null && after === null) return null;
  const kind = kindOf(series, year);
  // The nearest side (the earlier on a tie) anchors every method but interpolation.
  const anchor = before !== null && (after === null || year - before <= after - year) ? before : after!;
  const distance = Math.abs(year - anchor);
  const anchorValue = series.get(anchor)!;
  const done = (value: number): Estimate => ({ value: clamp(value, ctx.bounds), method, kind, distance });
  switch (method) {
    case 'nearest':
      return done(anchorValue);
    case 'interpolate': {
      if (before === null || after === null) return null;
      const b = series.get(before)!;
      const a = series.get(after)!;
      return { ...done(b + ((a - b) * (year - before)) / (after - before)), distance: Math.min(year - before, after - year) };
    }
    case 'own-trend': {
      // The member's latest TREND_POINTS reported years within TREND_SPAN, on the anchor's side.
      const years = sortedYears(series);
      const at = indexOf(years, anchor);
      const used: (readonly [number, number])[] = [];
      const step = anchor < year ? -1 : 1;
      for (let i = at; i >= 0 && i < years.length && used.length < TREND_POINTS; i += step) {
        const y = years[i]!;
        if (Math.abs(y - anchor) >= TREND_SPAN) break;
        used.push([y, series.get(y)!]);
      }
      if (used.length < TREND_MIN_POINTS) return null;
      return done(anchorValue + slopeOf(used) * (year - anchor));
    }
    case 'region-trend': {
      const change = ctx.regionChange?.(anchor, year) ?? null;
      return change === null ? null : done(anchorValue + change);
    }
  }
}

/**
 * The estimate the policy gives for this gap, falling back to `nearest` when the chosen method
 * cannot estimate here; `null` when nothing lies within the window.
 * @example fillGap({ interior: 'interpolate', trailing: 'own-trend', leading: 'nearest' }, series, 2023, ctx)
 */
export function fillGap(policy: GapPolicy, series: YearIndex, year: number, ctx: GapContext): Estimate | null {
  const first = estimateGap('nearest', series, year, ctx);
  if (first === null) return null;
  const method = policy[kindOf(series, year)];
  return method === 'nearest' ? first : (estimateGap(method, series, year, ctx) ?? first);
}

/**
 * A region's change between two years from its members' reported values: the population-weighted
 * mean of (value in `to` − value in `from`) over the members reporting in both years, leaving one
 * member out (the one being estimated). `null` when no other member reported in both.
 *
 * @example
 * const change = regionChange(['A', 'B'], values, population);
 * change('C', 2021, 2023); // mean change of A and B from 2021 to 2023, weighted by their 2023 population
 */
export function regionChange(
  members: readonly string[],
  values: ReadonlyMap<string, YearIndex>,
  population: ReadonlyMap<string, YearIndex>,
): (except: string, from: number, to: number) => number | null {
  const cache = new Map<string, { sum: number; weight: number; parts: Map<string, [number, number]> }>();
  return (except, from, to) => {
    const key = `${from}:${to}`;
    let totals = cache.get(key);
    if (totals === undefined) {
      totals = { sum: 0, weight: 0, parts: new Map() };
      for (const m of members) {
        const series = values.get(m);
        const a = series?.get(from);
        const b = series?.get(to);
        const w = population.get(m)?.get(to) ?? population.get(m)?.get(from);
        if (a === undefined || b === undefined || w === undefined || !(w > 0)) continue;
        totals.sum += (b - a) * w;
        totals.weight += w;
        totals.parts.set(m, [(b - a) * w, w]);
      }
      cache.set(key, totals);
    }
    const own = totals.parts.get(except);
    const weight = totals.weight - (own?.[1] ?? 0);
    return weight > 0 ? (totals.sum - (own?.[0] ?? 0)) / weight : null;
  };
}
