/**
 * Outgoing webhooks per organisation (issue 12, "activity"): the registered endpoints with their
 * signing secret sealed (AES-256-GCM under a server secret, migration 500: the platform must sign
 * with it, so it cannot be a one-way hash), one delivery per event and endpoint with the JSON
 * that is sent, and one row per attempt (status code, short error code, duration: never a body).
 *
 * The events come from the audit log, which every feature already writes in the transaction of
 * its change: a statement-level trigger notes the new entries about projects, needs, offerings
 * and matches in `webhook_pending` — only while any webhook exists, not bulk imports, and not old
 * entries a restore copies back — and the webhook-dispatch job turns them into deliveries. One
 * injection point, no feature edited, and an event exists exactly when its change committed.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table webhooks (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      url text not null check (length(url) between 10 and 2000 and url ~ '^https?://'),
      events text[] not null check (cardinality(events) between 1 and 4 and events <@ array['project', 'need', 'offering', 'match']),
      secret_sealed bytea not null check (length(secret_sealed) > 28),
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index webhooks_organisation on webhooks (organisation_id)`.execute(db);
  await sql`
    create table webhook_deliveries (
      id uuid primary key default gen_random_uuid(),
      webhook_id uuid not null references webhooks(id) on delete cascade,
      event text not null check (length(event) <= 60),
      payload jsonb not null,
      status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index webhook_deliveries_recent on webhook_deliveries (webhook_id, created_at desc)`.execute(db);
  await sql`
    create table webhook_attempts (
      delivery_id uuid not null references webhook_deliveries(id) on delete cascade,
      attempt integer not null check (attempt >= 1),
      at timestamptz not null default now(),
      status_code integer check (status_code between 100 and 599),
      error text check (length(error) <= 60),
      duration_ms integer not null check (duration_ms >= 0),
      primary key (delivery_id, attempt)
    )`.execute(db);
  await sql`create table webhook_pending (audit_id bigint primary key)`.execute(db);
  await sql`
    create function webhook_note_audit_entries() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from webhooks) then
        insert into webhook_pending (audit_id)
        select id from webhook_new_entries
        where resource_type in ('project', 'need', 'offering', 'match')
          and resource_id is not null
          and action not like '%.import-%'
          -- Live changes only: a restore copies old entries back (dcp restore), which are not news.
          and at > now() - interval '10 minutes'
        on conflict do nothing;
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger audit_log_webhooks after insert on audit_log
    referencing new table as webhook_new_entries
    for each statement execute function webhook_note_audit_entries()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists audit_log_webhooks on audit_log`.execute(db);
  await sql`drop function if exists webhook_note_audit_entries()`.execute(db);
  await sql`drop table if exists webhook_pending, webhook_attempts, webhook_deliveries, webhooks`.execute(db);
}
