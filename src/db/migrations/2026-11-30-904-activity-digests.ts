/**
 * Who asked for the weekly activity digest by e-mail (issue 12): a row per subscribed person,
 * removed when they stop it or their account goes.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table activity_digest_subscriptions (
      user_id uuid primary key references users(id) on delete cascade,
      created_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists activity_digest_subscriptions`.execute(db);
}
