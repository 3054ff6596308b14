/**
 * The match workflow (src/core/matching/workflow.ts): one row per match between
 * a need and an offering, with both organisations copied in so that the policy
 * and a person's inbox read one row, and its events (transitions with their
 * reasons, comments, ratings) in the order they happened. Only one live match
 * per need and offering: a second shortlist or proposal of the same pair is a
 * conflict, not a duplicate.
 */
import { sql, type Kysely } from 'kysely';

// Copied, not imported: a migration keeps the values it was written with.
const STATUSES = ['shortlisted', 'proposed', 'requested', 'accepted', 'declined', 'in-delivery', 'delivered', 'closed'];
const LIVE = ['shortlisted', 'proposed', 'requested', 'accepted', 'in-delivery'];
const list = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table matches (
      id uuid primary key default gen_random_uuid(),
      need_id uuid not null references needs(id) on delete cascade,
      offering_id uuid not null references offerings(id) on delete cascade,
      requester_organisation_id uuid not null references organisations(id) on delete cascade,
      provider_organisation_id uuid not null references organisations(id) on delete cascade,
      status text not null check (status in (${list(STATUSES)})),
      started_by text not null check (started_by in ('requester', 'provider')),
      score real check (score between 0 and 1),
      status_reason text,
      people_trained integer check (people_trained between 0 and 1000000),
      requester_rating smallint check (requester_rating between 1 and 5),
      requester_rating_comment text,
      provider_rating smallint check (provider_rating between 1 and 5),
      provider_rating_comment text,
      version integer not null default 1,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      accepted_at timestamptz,
      delivered_at timestamptz,
      check ((status = 'delivered') = (delivered_at is not null)),
      check (status <> 'delivered' or people_trained is not null)
    )`.execute(db);
  await sql`create unique index matches_live_pair on matches (need_id, offering_id) where status in (${list(LIVE)})`.execute(db);
  await sql`create index matches_requester on matches (requester_organisation_id, updated_at desc)`.execute(db);
  await sql`create index matches_provider on matches (provider_organisation_id, updated_at desc)`.execute(db);
  await sql`create index matches_offering on matches (offering_id, status)`.execute(db);

  await sql`
    create table match_events (
      id bigint generated always as identity primary key,
      match_id uuid not null references matches(id) on delete cascade,
      kind text not null check (kind in ('start', 'transition', 'comment', 'rating')),
      transition text,
      from_status text,
      to_status text,
      side text check (side in ('requester', 'provider')),
      author_id uuid references users(id) on delete set null,
      body text,
      rating smallint check (rating between 1 and 5),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index match_events_match on match_events (match_id, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['match_events', 'matches']) await db.schema.dropTable(table).ifExists().execute();
}
