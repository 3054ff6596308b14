/**
 * Group figures (world, regions, LDCs, income groups) as population-weighted means, with the
 * coverage, the estimated share and the gap method stated next to the number, because a group
 * aggregate is only as good as the share of the group it rests on.
 *
 * Method
 * - Weight: each member's population in the aggregate's year. For shares of the population,
 *   rates per 100 inhabitants and per-capita amounts this equals "group total ÷ group
 *   population", the World Bank's definition for weighted averages.
 * - Gaps: a member with no value in the year gets an estimate, within ±`gapWindowYears` of its
 *   own nearest reported value, by the method measured best for that kind of gap
 *   (gap-evaluation.ts; the table is in docs/methods.md): linear interpolation between reported
 *   years, the member's own recent trend after its last reported year (or before its first),
 *   clamped to the indicator's natural bounds. Carrying the last value forward, as before, made
 *   growing series flat and put the latest years of growing groups points too low.
 * - Coverage: the covered members' population ÷ the population of all members whose population
 *   is known for the year. A member without population for the year cannot be weighted, so it is
 *   not covered; since its size is unknown it cannot enter the denominator either — the member
 *   counts in the result show it.
 * - Threshold: no figure below `minCoverage`, by default 2/3. That is the World Bank's rule for
 *   its weighted-average aggregates ("no aggregate if missing data account for more than a third
 *   of the value of weights"; they test it in a benchmark year, we test every year). Missing
 *   members are in effect assumed to sit at the covered members' mean; with up to a third
 *   missing that assumption already moves a figure by points, so we do not go lower.
 * - Estimated share: the population share of the covered members whose value is an estimate.
 *   A year where most of it is estimated (more than `maxEstimatedShare`, by default one half) is
 *   not published: it would be our model more than the members' data.
 */
import { withoutFloatNoise } from './precision.js';
import { fillGap, regionChange, type GapMethod, type GapPolicy, type YearIndex } from './gap-fill.js';
import type { NaturalBounds, YearValue } from './types.js';

export const DEFAULT_GAP_WINDOW_YEARS = 2;
export const DEFAULT_MIN_COVERAGE = 2 / 3;
export const DEFAULT_MAX_ESTIMATED_SHARE = 1 / 2;
/** Chosen by the hold-out measurement in docs/methods.md (test: src/core/indicators/gap-evaluation.test.ts). */
export const DEFAULT_GAP_POLICY: GapPolicy = { interior: 'interpolate', trailing: 'own-trend', leading: 'own-trend' };

export interface AggregateOptions {
  /** How far (in years, either side) from a member's own reported value an estimate may reach. Default 2. */
  readonly gapWindowYears?: number;
  /** Minimum share (0–1) of the group population that must have a value. Default 2/3. */
  readonly minCoverage?: number;
  /** Maximum share (0–1) of the covered population whose value may be estimated. Default 1/2. */
  readonly maxEstimatedShare?: number;
  /** The method per kind of gap. Default DEFAULT_GAP_POLICY. */
  readonly gapPolicy?: GapPolicy;
  /** The indicator's natural bounds, for estimates. Default unbounded. */
  readonly bounds?: NaturalBounds;
}

export interface AggregateSeriesOptions extends AggregateOptions {
  /** First and last year to compute (inclusive); default: the span of reported member values. */
  readonly fromYear?: number;
  readonly toYear?: number;
}

/** Member series keyed by area code (ISO3). Members missing from a map simply have no data. */
export interface GroupData {
  readonly members: readonly string[];
  readonly values: ReadonlyMap<string, readonly YearValue[]>;
  readonly population: ReadonlyMap<string, readonly YearValue[]>;
  /** Each member's region (the members of its M49 sub-region), for a `region-trend` gap policy. */
  readonly regionOf?: ReadonlyMap<string, readonly string[]>;
}

export interface GroupAggregate {
  readonly value: number;
  readonly year: number;
  /** Share (0–1) of the group's known population with a value, reported or estimated. */
  readonly coverage: number;
  /** Share (0–1) of the covered population whose value is estimated. */
  readonly estimatedShare: number;
  readonly membersWithData: number;
  /** Of `membersWithData`, how many have an estimated value. */
  readonly membersGapFilled: number;
  readonly membersTotal: number;
  /** The method in one human sentence, to print next to the figure. */
  readonly method: string;
}

