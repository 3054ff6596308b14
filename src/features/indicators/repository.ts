/**
 * The read side of the indicators engine: observations, aggregates and series for the API,
 * pages, profiles and the computations after an import. Only the engine's own tables: countries
 * and groups come from the reference feature (reference/index.ts).
 */
import type { Db } from '../../db/database.js';
import type { AggregateRow, ObservationRow } from './store.js';

export type { AggregateRow, ObservationRow, PublishedAggregateRow } from './store.js';

/** A value with the vintage it was published with. */
export interface DatedValue {
  readonly year: number;
  readonly value: number;
  readonly vintage: string;
}

/** One indicator's values (one breakdown), grouped by country, with their vintages. */
export async function seriesByCountry(db: Db, indicator: string, breakdown = ''): Promise<Map<string, DatedValue[]>> {
  const rows = await db
    .selectFrom('observations')
    .select(['m49', 'year', 'value', 'vintage'])
    .where('indicator_code', '=', indicator)
    .where('breakdown', '=', breakdown)
    .orderBy('m49')
    .orderBy('year')
    .execute();
  const result = new Map<string, DatedValue[]>();
  for (const r of rows) {
    const series = result.get(r.m49);
    if (series) series.push({ year: r.year, value: r.value, vintage: r.vintage });
    else result.set(r.m49, [{ year: r.year, value: r.value, vintage: r.vintage }]);
  }
  return result;
}

/** Per indicator: how many observations, countries and which years the platform holds. */
export async function observationStats(
  db: Db,
): Promise<Map<string, { count: number; countries: number; firstYear: number; lastYear: number }>> {
  const rows = await db
    .selectFrom('observations')
    .select((eb) => [
      'indicator_code',
      eb.fn.countAll<number>().as('count'),
      eb.fn.count<number>('m49').distinct().as('countries'),
      eb.fn.min<number>('year').as('first_year'),
      eb.fn.max<number>('year').as('last_year'),
    ])
    .groupBy('indicator_code')
    .execute();
  return new Map(
    rows.map((r) => [
      r.indicator_code,
      { count: Number(r.count), countries: Number(r.countries), firstYear: r.first_year, lastYear: r.last_year },
    ]),
  );
}

export interface ObservationFilter {
  readonly indicator: string;
  /** Only these M49 codes (already resolved from ISO3 codes and group members). */
  readonly m49s?: readonly string[];
  readonly years?: { from: number; to: number };
  /** '' for the total. */
  readonly breakdown?: string;
  /** Keyset: start after this (m49, year, breakdown). */
  readonly after?: readonly [string, number, string];
  readonly limit?: number;
}

/** Observations of one indicator ordered by country (M49), year and breakdown. */
export async function listObservations(db: Db, filter: ObservationFilter): Promise<ObservationRow[]> {
  let query = db
    .selectFrom('observations as o')
    .select(['o.indicator_code', 'o.m49', 'o.year', 'o.breakdown', 'o.value', 'o.estimate', 'o.note', 'o.source', 'o.vintage'])
    .where('o.indicator_code', '=', filter.indicator)
    .orderBy('o.m49')
    .orderBy('o.year')
    .orderBy('o.breakdown');
  if (filter.m49s) query = query.where('o.m49', 'in', filter.m49s.length > 0 ? [...filter.m49s] : ['']);
  if (filter.years) query = query.where('o.year', '>=', filter.years.from).where('o.year', '<=', filter.years.to);
  if (filter.breakdown !== undefined) query = query.where('o.breakdown', '=', filter.breakdown);
  if (filter.after) {
    const [m49, year, breakdown] = filter.after;
    query = query.where((eb) => eb(eb.refTuple('o.m49', 'o.year', 'o.breakdown'), '>', eb.tuple(m49, year, breakdown)));
  }
  if (filter.limit) query = query.limit(filter.limit);
  return query.execute();
}

