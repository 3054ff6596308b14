/**
 * Which value of each peer a rank compares. Sources publish countries on different calendars
 * (a survey every two or three years, an ITU estimate a year late), so ranking only among the
 * peers with a value in exactly the country's latest year leaves most of a region out
 * ("1 of 2"). Instead:
 *
 * 1. The reference year is the country's own latest year.
 * 2. Each peer contributes its latest value in the window [reference − (windowYears − 1),
 *    reference], by default the reference year and the two years before it. Later years are
 *    ignored, so no peer is compared on data newer than the country's.
 * 3. Peers without any value in the window are left out of the ranking and counted in
 *    `withoutValue`, so "4 of 48" can say how many of the group could not be compared.
 * 4. The ranking itself is rankPeers (competition ranking, ties share a rank).
 */
import { rankPeers, type PeerRank } from './rank.js';
import type { Direction, YearValue } from './types.js';

/** Years in the window, the reference year included: [reference − 2, reference]. */
export const DEFAULT_RANK_WINDOW_YEARS = 3;

export interface RankWindow {
  readonly referenceYear: number;
  /** First year whose values count (inclusive). */
  readonly from: number;
  /** Last year whose values count (inclusive): the reference year. */
  readonly to: number;
}

/**
 * @example rankWindow(2024) // { referenceYear: 2024, from: 2022, to: 2024 }
 */
export function rankWindow(referenceYear: number, windowYears = DEFAULT_RANK_WINDOW_YEARS): RankWindow {
  if (!Number.isInteger(windowYears) || windowYears < 1) throw new RangeError(`windowYears must be a whole number ≥ 1, got ${windowYears}`);
  return { referenceYear, from: referenceYear - windowYears + 1, to: referenceYear };
}

/**
 * Each member's latest finite value inside the window, or `null` when it has none there.
 *
 * @example
 * latestInWindow(['A', 'B', 'C'], new Map([['A', [{ year: 2021, value: 5 }, { year: 2023, value: 7 }]], ['B', [{ year: 2025, value: 9 }]]]), rankWindow(2024));
 * // Map { A → { year: 2023, value: 7 }, B → null (2025 is after the window), C → null }
 */
export function latestInWindow(
  members: readonly string[],
  series: ReadonlyMap<string, readonly YearValue[]>,
  window: RankWindow,
): Map<string, YearValue | null> {
  const result = new Map<string, YearValue | null>();
  for (const member of members) {
    let best: YearValue | null = null;
    for (const point of series.get(member) ?? []) {
      if (point.year < window.from || point.year > window.to || !Number.isFinite(point.value)) continue;
      if (best === null || point.year > best.year) best = point;
    }
    result.set(member, best);
  }
  return result;
}

export interface WindowedRank extends PeerRank {
  readonly window: RankWindow;
  /** Members of the group with no value in the window (not ranked, not in `of`). */
  readonly withoutValue: number;
  /** Members of the group, the country included. */
  readonly members: number;
}

/**
 * The country's rank among the members of one group, each on its latest value in the window
 * ending at the country's latest year; `null` when the country has no value in that window
 * (or is not a member).
 *
 * @example
 * rankInWindow('KEN', ['KEN', 'UGA', 'TZA', 'BDI'], series, 2024, 'higher-is-better');
 * // { rank: 2, of: 3, tiedWith: 1, label: '2 of 3', window: { referenceYear: 2024, from: 2022, to: 2024 }, withoutValue: 1, members: 4 }
 */
export function rankInWindow(
  country: string,
  members: readonly string[],
  series: ReadonlyMap<string, readonly YearValue[]>,
  referenceYear: number,
  direction: Direction,
  windowYears = DEFAULT_RANK_WINDOW_YEARS,
): WindowedRank | null {
  const window = rankWindow(referenceYear, windowYears);
  const latest = latestInWindow(members, series, window);
  const values = new Map([...latest].map(([m, p]) => [m, p?.value ?? null]));
  const rank = rankPeers(values, direction).get(country);
  if (!rank) return null;
  return { ...rank, window, withoutValue: members.length - rank.of, members: members.length };
}
