/**
 * Storage of indicators, observations and aggregates. Observation writes go
 * through a staging table so that revisions, vintage rules and the upsert are
 * each one set-based statement, whatever the file size.
 */
import { sql } from 'kysely';
import type { Db, WriteTx } from '../../db/database.js';
import type { IndicatorDefinition } from '../../core/indicators/index.js';

const CHUNK = 1000;

export interface ObservationRow {
  indicator_code: string;
  m49: string;
  year: number;
  breakdown: string;
  value: number;
  estimate: boolean;
  note: string | null;
  source: string;
  vintage: string;
}

/** Makes the indicators table mirror the catalogue in code (names, targets, aliases). */
export async function syncCatalogue(tx: WriteTx, catalogue: readonly IndicatorDefinition[]): Promise<void> {
  await tx
    .insertInto('indicators')
    .values(catalogue.map((d) => ({ code: d.code, definition: JSON.stringify(d) })))
    .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ definition: eb.ref('excluded.definition'), updated_at: sql`now()` })))
    .execute();
  await tx.deleteFrom('indicator_aliases').execute();
  const aliases = new Map<string, string>();
  for (const d of catalogue) for (const alias of [d.code, ...d.aliases]) aliases.set(alias.toLowerCase(), d.code);
  await tx
    .insertInto('indicator_aliases')
    .values([...aliases].map(([alias, code]) => ({ alias, code })))
    .execute();
}

export interface ApplyCounts {
  inserted: number;
  revised: number;
  unchanged: number;
  /** Rows older than the stored vintage: kept out, the newer value stays. */
  superseded: number;
}

/**
 * Whether an incoming row may replace a stored one: a newer vintage always; the same
 * vintage only from the same source (a re-import). Two sources published on the same
 * day never overwrite each other, so re-imports do not flip a value back and forth.
 */
function replaces(incoming: 'i' | 'excluded', stored: 'o' | 'observations') {
  const i = sql.raw(incoming);
  const o = sql.raw(stored);
  return sql`(${i}.vintage > ${o}.vintage or (${i}.vintage = ${o}.vintage and ${i}.source = ${o}.source))`;
}

/**
 * Writes observations: new ones are inserted; a row that `replaces` the stored one replaces
 * the stored value, recording the old one in observation_revisions when it differs.
 */
export async function applyObservations(tx: WriteTx, rows: readonly ObservationRow[], importRunId: number): Promise<ApplyCounts> {
  await sql`create temp table incoming (like observations including defaults) on commit drop`.execute(tx);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK).map((r) => ({ ...r, import_run_id: importRunId }));
    await tx
      .insertInto('incoming' as 'observations')
      .values(chunk)
      .execute();
  }
  const counts = await sql<{ inserted: number; revised: number; unchanged: number; superseded: number }>`
    select
      count(*) filter (where o.m49 is null) as inserted,
      count(*) filter (where o.m49 is not null and ${replaces('i', 'o')} and i.value <> o.value) as revised,
      count(*) filter (where o.m49 is not null and ${replaces('i', 'o')} and i.value = o.value) as unchanged,
      count(*) filter (where o.m49 is not null and not ${replaces('i', 'o')}) as superseded
    from incoming i
    left join observations o using (indicator_code, m49, year, breakdown)`.execute(tx);
  await sql`
    insert into observation_revisions (indicator_code, m49, year, breakdown, old_value, new_value, old_source, old_vintage, new_vintage, import_run_id)
    select o.indicator_code, o.m49, o.year, o.breakdown, o.value, i.value, o.source, o.vintage, i.vintage, ${importRunId}
    from incoming i join observations o using (indicator_code, m49, year, breakdown)
    where ${replaces('i', 'o')} and i.value <> o.value`.execute(tx);
  await sql`
    insert into observations (indicator_code, m49, year, breakdown, value, estimate, note, source, vintage, import_run_id)
    select indicator_code, m49, year, breakdown, value, estimate, note, source, vintage, import_run_id from incoming
    on conflict (indicator_code, m49, year, breakdown) do update
      set value = excluded.value, estimate = excluded.estimate, note = excluded.note, source = excluded.source,
          vintage = excluded.vintage, import_run_id = excluded.import_run_id
      where ${replaces('excluded', 'observations')}
        and (observations.value, observations.source, observations.vintage, observations.estimate, observations.note)
            is distinct from (excluded.value, excluded.source, excluded.vintage, excluded.estimate, excluded.note)`.execute(tx);
  await sql`drop table incoming`.execute(tx);
  const c = counts.rows[0]!;
  return { inserted: Number(c.inserted), revised: Number(c.revised), unchanged: Number(c.unchanged), superseded: Number(c.superseded) };
}