export interface AggregateFilter {
  readonly indicator: string;
  readonly group?: string;
  readonly years?: { from: number; to: number };
  /** Keyset: start after this (group, year). */
  readonly after?: readonly [string, number];
  readonly limit?: number;
}

export type AggregateListRow = AggregateRow & {
  published_value: number | null;
  published_source: string | null;
  published_vintage: string | null;
};

/**
 * Computed aggregates (total breakdown) with the source-published figure for the same group and
 * year alongside, the newest vintage when several sources published one.
 */
export async function listAggregates(db: Db, filter: AggregateFilter): Promise<AggregateListRow[]> {
  let query = aggregatesWithPublished(db).where('a.indicator_code', '=', filter.indicator).orderBy('a.group_code').orderBy('a.year');
  if (filter.group) query = query.where('a.group_code', '=', filter.group);
  if (filter.years) query = query.where('a.year', '>=', filter.years.from).where('a.year', '<=', filter.years.to);
  if (filter.after) {
    const [group, year] = filter.after;
    query = query.where((eb) => eb(eb.refTuple('a.group_code', 'a.year'), '>', eb.tuple(group, year)));
  }
  if (filter.limit) query = query.limit(filter.limit);
  return query.execute();
}

/** Every computed aggregate (total breakdown) of one group, all indicators, by indicator and year. */
export async function groupAggregates(db: Db, group: string): Promise<AggregateListRow[]> {
  return aggregatesWithPublished(db).where('a.group_code', '=', group).orderBy('a.indicator_code').orderBy('a.year').execute();
}

function aggregatesWithPublished(db: Db) {
  return db
    .selectFrom('aggregates as a')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('published_aggregates as p')
          .select(['p.value as published_value', 'p.source as published_source', 'p.vintage as published_vintage'])
          .whereRef('p.indicator_code', '=', 'a.indicator_code')
          .whereRef('p.group_code', '=', 'a.group_code')
          .whereRef('p.year', '=', 'a.year')
          .whereRef('p.breakdown', '=', 'a.breakdown')
          .orderBy('p.vintage', 'desc')
          .limit(1)
          .as('p'),
      (join) => join.onTrue(),
    )
    .select([
      'a.indicator_code',
      'a.group_code',
      'a.year',
      'a.breakdown',
      'a.value',
      'a.coverage',
      'a.members_with_data',
      'a.members_gap_filled',
      'a.members_total',
      'a.estimated_share',
      'a.method',
      'p.published_value',
      'p.published_source',
      'p.published_vintage',
    ])
    .where('a.breakdown', '=', '');
}

export interface SeriesPoint {
  readonly indicator_code: string;
  readonly year: number;
  readonly value: number;
  readonly source: string;
  readonly vintage: string;
  readonly estimate: boolean;
}

/** Every total (no breakdown) observation of one country, by indicator and year. */
export async function countrySeries(db: Db, m49: string): Promise<SeriesPoint[]> {
  return db
    .selectFrom('observations')
    .select(['indicator_code', 'year', 'value', 'source', 'vintage', 'estimate'])
    .where('m49', '=', m49)
    .where('breakdown', '=', '')
    .orderBy('indicator_code')
    .orderBy('year')
    .execute();
}

/** Total values of the given M49 codes for each indicator within its year span (inclusive). */
export async function valuesInWindows(
  db: Db,
  m49s: readonly string[],
  windows: readonly { indicator: string; from: number; to: number }[],
): Promise<{ indicator_code: string; year: number; m49: string; value: number }[]> {
  if (m49s.length === 0 || windows.length === 0) return [];
  return db
    .selectFrom('observations')
    .select(['indicator_code', 'year', 'm49', 'value'])
    .where('breakdown', '=', '')
    .where('m49', 'in', [...m49s])
    .where((eb) =>
      eb.or(windows.map((w) => eb.and([eb('indicator_code', '=', w.indicator), eb('year', '>=', w.from), eb('year', '<=', w.to)]))),
    )
    .execute();
}
