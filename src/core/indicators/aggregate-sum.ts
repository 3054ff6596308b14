/**
 * Totals for a group (population): the plain sum of the members that reported
 * that year. Coverage is the share of members reporting, because the quantity
 * that would weight it (population) is the thing being summed.
 */
import type { YearValue } from './types.js';

export interface GroupSum {
  readonly year: number;
  readonly value: number;
  readonly coverage: number;
  readonly membersWithData: number;
  readonly membersTotal: number;
  readonly method: string;
}

/**
 * Sums per year, skipping years where fewer than `minCoverage` of members reported.
 * @example sumSeries(['A', 'B'], new Map([['A', [{ year: 2020, value: 2 }]], ['B', [{ year: 2020, value: 3 }]]]))
 * // [{ year: 2020, value: 5, coverage: 1, membersWithData: 2, membersTotal: 2, method: 'sum of reported member values; 2 of 2 members' }]
 */
export function sumSeries(members: readonly string[], values: ReadonlyMap<string, readonly YearValue[]>, minCoverage = 2 / 3): GroupSum[] {
  const byYear = new Map<number, { total: number; count: number }>();
  for (const member of members) {
    for (const point of values.get(member) ?? []) {
      if (!Number.isFinite(point.value)) continue;
      const entry = byYear.get(point.year) ?? { total: 0, count: 0 };
      byYear.set(point.year, { total: entry.total + point.value, count: entry.count + 1 });
    }
  }
  return [...byYear]
    .toSorted(([a], [b]) => a - b)
    .filter(([, e]) => members.length > 0 && e.count / members.length >= minCoverage)
    .map(([year, e]) => ({
      year,
      value: e.total,
      coverage: e.count / members.length,
      membersWithData: e.count,
      membersTotal: members.length,
      method: `sum of reported member values; ${e.count} of ${members.length} members`,
    }));
}