function indexSeries(series: readonly YearValue[] | undefined, what: string): Map<number, number> {
  const index = new Map<number, number>();
  for (const point of series ?? []) {
    if (!Number.isFinite(point.value)) continue;
    if (index.has(point.year)) throw new RangeError(`${what} has two values for ${point.year}`);
    index.set(point.year, point.value);
  }
  return index;
}

function nearestInIndex(index: YearIndex, year: number, window: number): YearValue | null {
  for (let distance = 0; distance <= window; distance += 1) {
    const before = index.get(year - distance);
    if (before !== undefined) return { year: year - distance, value: before };
    const after = index.get(year + distance);
    if (after !== undefined) return { year: year + distance, value: after };
  }
  return null;
}

/**
 * The value reported in `year`, else the nearest reported year within ±`windowYears`, the
 * earlier one on a tie. Non-finite values count as not reported.
 *
 * @example
 * nearestValue([{ year: 2019, value: 40 }, { year: 2023, value: 60 }], 2021, 2);
 * // { year: 2019, value: 40 } — 2019 and 2023 are both 2 away; the earlier wins
 */
export function nearestValue(series: readonly YearValue[], year: number, windowYears: number = DEFAULT_GAP_WINDOW_YEARS): YearValue | null {
  assertWindow(windowYears);
  return nearestInIndex(indexSeries(series, 'series'), year, windowYears);
}

function assertWindow(window: number): void {
  if (!Number.isInteger(window) || window < 0) {
    throw new RangeError(`gapWindowYears must be a whole number ≥ 0, got ${window}`);
  }
}

