/**
 * The write side of the indicators engine, used inside an import's one transaction. Observation
 * writes go through a staging table so that revisions, vintage rules and the upsert are each one
 * set-based statement, whatever the file size. Every value that changes or goes leaves its old
 * value in observation_revisions (a deletion has no new value).
 */
import { sql, type RawBuilder } from 'kysely';
import type { IndicatorDefinition } from '../../core/indicators/index.js';
import type { WriteTx } from '../../db/database.js';

const CHUNK = 1000;
const STAGE_CHUNK = 20_000;

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

/** One observation a source withdraws (SDMX-CSV ACTION=D). */
export interface DeletionRow {
  indicator_code: string;
  m49: string;
  year: number;
  breakdown: string;
  vintage: string;
  source: string;
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
  /** Share (0–1) of the covered population whose value was estimated for the year, not reported. */
  estimated_share: number;
  method: string;
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
function replaces(incoming: string, stored: string): RawBuilder<unknown> {
  const i = sql.raw(incoming);
  const o = sql.raw(stored);
  return sql`(${i}.vintage > ${o}.vintage or (${i}.vintage = ${o}.vintage and ${i}.source = ${o}.source))`;
}

/**
 * The same number up to floating-point noise (see core/indicators/precision.ts): our exports
 * write twelve significant digits, and re-importing them must change nothing.
 */
function sameValue(a: string, b: string): RawBuilder<unknown> {
  const x = sql.raw(a);
  const y = sql.raw(b);
  return sql`(${x} = ${y} or abs(${x} - ${y}) <= 1e-10 * greatest(abs(${x}), abs(${y})))`;
}

/**
 * Fills a temporary table shaped like observations with `rows`: one statement per 20,000 rows,
 * each column sent as one array (unnest), which is many times faster than multi-row VALUES.
 */
async function stage(tx: WriteTx, table: string, rows: readonly ObservationRow[], importRunId: number): Promise<void> {
  await sql`create temp table ${sql.table(table)} (like observations including defaults) on commit drop`.execute(tx);
  for (let i = 0; i < rows.length; i += STAGE_CHUNK) {
    const chunk = rows.slice(i, i + STAGE_CHUNK);
    const column = <K extends keyof ObservationRow>(key: K) => chunk.map((r) => r[key]);
    await sql`
      insert into ${sql.table(table)} (indicator_code, m49, year, breakdown, value, estimate, note, source, vintage, import_run_id)
      select c, m, y, b, v, e, n, s, d, ${importRunId}::bigint
      from unnest(${column('indicator_code')}::text[], ${column('m49')}::text[], ${column('year')}::smallint[],
                  ${column('breakdown')}::text[], ${column('value')}::float8[], ${column('estimate')}::boolean[],
                  ${column('note')}::text[], ${column('source')}::text[], ${column('vintage')}::date[])
        as t(c, m, y, b, v, e, n, s, d)`.execute(tx);
  }
}

/**
 * Writes observations: new ones are inserted; a row that `replaces` the stored one replaces
 * the stored value, recording the old one in observation_revisions when it differs.
 */
export async function applyObservations(tx: WriteTx, rows: readonly ObservationRow[], importRunId: number): Promise<ApplyCounts> {
  await stage(tx, 'incoming', rows, importRunId);
  const counts = await sql<ApplyCounts>`
    select
      count(*) filter (where o.m49 is null) as inserted,
      count(*) filter (where o.m49 is not null and ${replaces('i', 'o')} and not ${sameValue('i.value', 'o.value')}) as revised,
      count(*) filter (where o.m49 is not null and ${replaces('i', 'o')} and ${sameValue('i.value', 'o.value')}) as unchanged,
      count(*) filter (where o.m49 is not null and not ${replaces('i', 'o')}) as superseded
    from incoming i
    left join observations o using (indicator_code, m49, year, breakdown)`.execute(tx);
  await sql`
    insert into observation_revisions (indicator_code, m49, year, breakdown, old_value, new_value, old_source, old_vintage, new_vintage, import_run_id)
    select o.indicator_code, o.m49, o.year, o.breakdown, o.value, i.value, o.source, o.vintage, i.vintage, ${importRunId}
    from incoming i join observations o using (indicator_code, m49, year, breakdown)
    where ${replaces('i', 'o')} and not ${sameValue('i.value', 'o.value')}`.execute(tx);
  // A value equal up to noise keeps the stored digits: only a real change rewrites the row.
  await sql`
    insert into observations (indicator_code, m49, year, breakdown, value, estimate, note, source, vintage, import_run_id)
    select indicator_code, m49, year, breakdown, value, estimate, note, source, vintage, import_run_id from incoming
    on conflict (indicator_code, m49, year, breakdown) do update
      set value = excluded.value, estimate = excluded.estimate, note = excluded.note, source = excluded.source,
          vintage = excluded.vintage, import_run_id = excluded.import_run_id
      where ${replaces('excluded', 'observations')}
        and (not ${sameValue('observations.value', 'excluded.value')}
          or (observations.source, observations.vintage, observations.estimate, observations.note)
            is distinct from (excluded.source, excluded.vintage, excluded.estimate, excluded.note))`.execute(tx);
  await sql`drop table incoming`.execute(tx);
  const c = counts.rows[0]!;
  return { inserted: Number(c.inserted), revised: Number(c.revised), unchanged: Number(c.unchanged), superseded: Number(c.superseded) };
}

export interface DeletionCounts {
  deleted: number;
  /** Deletions of values a newer publication has since replaced: the newer value stays. */
  superseded: number;
  /** Deletions of values the platform does not hold. */
  notHeld: number;
}

/**
 * Applies deletions by the same vintage rule as values: a withdrawal published no earlier than the
 * stored value removes it, keeping the removed value in observation_revisions (new_value null).
 */
export async function applyDeletions(tx: WriteTx, rows: readonly DeletionRow[], importRunId: number): Promise<DeletionCounts> {
  if (rows.length === 0) return { deleted: 0, superseded: 0, notHeld: 0 };
  await sql`create temp table withdrawn (indicator_code text, m49 char(3), year smallint, breakdown text, vintage date, source text) on commit drop`.execute(
    tx,
  );
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx
      .insertInto('withdrawn' as 'observations')
      .values(rows.slice(i, i + CHUNK) as unknown as ObservationRow[])
      .execute();
  }
  const counts = await sql<DeletionCounts>`
    select count(*) filter (where o.m49 is not null and ${replaces('w', 'o')}) as deleted,
      count(*) filter (where o.m49 is not null and not ${replaces('w', 'o')}) as superseded,
      count(*) filter (where o.m49 is null) as "notHeld"
    from withdrawn w left join observations o using (indicator_code, m49, year, breakdown)`.execute(tx);
  await sql`
    insert into observation_revisions (indicator_code, m49, year, breakdown, old_value, new_value, old_source, old_vintage, new_vintage, import_run_id)
    select o.indicator_code, o.m49, o.year, o.breakdown, o.value, null, o.source, o.vintage, w.vintage, ${importRunId}
    from withdrawn w join observations o using (indicator_code, m49, year, breakdown)
    where ${replaces('w', 'o')}`.execute(tx);
  await sql`
    delete from observations o using withdrawn w
    where (o.indicator_code, o.m49, o.year, o.breakdown) = (w.indicator_code, w.m49, w.year, w.breakdown) and ${replaces('w', 'o')}`.execute(
    tx,
  );
  await sql`drop table withdrawn`.execute(tx);
  const c = counts.rows[0]!;
  return { deleted: Number(c.deleted), superseded: Number(c.superseded), notHeld: Number(c.notHeld) };
}

