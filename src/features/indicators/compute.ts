/**
 * Derived indicators and group aggregates, computed from stored observations inside every
 * import's transaction, so they can never disagree with the values they come from. A derived
 * value carries its inputs' vintage (the newest of them), not the import's: a value computed
 * today from GNI published in March is March data.
 */
import {
  aggregatePopulationWeightedSeries,
  genderParityIndex,
  gniPerCapitaMonthly,
  INDICATOR_CATALOGUE,
  withoutFloatNoise,
  type YearValue,
} from '../../core/indicators/index.js';
import { sumSeries } from '../../core/indicators/aggregate-sum.js';
import type { Db } from '../../db/database.js';
import { groupMemberships, listGroups } from '../reference/index.js';
import { seriesByCountry, type DatedValue } from './repository.js';
import type { AggregateRow, ObservationRow } from './store.js';

export const DERIVED_SOURCE = 'Computed by the platform from the source values';

/** Indicators the platform computes from others: recomputed by every import, never imported. */
export const COMPUTED_INDICATORS: ReadonlySet<string> = new Set(['mobile-ownership-gender-parity', 'gni-per-capita-monthly']);

/** Gender parity of mobile ownership and monthly GNI per capita, per country and year, with their inputs' vintage. */
export async function deriveIndicators(db: Db): Promise<ObservationRow[]> {
  const rows: ObservationRow[] = [];
  const female = await seriesByCountry(db, 'mobile-ownership', 'sex=female');
  const male = await seriesByCountry(db, 'mobile-ownership', 'sex=male');
  for (const [m49, series] of female) {
    const byYear = new Map((male.get(m49) ?? []).map((p) => [p.year, p]));
    for (const f of series) {
      const m = byYear.get(f.year);
      const value = genderParityIndex(f.value, m?.value ?? null);
      if (value !== null && m) rows.push(derived('mobile-ownership-gender-parity', m49, f.year, value, newest(f, m)));
    }
  }
  for (const [m49, series] of await seriesByCountry(db, 'gni-per-capita')) {
    for (const p of series) {
      const value = gniPerCapitaMonthly(p.value);
      if (value !== null) rows.push(derived('gni-per-capita-monthly', m49, p.year, value, p.vintage));
    }
  }
  return rows;
}

function newest(a: DatedValue, b: DatedValue): string {
  return a.vintage > b.vintage ? a.vintage : b.vintage;
}

function derived(indicator: string, m49: string, year: number, value: number, vintage: string): ObservationRow {
  return {
    indicator_code: indicator,
    m49,
    year,
    breakdown: '',
    value: withoutFloatNoise(value),
    estimate: false,
    note: null,
    source: DERIVED_SOURCE,
    vintage,
  };
}

/** A group with its members, and the region (members of its M49 sub-region) of each country, for gap filling. */
export interface AggregationGroups {
  readonly groups: readonly { code: string; members: readonly string[] }[];
  readonly regionOf: ReadonlyMap<string, readonly string[]>;
}

/**
 * Groups with their members, and each country's region — its M49 intermediate region where it
 * has one, else its sub-region — for gap filling by the region's trend.
 */
export async function aggregationGroups(db: Db): Promise<AggregationGroups> {
  const members = await groupMemberships(db);
  const kinds = new Map((await listGroups(db)).map((g) => [g.code, g.kind]));
  const regionOf = new Map<string, readonly string[]>();
  for (const kind of ['sub-region', 'intermediate-region']) {
    for (const [code, list] of members) if (kinds.get(code) === kind) for (const m49 of list) regionOf.set(m49, list);
  }
  return { groups: [...members].map(([code, list]) => ({ code, members: list })), regionOf };
}

/**
 * Every aggregate of every aggregatable indicator, from the stored values.
 * @example await computeAllAggregates(tx, groups) // Map { 'internet-use' => [...], … }
 */
export async function computeAllAggregates(db: Db, groups: AggregationGroups): Promise<Map<string, AggregateRow[]>> {
  const population = await seriesByCountry(db, 'population');
  const result = new Map<string, AggregateRow[]>();
  for (const indicator of INDICATOR_CATALOGUE) {
    if (indicator.aggregation === 'none') continue;
    const values = indicator.code === 'population' ? population : await seriesByCountry(db, indicator.code);
    result.set(indicator.code, computeAggregates(indicator.code, indicator.aggregation, groups, values, population, indicator.bounds));
  }
  return result;
}

/**
 * Pure: the aggregates of one indicator for every group and year.
 * @example computeAggregates('internet-use', 'population-weighted', groups, values, population, { min: 0, max: 100 })
 */
export function computeAggregates(
  indicator: string,
  rule: 'population-weighted' | 'sum',
  { groups, regionOf }: AggregationGroups,
  values: ReadonlyMap<string, readonly YearValue[]>,
  population: ReadonlyMap<string, readonly YearValue[]>,
  bounds: { min: number | null; max: number | null } = { min: null, max: null },
): AggregateRow[] {
  const rows: AggregateRow[] = [];
  for (const group of groups) {
    const computed =
      rule === 'sum'
        ? sumSeries(group.members, values).map((a) => ({ ...a, membersGapFilled: 0, estimatedShare: 0 }))
        : aggregatePopulationWeightedSeries({ members: group.members, values, population, regionOf }, { bounds });
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
        estimated_share: a.estimatedShare,
        method: a.method,
      });
    }
  }
  return rows;
}