function assertShare(value: number, name: string): void {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be between 0 and 1, got ${value}`);
}

interface Resolved {
  readonly window: number;
  readonly minCoverage: number;
  readonly maxEstimatedShare: number;
  readonly policy: GapPolicy;
  readonly bounds: NaturalBounds;
}

function resolveOptions(options: AggregateOptions): Resolved {
  const resolved = {
    window: options.gapWindowYears ?? DEFAULT_GAP_WINDOW_YEARS,
    minCoverage: options.minCoverage ?? DEFAULT_MIN_COVERAGE,
    maxEstimatedShare: options.maxEstimatedShare ?? DEFAULT_MAX_ESTIMATED_SHARE,
    policy: options.gapPolicy ?? DEFAULT_GAP_POLICY,
    bounds: options.bounds ?? { min: null, max: null },
  };
  assertWindow(resolved.window);
  assertShare(resolved.minCoverage, 'minCoverage');
  assertShare(resolved.maxEstimatedShare, 'maxEstimatedShare');
  return resolved;
}

interface IndexedMember {
  readonly values: YearIndex;
  readonly population: YearIndex;
  readonly regionChange: ((from: number, to: number) => number | null) | undefined;
}

function indexGroup(data: GroupData, policy: GapPolicy): IndexedMember[] {
  const unique = [...new Set(data.members)];
  const values = new Map<string, YearIndex>();
  const population = new Map<string, YearIndex>();
  // Regions are only read by the region-trend method: index the peers' series only for it.
  const regionOf = Object.values(policy).includes('region-trend') ? data.regionOf : undefined;
  const codes = new Set([...unique, ...unique.flatMap((code) => regionOf?.get(code) ?? [])]);
  for (const code of codes) {
    values.set(code, indexSeries(data.values.get(code), `values of ${code}`));
    population.set(code, indexSeries(data.population.get(code), `population of ${code}`));
  }
  const changes = new Map<readonly string[], ReturnType<typeof regionChange>>();
  return unique.map((code) => {
    const region = regionOf?.get(code);
    let change: ReturnType<typeof regionChange> | undefined;
    if (region) {
      change = changes.get(region);
      if (!change) changes.set(region, (change = regionChange(region, values, population)));
    }
    const bound = change;
    return {
      values: values.get(code)!,
      population: population.get(code)!,
      regionChange: bound ? (from: number, to: number) => bound(code, from, to) : undefined,
    };
  });
}

const METHOD_NAMES: Record<GapMethod, string> = {
  nearest: 'nearest year',
  interpolate: 'linear interpolation',
  'own-trend': "the member's own recent trend",
  'region-trend': "the region's trend",
};

function describeMethod(o: Resolved, gapFilled: number, withData: number, estimatedShare: number, coverage: number): string {
  if (o.window === 0) return `population-weighted mean; no gap filling; coverage ${coverage.toFixed(2)}`;
  const methods =
    o.policy.interior === o.policy.trailing && o.policy.trailing === o.policy.leading
      ? METHOD_NAMES[o.policy.interior]
      : `${METHOD_NAMES[o.policy.interior]} between reported years, else ${METHOD_NAMES[o.policy.trailing]}`;
  return (
    `population-weighted mean; ${gapFilled} of ${withData} members estimated within ±${o.window} years by ${methods} ` +
    `(${Math.round(estimatedShare * 100)} % of the covered population); coverage ${coverage.toFixed(2)}`
  );
}

function aggregateIndexed(members: readonly IndexedMember[], year: number, o: Resolved): GroupAggregate | null {
  let knownPopulation = 0;
  let coveredPopulation = 0;
  let estimatedPopulation = 0;
  let weightedSum = 0;
  let withData = 0;
  let gapFilled = 0;
  for (const member of members) {
    const population = member.population.get(year);
    if (population === undefined || !(population > 0)) continue;
    knownPopulation += population;
    let value = member.values.get(year);
    if (value === undefined && o.window > 0) {
      const ctx = { window: o.window, bounds: o.bounds, ...(member.regionChange ? { regionChange: member.regionChange } : {}) };
      const estimate = fillGap(o.policy, member.values, year, ctx);
      if (estimate === null) continue;
      value = estimate.value;
      estimatedPopulation += population;
      gapFilled += 1;
    }
    if (value === undefined) continue;
    coveredPopulation += population;
    weightedSum += value * population;
    withData += 1;
  }
  if (withData === 0 || knownPopulation === 0) return null;
  const coverage = coveredPopulation / knownPopulation;
  const estimatedShare = estimatedPopulation / coveredPopulation;
  if (coverage < o.minCoverage || estimatedShare > o.maxEstimatedShare) return null;
  return {
    value: withoutFloatNoise(weightedSum / coveredPopulation),
    year,
    coverage,
    estimatedShare,
    membersWithData: withData,
    membersGapFilled: gapFilled,
    membersTotal: members.length,
    method: describeMethod(o, gapFilled, withData, estimatedShare, coverage),
  };
}

/**
 * Population-weighted mean of a group for one year, or `null` when less than `minCoverage` of
 * the group's population has a value or more than `maxEstimatedShare` of it is estimated.
 *
 * @example
 * const group = {
 *   members: ['AAA', 'BBB'],
 *   values: new Map([['AAA', [{ year: 2022, value: 80 }]], ['BBB', [{ year: 2021, value: 20 }]]]),
 *   population: new Map([['AAA', [{ year: 2022, value: 3e6 }]], ['BBB', [{ year: 2022, value: 1e6 }]]]),
 * };
 * aggregatePopulationWeighted(group, 2022);
 * // { value: 65, year: 2022, coverage: 1, estimatedShare: 0.25, membersWithData: 2, membersGapFilled: 1, … }
 */
export function aggregatePopulationWeighted(data: GroupData, year: number, options: AggregateOptions = {}): GroupAggregate | null {
  const resolved = resolveOptions(options);
  return aggregateIndexed(indexGroup(data, resolved.policy), year, resolved);
}

/**
 * The group's aggregate for every year from the first to the last year any member reported a
 * value (or the span given), skipping years below the coverage threshold or mostly estimated. A
 * year in which no member reported at all is never produced, even if estimates would cover it:
 * that figure would be a projection, not an aggregate.
 *
 * @example
 * aggregatePopulationWeightedSeries(group, { fromYear: 2000 }).map((a) => [a.year, a.value]);
 */
export function aggregatePopulationWeightedSeries(data: GroupData, options: AggregateSeriesOptions = {}): GroupAggregate[] {
  const resolved = resolveOptions(options);
  const members = indexGroup(data, resolved.policy);
  const reportedYears = new Set<number>();
  for (const member of members) for (const year of member.values.keys()) reportedYears.add(year);
  if (reportedYears.size === 0) return [];
  const from = options.fromYear ?? Math.min(...reportedYears);
  const to = options.toYear ?? Math.max(...reportedYears);
  const results: GroupAggregate[] = [];
  for (let year = from; year <= to; year += 1) {
    if (!reportedYears.has(year)) continue;
    const aggregate = aggregateIndexed(members, year, resolved);
    if (aggregate !== null) results.push(aggregate);
  }
  return results;
}
