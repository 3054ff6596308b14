/**
 * People (issue 12): profiles, the consents given to the profile notice, and the expert finder's
 * search rows. A profile is one row per person; its parts are jsonb or text[] as the person wrote
 * them. `profile_search` holds, per person, one row for each audience that may see them
 * (0 their organisations, 1 signed-in members, 2 everyone) with only what that audience may see:
 * filters, facet counts, text search and ranking over these rows cannot reveal a hidden part,
 * because a hidden part is not in the row. The application rebuilds a person's rows whenever the
 * profile is saved (src/features/people/search-rows.ts).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table profiles (
      user_id uuid primary key references users(id) on delete cascade,
      name text not null check (length(name) between 1 and 200),
      headline text check (length(headline) between 1 and 200),
      duty_station char(3) check (duty_station ~ '^[A-Z]{3}$'),
      duty_station_city text check (length(duty_station_city) between 1 and 100),
      languages jsonb not null default '[]' check (jsonb_typeof(languages) = 'array'),
      topics text[] not null default '{}',
      digcomp jsonb not null default '[]' check (jsonb_typeof(digcomp) = 'array'),
      esco text[] not null default '{}',
      expertise text[] not null default '{}',
      availability jsonb not null default '[]' check (jsonb_typeof(availability) = 'array'),
      bio text check (length(bio) between 1 and 2000),
      bio_language text check (bio_language ~ '^[a-z]{2,3}$'),
      links jsonb not null default '[]' check (jsonb_typeof(links) = 'array'),
      visibility jsonb not null check (jsonb_typeof(visibility) = 'object'),
      demo boolean not null default false,
      version integer not null default 1 check (version >= 1),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((bio is null) = (bio_language is null)),
      check (duty_station_city is null or duty_station is not null)
    )`.execute(db);
  await sql`create index profiles_demo on profiles (user_id) where demo`.execute(db);

  // Consent to the profile notice, as given and withdrawn: when, and which version of the notice.
  await sql`
    create table profile_consents (
      id bigint generated always as identity primary key,
      user_id uuid not null references users(id) on delete cascade,
      notice_version text not null check (length(notice_version) between 1 and 40),
      event text not null check (event in ('given', 'withdrawn')),
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index profile_consents_user on profile_consents (user_id, at)`.execute(db);

  await sql`
    create table profile_search (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references profiles(user_id) on delete cascade,
      audience smallint not null check (audience between 0 and 2),
      -- When the person joined the finder (never when a part changed: that would tell outsiders about hidden edits).
      listed_at timestamptz not null,
      duty_station char(3),
      languages text[] not null,
      language_levels text[] not null,
      topics text[] not null,
      digcomp text[] not null,
      digcomp_levels text[] not null,
      esco text[] not null,
      availability jsonb not null,
      demo boolean not null,
      search_vector tsvector not null,
      unique (user_id, audience)
    )`.execute(db);
  await sql`create index profile_search_text on profile_search using gin (search_vector)`.execute(db);
  await sql`create index profile_search_facets on profile_search using gin
    (topics, digcomp, esco, languages, language_levels, digcomp_levels)`.execute(db);
  await sql`create index profile_search_listed on profile_search (audience, listed_at desc, id desc)`.execute(db);
  await sql`create index profile_search_station on profile_search (duty_station, audience)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['profile_search', 'profile_consents', 'profiles']) await db.schema.dropTable(table).ifExists().execute();
}
