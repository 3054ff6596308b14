/**
 * Personal learning plans (issue 12): offerings of the clearinghouse a person chose to close a
 * skill gap, with their status (planned → in progress → completed) and the skill they are for.
 * Completing an item for a DigComp competence raises that competence in the person's profile.
 * The offering is referred to by id only (no foreign key: it is the clearinghouse's record, and a
 * plan keeps its history when an offering is archived).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table learning_plan_items (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      offering_id uuid not null,
      offering_title text not null check (length(offering_title) between 1 and 300),
      skill_kind text not null check (skill_kind in ('digcomp', 'topic', 'language')),
      skill_code text not null check (length(skill_code) between 1 and 40),
      target_level text,
      role_id uuid,
      status text not null default 'planned' check (status in ('planned', 'in-progress', 'completed')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (user_id, offering_id, skill_kind, skill_code)
    )`.execute(db);
  await sql`create index learning_plan_items_user on learning_plan_items (user_id, created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists learning_plan_items`.execute(db);
}
