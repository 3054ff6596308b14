/**
 * Group figures (world, regions, LDCs, income groups) as population-weighted means, with the
 * coverage and the gap-filling rule stated next to the number, because a group aggregate is only
 * as good as the share of the group it rests on.
 *
 * Method
 * - Weight: each member's population in the aggregate's year. For shares of the population,
 *   rates per 100 inhabitants and per-capita amounts this equals "group total ÷ group
 *   population", the World Bank's definition for weighted averages.
 * - Gaps: a member with no value in the year borrows its nearest reported value within
 *   ±`gapWindowYears` (earlier year on a tie). Values are carried, never extrapolated, and never
 *   from further away than the window.
 * - Coverage: the covered members' population ÷ the population of all members whose population
 *   is known for the year. A member without population for the year cannot be weighted, so it is
 *   not covered; since its size is unknown it cannot enter the denominator either — the member
 *   counts in the result show it.
 * - Threshold: no figure below `minCoverage`, by default 2/3. That is the World Bank's rule for
 *   its weighted-average aggregates ("no aggregate if missing data account for more than a third
 *   of the value of weights"; they test it in a benchmark year, we test every year), so our
 *   figures are publishable on the same terms as theirs and comparable with them. Missing members
 *   are in effect assumed to sit at the covered members' mean; with up to a third missing that
 *   assumption already moves a figure by points, so we do not go lower (at 50 % half the group's
 *   people would be taken on trust).
 */
import type { YearValue } from './types.js';

export const DEFAULT_GAP_WINDOW_YEARS = 2;
export const DEFAULT_MIN_COVERAGE = 2 / 3;

export interface AggregateOptions {
  /** How far (in years, either side) a missing member value may be borrowed from. Default 2. */
  readonly gapWindowYears?: number;
  /** Minimum share (0–1) of the group population that must have a value. Default 2/3. */
  readonly minCoverage?: number;
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
}

export interface GroupAggregate {
  readonly value: number;
  readonly year: number;
  /** Share (0–1) of the group's known population with a value after gap filling. */
  readonly coverage: number;
  readonly membersWithData: number;
  /** Of `membersWithData`, how many used a value from another year. */
  readonly membersGapFilled: number;
  readonly membersTotal: number;
  /** The method in one human sentence, to print next to the figure. */
  readonly method: string;
}

type YearIndex = ReadonlyMap<number, number>;

function indexSeries(series: readonly YearValue[] | undefined, what: string): YearIndex {
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

function resolveOptions(options: AggregateOptions): { window: number; minCoverage: number } {
  const window = options.gapWindowYears ?? DEFAULT_GAP_WINDOW_YEARS;
  const minCoverage = options.minCoverage ?? DEFAULT_MIN_COVERAGE;
  assertWindow(window);
  if (!(minCoverage >= 0 && minCoverage <= 1)) {
    throw new RangeError(`minCoverage must be between 0 and 1, got ${minCoverage}`);
  }
  return { window, minCoverage };
}

interface IndexedMember {
  readonly values: YearIndex;
  readonly population: YearIndex;
}

function indexGroup(data: GroupData): IndexedMember[] {
  const unique = [...new Set(data.members)];
  return unique.map((code) => ({
    values: indexSeries(data.values.get(code), `values of ${code}`),
    population: indexSeries(data.population.get(code), `population of ${code}`),
  }));
}

function describeMethod(window: number, gapFilled: number, withData: number, coverage: number): string {
  const gaps = window === 0 ? 'no gap filling' : `gaps filled with nearest year within ±${window} (${gapFilled} of ${withData} members)`;
  return `population-weighted mean; ${gaps}; coverage ${coverage.toFixed(2)}`;
}

function aggregateIndexed(members: readonly IndexedMember[], year: number, window: number, minCoverage: number): GroupAggregate | null {
  let knownPopulation = 0;
  let coveredPopulation = 0;
  let weightedSum = 0;
  let withData = 0;
  let gapFilled = 0;
  for (const member of members) {
    const population = member.population.get(year);
    if (population === undefined || !(population > 0)) continue;
    knownPopulation += population;
    const found = nearestInIndex(member.values, year, window);
    if (found === null) continue;
    coveredPopulation += population;
    weightedSum += found.value * population;
    withData += 1;
    if (found.year !== year) gapFilled += 1;
  }
  if (withData === 0 || knownPopulation === 0) return null;
  const coverage = coveredPopulation / knownPopulation;
  if (coverage < minCoverage) return null;
  return {
    value: weightedSum / coveredPopulation,
    year,
    coverage,
    membersWithData: withData,
    membersGapFilled: gapFilled,
    membersTotal: members.length,
    method: describeMethod(window, gapFilled, withData, coverage),
  };
}

/**
 * Population-weighted mean of a group for one year, or `null` when less than `minCoverage` of
 * the group's population has a value (after gap filling).
 *
 * @example
 * const group = {
 *   members: ['AAA', 'BBB'],
 *   values: new Map([['AAA', [{ year: 2022, value: 80 }]], ['BBB', [{ year: 2021, value: 20 }]]]),
 *   population: new Map([['AAA', [{ year: 2022, value: 1e6 }]], ['BBB', [{ year: 2022, value: 3e6 }]]]),
 * };
 * aggregatePopulationWeighted(group, 2022);
 * // { value: 35, year: 2022, coverage: 1, membersWithData: 2, membersGapFilled: 1, membersTotal: 2,
 * //   method: 'population-weighted mean; gaps filled with nearest year within ±2 (1 of 2 members); coverage 1.00' }
 */
export function aggregatePopulationWeighted(data: GroupData, year: number, options: AggregateOptions = {}): GroupAggregate | null {
  const { window, minCoverage } = resolveOptions(options);
  return aggregateIndexed(indexGroup(data), year, window, minCoverage);
}

/**
 * The group's aggregate for every year from the first to the last year any member reported a
 * value (or the span given), skipping years below the coverage threshold. A year in which no
 * member reported at all is never produced, even if borrowed values would cover it: that figure
 * would be a projection, not an aggregate.
 *
 * @example
 * aggregatePopulationWeightedSeries(group, { fromYear: 2000 }).map((a) => [a.year, a.value]);
 */
export function aggregatePopulationWeightedSeries(data: GroupData, options: AggregateSeriesOptions = {}): GroupAggregate[] {
  const { window, minCoverage } = resolveOptions(options);
  const members = indexGroup(data);
  const reportedYears = new Set<number>();
  for (const member of members) for (const year of member.values.keys()) reportedYears.add(year);
  if (reportedYears.size === 0) return [];
  const from = options.fromYear ?? Math.min(...reportedYears);
  const to = options.toYear ?? Math.max(...reportedYears);
  const results: GroupAggregate[] = [];
  for (let year = from; year <= to; year += 1) {
    if (!reportedYears.has(year)) continue;
    const aggregate = aggregateIndexed(members, year, window, minCoverage);
    if (aggregate !== null) results.push(aggregate);
  }
  return results;
}