export interface DerivedCounts {
  inserted: number;
  revised: number;
  removed: number;
}

/**
 * Makes the stored values of derived indicators exactly `rows`, whatever their vintages: a derived
 * value carries the vintage of its inputs, which may be older than the value it replaces (an
 * input revised by a source that publishes later in the year but dates its data earlier), so the
 * newer-vintage rule of source values does not apply. Changed and removed values are kept in
 * observation_revisions.
 */
export async function syncDerived(
  tx: WriteTx,
  indicators: readonly string[],
  rows: readonly ObservationRow[],
  importRunId: number,
  today: string,
): Promise<DerivedCounts> {
  await stage(tx, 'derived', rows, importRunId);
  const codes = sql.join(indicators.map((code) => sql.lit(code)));
  const counts = await sql<DerivedCounts>`
    select (select count(*) from derived d where not exists (select 1 from observations o
              where (o.indicator_code, o.m49, o.year, o.breakdown) = (d.indicator_code, d.m49, d.year, d.breakdown))) as inserted,
      (select count(*) from derived d join observations o using (indicator_code, m49, year, breakdown)
         where not ${sameValue('d.value', 'o.value')}) as revised,
      (select count(*) from observations o where o.indicator_code in (${codes}) and not exists (select 1 from derived d
         where (o.indicator_code, o.m49, o.year, o.breakdown) = (d.indicator_code, d.m49, d.year, d.breakdown))) as removed`.execute(tx);
  await sql`
    insert into observation_revisions (indicator_code, m49, year, breakdown, old_value, new_value, old_source, old_vintage, new_vintage, import_run_id)
    select o.indicator_code, o.m49, o.year, o.breakdown, o.value, d.value, o.source, o.vintage, coalesce(d.vintage, ${today}::date), ${importRunId}
    from observations o left join derived d using (indicator_code, m49, year, breakdown)
    where o.indicator_code in (${codes}) and (d.m49 is null or not ${sameValue('d.value', 'o.value')})`.execute(tx);
  await sql`
    delete from observations o where o.indicator_code in (${codes}) and not exists (select 1 from derived d
      where (o.indicator_code, o.m49, o.year, o.breakdown) = (d.indicator_code, d.m49, d.year, d.breakdown))`.execute(tx);
  await sql`
    insert into observations (indicator_code, m49, year, breakdown, value, estimate, note, source, vintage, import_run_id)
    select indicator_code, m49, year, breakdown, value, estimate, note, source, vintage, import_run_id from derived
    on conflict (indicator_code, m49, year, breakdown) do update
      set value = excluded.value, source = excluded.source, vintage = excluded.vintage, import_run_id = excluded.import_run_id
      where not ${sameValue('observations.value', 'excluded.value')}
        or (observations.source, observations.vintage) is distinct from (excluded.source, excluded.vintage)`.execute(tx);
  await sql`drop table derived`.execute(tx);
  const c = counts.rows[0]!;
  return { inserted: Number(c.inserted), revised: Number(c.revised), removed: Number(c.removed) };
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
