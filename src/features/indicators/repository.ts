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
  await tx.insertInto('indicator_aliases').values([...aliases].map(([alias, code]) => ({ alias, code }))).execute();
}

export interface ApplyCounts {
  inserted: number;
  revised: number;
  unchanged: number;
  /** Rows older than the stored vintage: kept out, the newer value stays. */
  superseded: number;
}

/**
 * Writes observations: new ones are inserted; a newer (or equal) vintage replaces
 * the stored value, recording the old one in observation_revisions when it differs.
 */
export async function applyObservations(tx: WriteTx, rows: readonly ObservationRow[], importRunId: number): Promise<ApplyCounts> {
  await sql`create temp table incoming (like observations including defaults) on commit drop`.execute(tx);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK).map((r) => ({ ...r, import_run_id: importRunId }));
    await tx.insertInto('incoming' as 'observations').values(chunk).execute();
  }
  const counts = await sql<{ inserted: number; revised: number; unchanged: number; superseded: number }>`
    select
      count(*) filter (where o.m49 is null) as inserted,
      count(*) filter (where o.m49 is not null and i.vintage >= o.vintage and i.value <> o.value) as revised,
      count(*) filter (where o.m49 is not null and i.vintage >= o.vintage and i.value = o.value) as unchanged,
      count(*) filter (where o.m49 is not null and i.vintage < o.vintage) as superseded
    from incoming i
    left join observations o using (indicator_code, m49, year, breakdown)`.execute(tx);
  await sql`
    insert into observation_revisions (indicator_code, m49, year, breakdown, old_value, new_value, old_source, old_vintage, new_vintage, import_run_id)
    select o.indicator_code, o.m49, o.year, o.breakdown, o.value, i.value, o.source, o.vintage, i.vintage, ${importRunId}
    from incoming i join observations o using (indicator_code, m49, year, breakdown)
    where i.vintage >= o.vintage and i.value <> o.value`.execute(tx);
  await sql`
    insert into observations (indicator_code, m49, year, breakdown, value, estimate, note, source, vintage, import_run_id)
    select indicator_code, m49, year, breakdown, value, estimate, note, source, vintage, import_run_id from incoming
    on conflict (indicator_code, m49, year, breakdown) do update
      set value = excluded.value, estimate = excluded.estimate, note = excluded.note, source = excluded.source,
          vintage = excluded.vintage, import_run_id = excluded.import_run_id
      where excluded.vintage >= observations.vintage
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
      .onConflict((oc) => oc.columns(['indicator_code', 'group_code', 'year', 'breakdown', 'source']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), vintage: eb.ref('excluded.vintage') })))
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
export async function seriesByCountry(db: Db | WriteTx, indicator: string, breakdown = ''): Promise<Map<string, { year: number; value: number }[]>> {
  const rows = await db
    .selectFrom('observations').select(['m49', 'year', 'value'])
    .where('indicator_code', '=', indicator).where('breakdown', '=', breakdown)
    .orderBy('m49').orderBy('year').execute();
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
  for (let i = 0; i < rows.length; i += CHUNK) await tx.insertInto('aggregates').values(rows.slice(i, i + CHUNK)).execute();
}

export async function startImportRun(tx: WriteTx, kind: string): Promise<number> {
  const row = await tx.insertInto('import_runs').values({ kind, files: '[]', summary: '{}' }).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function finishImportRun(tx: WriteTx, id: number, files: { name: string; sha256: string; rows: number }[], summary: Record<string, number>): Promise<void> {
  await tx.updateTable('import_runs').set({ files: JSON.stringify(files), summary: JSON.stringify(summary), finished_at: sql`now()` }).where('id', '=', id).execute();
}
