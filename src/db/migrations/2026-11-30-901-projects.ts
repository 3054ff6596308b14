/**
 * Projects and initiatives (issue 12). `activity` holds the project as the IATI 2.03 model of
 * src/core/projects carries it, exactly, so that an imported project exports as it came in; the
 * columns beside it are derived from it on every write, for lists, filters and search. What IATI
 * has no place for is the platform's own: roles needed, the team, updates and comments, links to
 * the clearinghouse's needs and offerings, and partner organisations on the platform.
 * `iati_organisations` remembers which platform organisation an IATI organisation identifier
 * stands for (matched or created on import); `project_import_runs` records every file imported.
 */
import { sql, type Kysely } from 'kysely';

const ROLES = sql.join(['funding', 'accountable', 'extending', 'implementing'].map((r) => sql.lit(r)));

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table iati_organisations (
      iati_ref text primary key check (length(iati_ref) between 1 and 200),
      organisation_id uuid not null references organisations(id) on delete cascade,
      created_by_import boolean not null,
      first_seen_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index iati_organisations_organisation on iati_organisations (organisation_id)`.execute(db);

  await sql`
    create table projects (
      id uuid primary key default gen_random_uuid(),
      lead_organisation_id uuid not null references organisations(id) on delete cascade,
      iati_identifier text not null unique check (length(iati_identifier) between 1 and 300),
      origin text not null check (origin in ('platform', 'iati')),
      visibility text not null default 'public' check (visibility in ('public', 'members')),
      language text not null check (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]+)*$'),
      activity jsonb not null check (jsonb_typeof(activity) = 'object'),
      title text not null check (length(title) between 1 and 1000),
      status text,
      countries text[] not null default '{}',
      sdgs text[] not null default '{}',
      topics text[] not null default '{}',
      start_date date,
      end_date date,
      budget_amount numeric(18, 2) check (budget_amount >= 0),
      budget_currency char(3) check (budget_currency ~ '^[A-Z]{3}$'),
      demo boolean not null default false,
      version integer not null default 1 check (version >= 1),
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      listed_at timestamptz not null default now(),
      last_imported_at timestamptz,
      search_vector tsvector not null,
      check ((budget_amount is null) = (budget_currency is null))
    )`.execute(db);
  await sql`create index projects_search on projects using gin (search_vector)`.execute(db);
  await sql`create index projects_facets on projects using gin (countries, sdgs, topics)`.execute(db);
  await sql`create index projects_listed on projects (listed_at desc, id desc)`.execute(db);
  await sql`create index projects_lead on projects (lead_organisation_id)`.execute(db);
  await sql`create index projects_demo on projects (id) where demo`.execute(db);

  await sql`
    create table project_partners (
      project_id uuid not null references projects(id) on delete cascade,
      organisation_id uuid not null references organisations(id) on delete cascade,
      role text not null check (role in (${ROLES})),
      primary key (project_id, organisation_id)
    )`.execute(db);
  await sql`create index project_partners_organisation on project_partners (organisation_id)`.execute(db);

  await sql`
    create table project_roles (
      id uuid primary key default gen_random_uuid(),
      project_id uuid not null references projects(id) on delete cascade,
      title text not null check (length(title) between 1 and 200),
      description text,
      topics text[] not null default '{}',
      digcomp jsonb not null default '[]' check (jsonb_typeof(digcomp) = 'array'),
      esco text[] not null default '{}',
      languages jsonb not null default '[]' check (jsonb_typeof(languages) = 'array'),
      time_share smallint not null check (time_share between 1 and 100),
      start_date date,
      end_date date,
      status text not null default 'open' check (status in ('open', 'filled', 'closed')),
      created_at timestamptz not null default now(),
      check (end_date >= start_date)
    )`.execute(db);
  await sql`create index project_roles_project on project_roles (project_id, created_at)`.execute(db);

  await sql`
    create table project_team (
      project_id uuid not null references projects(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      role_id uuid references project_roles(id) on delete set null,
      role_title text not null check (length(role_title) between 1 and 200),
      joined_at timestamptz not null default now(),
      primary key (project_id, user_id)
    )`.execute(db);
  await sql`create index project_team_user on project_team (user_id)`.execute(db);

  await sql`
    create table project_updates (
      id uuid primary key default gen_random_uuid(),
      project_id uuid not null references projects(id) on delete cascade,
      author_id uuid references users(id) on delete set null,
      on_date date not null,
      language text not null check (language ~ '^[a-z]{2,3}$'),
      body text not null check (length(body) between 1 and 2000),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index project_updates_project on project_updates (project_id, on_date desc, created_at desc)`.execute(db);
  await sql`create index project_updates_author on project_updates (author_id)`.execute(db);

  await sql`
    create table project_update_comments (
      id uuid primary key default gen_random_uuid(),
      update_id uuid not null references project_updates(id) on delete cascade,
      author_id uuid references users(id) on delete set null,
      body text not null check (length(body) between 1 and 1000),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index project_update_comments_update on project_update_comments (update_id, created_at)`.execute(db);
  await sql`create index project_update_comments_author on project_update_comments (author_id)`.execute(db);

  // Needs and offerings of the clearinghouse a project relates to; checked through its services when linked.
  await sql`
    create table project_links (
      project_id uuid not null references projects(id) on delete cascade,
      kind text not null check (kind in ('need', 'offering')),
      target_id uuid not null,
      primary key (project_id, kind, target_id)
    )`.execute(db);

  await sql`
    create table project_revisions (
      project_id uuid not null,
      version integer not null,
      source text not null check (source in ('platform', 'iati-import')),
      snapshot jsonb not null,
      changed_by uuid,
      changed_at timestamptz not null default now(),
      primary key (project_id, version)
    )`.execute(db);

  await sql`
    create table project_import_runs (
      id bigint generated always as identity primary key,
      file_name text not null,
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      version text not null,
      activities_read integer not null,
      created integer not null,
      updated integer not null,
      unchanged integer not null,
      refused integer not null,
      problems jsonb not null,
      finished_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'project_import_runs',
    'project_revisions',
    'project_links',
    'project_update_comments',
    'project_updates',
    'project_team',
    'project_roles',
    'project_partners',
    'projects',
    'iati_organisations',
  ])
    await db.schema.dropTable(table).ifExists().execute();
}
