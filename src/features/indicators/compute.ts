/**
 * Derived indicators and group aggregates, computed from stored observations
 * after every import so they can never disagree with the values they come from.
 */
import {
  aggregatePopulationWeightedSeries,
  genderParityIndex,
  gniPerCapitaMonthly,
  INDICATOR_CATALOGUE,
  type YearValue,
} from '../../core/indicators/index.js';
import { sumSeries } from '../../core/indicators/aggregate-sum.js';
import type { WriteTx } from '../../db/database.js';
import { type AggregateRow, type ObservationRow, groupsWithMembers, replaceAggregates, seriesByCountry } from './repository.js';

const DERIVED_SOURCE = 'Computed by the platform from the source values';

/** Gender parity of mobile ownership and monthly GNI per capita, per country and year. */
export async function deriveIndicators(tx: WriteTx, vintage: string): Promise<ObservationRow[]> {
  const rows: ObservationRow[] = [];
  const female = await seriesByCountry(tx, 'mobile-ownership', 'sex=female');
  const male = await seriesByCountry(tx, 'mobile-ownership', 'sex=male');
  for (const [m49, series] of female) {
    const byYear = new Map((male.get(m49) ?? []).map((p) => [p.year, p.value]));
    for (const p of series) {
      const value = genderParityIndex(p.value, byYear.get(p.year) ?? null);
      if (value !== null) rows.push(derived('mobile-ownership-gender-parity', m49, p.year, value, vintage));
    }
  }
  for (const [m49, series] of await seriesByCountry(tx, 'gni-per-capita')) {
    for (const p of series) {
      const value = gniPerCapitaMonthly(p.value);
      if (value !== null) rows.push(derived('gni-per-capita-monthly', m49, p.year, value, vintage));
    }
  }
  return rows;
}

function derived(indicator: string, m49: string, year: number, value: number, vintage: string): ObservationRow {
  return { indicator_code: indicator, m49, year, breakdown: '', value, estimate: false, note: null, source: DERIVED_SOURCE, vintage };
}

/** Recomputes every aggregate of every aggregatable indicator; returns how many were stored. */
export async function recomputeAggregates(tx: WriteTx): Promise<number> {
  const groups = await groupsWithMembers(tx);
  const population = await seriesByCountry(tx, 'population');
  let stored = 0;
  for (const indicator of INDICATOR_CATALOGUE) {
    if (indicator.aggregation === 'none') continue;
    const values = indicator.code === 'population' ? population : await seriesByCountry(tx, indicator.code);
    const rows = computeAggregates(indicator.code, indicator.aggregation, groups, values, population);
    await replaceAggregates(tx, indicator.code, rows);
    stored += rows.length;
  }
  return stored;
}

/**
 * Pure: the aggregates of one indicator for every group and year.
 * @example computeAggregates('internet-use', 'population-weighted', groups, values, population)
 */
export function computeAggregates(
  indicator: string,
  rule: 'population-weighted' | 'sum',
  groups: readonly { code: string; members: string[] }[],
  values: ReadonlyMap<string, YearValue[]>,
  population: ReadonlyMap<string, YearValue[]>,
): AggregateRow[] {
  const rows: AggregateRow[] = [];
  for (const group of groups) {
    const computed =
      rule === 'sum'
        ? sumSeries(group.members, values).map((a) => ({ ...a, membersGapFilled: 0 }))
        : aggregatePopulationWeightedSeries({ members: group.members, values, population });
    for (const a of computed) {
      rows.push({
        indicator_code: indicator,
        group_code: group.code,
        year: a.year,
        breakdown: '',
        value: a.value,
        coverage: a.coverage,
        members_with_data: a.membersWithData,
        members_gap_filled: a.membersGapFilled,
        members_total: a.membersTotal,
        method: a.method,
      });
    }
  }
  return rows;
}
