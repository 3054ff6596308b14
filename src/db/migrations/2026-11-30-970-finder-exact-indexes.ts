/**
 * The expert finder at 100,000 profiles, after migrations 940–941 (issue 12; p95 385–425 ms
 * under load, target ≤ 50 ms). EXPLAIN (ANALYZE, BUFFERS) of a member's availability search
 * (from–to and a share of at least 50 %): the GiST test on `availability_spans` matched 50,735 rows
 * of all three audiences (it knows nothing of the share), the heap scan read 24,451 pages and kept
 * 8,559, and then every row of the window ran `jsonb_to_recordset` three times (the exact period
 * test and the now/later facet): 348 ms. A member's skill, country and text searches had no index
 * over the signed-in rows, so bitmaps over every audience's rows were filtered on the heap.
 *
 * So each row now carries generated columns an index can answer exactly:
 * - `availability_spans_25`, `_50`, `_100`: the periods offering at least that share, as date
 *   multiranges. A search uses the largest threshold not above its share; for a person with one
 *   period (most) that column and `availability_share` are the exact test, and only people with
 *   several periods still run the per-period test (`availability_periods` says how many).
 * - `availability_latest_start`: the latest start of a period, so the now/later facet is
 *   `availability_spans @> current_date` and `availability_latest_start > current_date`.
 * - `stations`: the duty station as a one-element array, so a country or group filter
 *   (`stations && '{…}'`) sits in the same GIN index as the skill and language filters and the
 *   index returns only rows matching both.
 * Partial indexes over the signed-in audiences' rows (audience < 2) mirror migration 941's public
 * ones; the all-audience availability index is replaced by the two partial ones.
 *
 * The B-trees leading with `audience` (or holding it second) are replaced too: with them the
 * planner AND-ed a partial index's bitmap with a scan of every public row's entry of
 * `(audience, listed_at, id)` (60,157 entries, 17 ms, for nothing: the partial index already holds
 * only public rows). Anonymous newest-first walks use `(listed_at desc, id desc) where audience = 2`
 * as signed-in ones use migration 940's `where audience < 2`.
 */
import { sql, type Kysely } from 'kysely';

const THRESHOLDS = [25, 50, 100] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  // Immutable for a generated column: the dates are ISO (YYYY-MM-DD, checked on write), which parse alike under any DateStyle.
  await sql`
    create function dcp_availability_spans_at_least(periods jsonb, min_share int) returns datemultirange
    language sql immutable parallel safe as $$
      select coalesce(range_agg(daterange((p->>'from')::date, (p->>'to')::date, '[]')), '{}'::datemultirange)
      from jsonb_array_elements(periods) as p where (p->>'share')::int >= min_share
    $$`.execute(db);
  await sql`
    create function dcp_availability_latest_start(periods jsonb) returns date
    language sql immutable parallel safe as $$
      select max((p->>'from')::date) from jsonb_array_elements(periods) as p
    $$`.execute(db);
  await sql`
    alter table profile_search
      ${sql.join(
        THRESHOLDS.map(
          (t) =>
            sql`add column ${sql.ref(`availability_spans_${t}`)} datemultirange generated always as (dcp_availability_spans_at_least(availability, ${sql.lit(t)})) stored not null`,
        ),
      )},
      add column availability_periods smallint generated always as (jsonb_array_length(availability)) stored not null,
      add column availability_latest_start date generated always as (dcp_availability_latest_start(availability)) stored,
      add column stations text[] generated always as (
        case when duty_station is null then '{}'::text[] else array[duty_station::text] end) stored not null,
      -- Migration 940's columns never are null either (as src/db/schema.ts declares them).
      alter column availability_spans set not null,
      alter column availability_share set not null`.execute(db);

  await sql`drop index if exists profile_search_availability`.execute(db);
  await sql`drop index if exists profile_search_public_facets`.execute(db);
  for (const [name, where] of [
    ['public', sql`audience = 2`],
    ['signed_in', sql`audience < 2`],
  ] as const) {
    await sql`create index ${sql.ref(`profile_search_${name}_filters`)} on profile_search using gin
      (stations, topics, digcomp, esco, languages, language_levels, digcomp_levels) where ${where}`.execute(db);
    for (const t of THRESHOLDS)
      await sql`create index ${sql.ref(`profile_search_${name}_availability_${t}`)} on profile_search
        using gist (${sql.ref(`availability_spans_${t}`)}) where ${where}`.execute(db);
  }
  await sql`create index profile_search_signed_in_availability on profile_search using gist (availability_spans) where audience < 2`.execute(
    db,
  );
  await sql`drop index if exists profile_search_listed`.execute(db);
  await sql`drop index if exists profile_search_station`.execute(db);
  await sql`create index profile_search_public_newest on profile_search (listed_at desc, id desc) where audience = 2`.execute(db);
  await sql`create index profile_search_signed_in_text on profile_search using gin (search_vector) where audience < 2`.execute(db);
  await sql`analyze profile_search`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists profile_search_signed_in_text`.execute(db);
  await sql`drop index if exists profile_search_public_newest`.execute(db);
  await sql`drop index if exists profile_search_signed_in_availability`.execute(db);
  for (const name of ['public', 'signed_in']) {
    for (const t of THRESHOLDS) await sql`drop index if exists ${sql.ref(`profile_search_${name}_availability_${t}`)}`.execute(db);
    await sql`drop index if exists ${sql.ref(`profile_search_${name}_filters`)}`.execute(db);
  }
  await sql`alter table profile_search alter column availability_spans drop not null, alter column availability_share drop not null`.execute(
    db,
  );
  await sql`alter table profile_search
    ${sql.join(THRESHOLDS.map((t) => sql`drop column if exists ${sql.ref(`availability_spans_${t}`)}`))},
    drop column if exists availability_periods, drop column if exists availability_latest_start, drop column if exists stations`.execute(
    db,
  );
  await sql`drop function if exists dcp_availability_latest_start`.execute(db);
  await sql`drop function if exists dcp_availability_spans_at_least`.execute(db);
  // Migrations 900, 940 and 941's indexes, as they were.
  await sql`create index profile_search_listed on profile_search (audience, listed_at desc, id desc)`.execute(db);
  await sql`create index profile_search_station on profile_search (duty_station, audience)`.execute(db);
  await sql`create index profile_search_availability on profile_search using gist (availability_spans)`.execute(db);
  await sql`create index profile_search_public_facets on profile_search using gin
    (topics, digcomp, esco, languages, language_levels, digcomp_levels) where audience = 2`.execute(db);
}
