/**
 * The expert finder at 100,000 profiles (issue 12: p95 837 ms embedded, 1,106 ms server; target
 * ≤ 50 ms). EXPLAIN ANALYZE on both engines showed where the time went:
 *
 * - A signed-in viewer's visibility condition (the audience-0 rows of their organisations' members,
 *   the floor rows of everyone else) asked `user_id in (select … from memberships …)` twice per row:
 *   an OR over two hashed sub-plans that no index can serve, so PostgreSQL read all ~250,000 rows
 *   (a sequential scan of the whole table) and sorted them, for every page and every window.
 * - The availability filter called `jsonb_to_recordset` for every row (a function per row that
 *   no index can answer).
 *
 * So each row now carries what those conditions need, kept by the database itself:
 * - `organisation_ids`: the person's organisations, filled on insert and refreshed whenever a
 *   membership is added, changed or removed (triggers: no writer of `memberships` can forget it,
 *   and an ex-member's organisation-only parts stop showing to that organisation at once). The
 *   visibility condition becomes a cheap per-row array test, and a walk of the new
 *   (listed_at desc, id desc) index of the signed-in audiences' rows stops after the window
 *   instead of reading the table.
 * - `availability_spans` (the periods as one date multirange, GiST-indexed) and
 *   `availability_share` (the largest share offered): generated from `availability`, so a filter
 *   on them uses an index; the exact test (same period and share) still runs on those rows only.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Immutable for a generated column: the dates are ISO (YYYY-MM-DD, checked on write), which parse alike under any DateStyle.
  await sql`
    create function dcp_availability_spans(periods jsonb) returns datemultirange
    language sql immutable parallel safe as $$
      select coalesce(range_agg(daterange((p->>'from')::date, (p->>'to')::date, '[]')), '{}'::datemultirange)
      from jsonb_array_elements(periods) as p
    $$`.execute(db);
  await sql`
    create function dcp_availability_share(periods jsonb) returns smallint
    language sql immutable parallel safe as $$
      select coalesce(max((p->>'share')::smallint), 0::smallint) from jsonb_array_elements(periods) as p
    $$`.execute(db);
  await sql`
    alter table profile_search
      add column organisation_ids uuid[] not null default '{}',
      add column availability_spans datemultirange generated always as (dcp_availability_spans(availability)) stored,
      add column availability_share smallint generated always as (dcp_availability_share(availability)) stored`.execute(db);
  await sql`
    update profile_search as s set organisation_ids = coalesce(
      (select array_agg(m.organisation_id order by m.organisation_id) from memberships as m where m.user_id = s.user_id), '{}')`.execute(
    db,
  );

  await sql`
    create function dcp_profile_search_organisations() returns trigger language plpgsql as $$
    begin
      new.organisation_ids := coalesce(
        (select array_agg(m.organisation_id order by m.organisation_id) from memberships as m where m.user_id = new.user_id), '{}');
      return new;
    end $$`.execute(db);
  await sql`
    create trigger profile_search_organisations before insert on profile_search
    for each row execute function dcp_profile_search_organisations()`.execute(db);
  await sql`
    create function dcp_membership_to_profile_search() returns trigger language plpgsql as $$
    declare
      who uuid;
    begin
      foreach who in array array_remove(array[
        case when tg_op <> 'INSERT' then old.user_id end,
        case when tg_op <> 'DELETE' then new.user_id end], null)
      loop
        update profile_search set organisation_ids = coalesce(
          (select array_agg(m.organisation_id order by m.organisation_id) from memberships as m where m.user_id = who), '{}')
        where user_id = who;
      end loop;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger memberships_profile_search after insert or update or delete on memberships
    for each row execute function dcp_membership_to_profile_search()`.execute(db);

  // For signed-in viewers (their rows are audiences 0 and 1); anonymous ones walk (audience, listed_at, id) of migration 900.
  await sql`create index profile_search_newest on profile_search (listed_at desc, id desc) where audience < 2`.execute(db);
  await sql`create index profile_search_availability on profile_search using gist (availability_spans)`.execute(db);
  await sql`analyze profile_search`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists memberships_profile_search on memberships`.execute(db);
  await sql`drop trigger if exists profile_search_organisations on profile_search`.execute(db);
  await sql`drop index if exists profile_search_availability`.execute(db);
  await sql`drop index if exists profile_search_newest`.execute(db);
  await sql`alter table profile_search drop column if exists organisation_ids, drop column if exists availability_spans,
    drop column if exists availability_share`.execute(db);
  for (const fn of [
    'dcp_membership_to_profile_search',
    'dcp_profile_search_organisations',
    'dcp_availability_share',
    'dcp_availability_spans',
  ])
    await sql`drop function if exists ${sql.raw(fn)}`.execute(db);
}