export interface PublishedAggregateRow {
  indicator_code: string;
  group_code: string;
  year: number;
  breakdown: string;
  value: number;
  source: string;
  vintage: string;
}

export async function upsertPublishedAggregates(tx: WriteTx, rows: readonly PublishedAggregateRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx
      .insertInto('published_aggregates')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc
          .columns(['indicator_code', 'group_code', 'year', 'breakdown', 'source'])
          .doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), vintage: eb.ref('excluded.vintage') })),
      )
      .execute();
  }
}

/** ISO alpha-3 → M49 for every country or area that has an ISO code. */
export async function countryCodes(db: Db | WriteTx): Promise<Map<string, string>> {
  const rows = await db.selectFrom('countries').select(['iso3', 'm49']).where('iso3', 'is not', null).execute();
  return new Map(rows.map((r) => [r.iso3!, r.m49]));
}

/** Every group with the M49 codes of its members. */
export async function groupsWithMembers(db: Db | WriteTx): Promise<{ code: string; members: string[] }[]> {
  const rows = await db.selectFrom('group_members').select(['group_code', 'm49']).orderBy('group_code').execute();
  const byGroup = new Map<string, string[]>();
  for (const r of rows) byGroup.set(r.group_code, [...(byGroup.get(r.group_code) ?? []), r.m49]);
  return [...byGroup].map(([code, members]) => ({ code, members }));
}

/** One indicator's values (one breakdown), grouped by country. */
export async function seriesByCountry(
  db: Db | WriteTx,
  indicator: string,
  breakdown = '',
): Promise<Map<string, { year: number; value: number }[]>> {
  const rows = await db
    .selectFrom('observations')
    .select(['m49', 'year', 'value'])
    .where('indicator_code', '=', indicator)
    .where('breakdown', '=', breakdown)
    .orderBy('m49')
    .orderBy('year')
    .execute();
  const result = new Map<string, { year: number; value: number }[]>();
  for (const r of rows) result.set(r.m49, [...(result.get(r.m49) ?? []), { year: r.year, value: r.value }]);
  return result;
}

export interface AggregateRow {
  indicator_code: string;
  group_code: string;
  year: number;
  breakdown: string;
  value: number;
  coverage: number;
  members_with_data: number;
  members_gap_filled: number;
  members_total: number;
  method: string;
}

/** Replaces every computed aggregate of one indicator. */
export async function replaceAggregates(tx: WriteTx, indicator: string, rows: readonly AggregateRow[]): Promise<void> {
  await tx.deleteFrom('aggregates').where('indicator_code', '=', indicator).execute();
  for (let i = 0; i < rows.length; i += CHUNK)
    await tx
      .insertInto('aggregates')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

export async function startImportRun(tx: WriteTx, kind: string): Promise<number> {
  const row = await tx.insertInto('import_runs').values({ kind, files: '[]', summary: '{}' }).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function finishImportRun(
  tx: WriteTx,
  id: number,
  files: { name: string; sha256: string; rows: number }[],
  summary: Record<string, number>,
): Promise<void> {
  await tx
    .updateTable('import_runs')
    .set({ files: JSON.stringify(files), summary: JSON.stringify(summary), finished_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

// ---- Reads (API, pages, profiles) ----

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

export type ObservationListRow = ObservationRow & { iso3: string | null };

/** Observations of one indicator ordered by country (M49), year and breakdown. */
export async function listObservations(db: Db, filter: ObservationFilter): Promise<ObservationListRow[]> {
  let query = db
    .selectFrom('observations as o')
    .innerJoin('countries as c', 'c.m49', 'o.m49')
    .select(['o.indicator_code', 'o.m49', 'c.iso3', 'o.year', 'o.breakdown', 'o.value', 'o.estimate', 'o.note', 'o.source', 'o.vintage'])
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

/** M49 codes of the members of each named group; unknown groups are absent from the map. */
export async function membersOf(db: Db, groups: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (groups.length === 0) return result;
  const known = await db
    .selectFrom('groups')
    .select('code')
    .where('code', 'in', [...groups])
    .execute();
  for (const g of known) result.set(g.code, []);
  const rows = await db
    .selectFrom('group_members')
    .select(['group_code', 'm49'])
    .where('group_code', 'in', [...groups])
    .orderBy('m49')
    .execute();
  for (const r of rows) result.get(r.group_code)?.push(r.m49);
  return result;
}

/** M49 codes of countries by ISO alpha-3 code; unknown codes are absent. */
export async function m49ByIso3(db: Db, iso3s: readonly string[]): Promise<Map<string, string>> {
  if (iso3s.length === 0) return new Map();
  const rows = await db
    .selectFrom('countries')
    .select(['iso3', 'm49'])
    .where('iso3', 'in', [...iso3s])
    .execute();
  return new Map(rows.map((r) => [r.iso3!, r.m49]));
}
