/**
 * The capacity clearinghouse: providers' offerings (supply), requesters' needs
 * (demand) and the revisions of both. Every controlled value sits in its own
 * column or text[] so that filters, facets and the matching engine read them
 * with indexes; the vocabulary itself (topics, audiences …) is checked by the
 * application against the taxonomies, the structure (status, dates in order,
 * amounts ≥ 0, currency shape) by the database too.
 */
import { sql, type Kysely } from 'kysely';

const OFFERING_STATUSES = ['draft', 'in-review', 'published', 'archived'];
const NEED_STATUSES = ['open', 'matched', 'in-delivery', 'fulfilled', 'closed-unmet'];
const list = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table offerings (
      id uuid primary key default gen_random_uuid(),
      provider_organisation_id uuid not null references organisations(id) on delete cascade,
      kind text not null,
      status text not null default 'draft' check (status in (${list(OFFERING_STATUSES)})),
      status_reason text,
      language text not null check (language ~ '^[a-z]{2,3}$'),
      title text not null check (length(title) between 1 and 300),
      summary text not null,
      description text not null default '',
      translations jsonb not null default '[]',
      topics text[] not null default '{}',
      digcomp text[] not null default '{}',
      esco text[] not null default '{}',
      audiences text[] not null default '{}',
      target_groups text[] not null default '{}',
      levels text[] not null default '{}',
      modality text,
      bandwidth text,
      languages text[] not null,
      eligible_countries text[] not null default '{}',
      eligible_groups text[] not null default '{}',
      cost_amount numeric(14, 2) check (cost_amount >= 0),
      cost_currency char(3) check (cost_currency ~ '^[A-Z]{3}$'),
      waivers text,
      duration_hours numeric(8, 1) check (duration_hours > 0),
      start_date date,
      end_date date,
      rolling boolean not null default false,
      seats integer check (seats >= 1),
      certification text,
      accessibility text[] not null default '{}',
      sdgs text[] not null default '{}',
      url text check (url ~ '^https?://'),
      contact_email text,
      pledge_amount numeric(16, 2) check (pledge_amount >= 0),
      pledge_currency char(3) check (pledge_currency ~ '^[A-Z]{3}$'),
      pledge_in_kind text,
      umc_dimension text,
      demo boolean not null default false,
      version integer not null default 1 check (version >= 1),
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      listed_at timestamptz not null default now(),
      published_at timestamptz,
      last_reviewed_at timestamptz not null default now(),
      search_vector tsvector not null,
      check ((cost_amount is null) = (cost_currency is null)),
      check ((pledge_amount is null) = (pledge_currency is null)),
      check (end_date >= start_date),
      check (not (rolling and start_date is not null))
    )`.execute(db);
  // Kept in the row (not TOASTed): every candidate of a search is tested against its vector, and a vector
  // fetched out of line costs three buffer reads and more than the test itself. Long descriptions and
  // translations are moved out of line first instead.
  await sql`alter table offerings alter column search_vector set storage main`.execute(db);
  // A small pending list: every search reads the whole list of entries not yet merged into the index, so
  // after many writes (an import, demo data) the default 4 MB makes each query pay for it until a vacuum.
  await sql`create index offerings_search on offerings using gin (search_vector) with (gin_pending_list_limit = 256)`.execute(db);
  // One multi-column GIN index serves every facet filter on a list column (array overlap, &&).
  await sql`create index offerings_facets on offerings using gin
    (topics, audiences, target_groups, levels, languages, eligible_countries, eligible_groups, digcomp, esco, accessibility, sdgs)
    with (gin_pending_list_limit = 256)`.execute(db);
  await sql`create index offerings_listed on offerings (status, listed_at desc, id desc)`.execute(db);
  await sql`create index offerings_provider on offerings (provider_organisation_id, status)`.execute(db);
  await sql`create index offerings_demo on offerings (id) where demo`.execute(db);

  await sql`
    create table needs (
      id uuid primary key default gen_random_uuid(),
      requester_organisation_id uuid not null references organisations(id) on delete cascade,
      country_iso3 char(3) not null check (country_iso3 ~ '^[A-Z]{3}$'),
      status text not null default 'open' check (status in (${list(NEED_STATUSES)})),
      status_reason text,
      unmet_reason text,
      visibility text not null default 'public' check (visibility in ('public', 'members')),
      language text not null check (language ~ '^[a-z]{2,3}$'),
      title text not null check (length(title) between 1 and 300),
      description text not null,
      topics text[] not null default '{}',
      digcomp text[] not null default '{}',
      esco text[] not null default '{}',
      audiences text[] not null default '{}',
      target_groups text[] not null default '{}',
      people_count integer check (people_count >= 1),
      level text,
      languages text[] not null,
      preferred_modality text,
      start_date date,
      end_date date,
      budget_amount numeric(14, 2) check (budget_amount >= 0),
      budget_currency char(3) check (budget_currency ~ '^[A-Z]{3}$'),
      urgency text not null default 'medium',
      evidence_url text,
      evidence_note text,
      demo boolean not null default false,
      version integer not null default 1 check (version >= 1),
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      listed_at timestamptz not null default now(),
      search_vector tsvector not null,
      check ((budget_amount is null) = (budget_currency is null)),
      check (end_date >= start_date),
      check ((status = 'closed-unmet') = (unmet_reason is not null))
    )`.execute(db);
  await sql`alter table needs alter column search_vector set storage main`.execute(db);
  await sql`create index needs_search on needs using gin (search_vector) with (gin_pending_list_limit = 256)`.execute(db);
  await sql`create index needs_facets on needs using gin (topics, audiences, target_groups, languages, digcomp, esco)
    with (gin_pending_list_limit = 256)`.execute(db);
  await sql`create index needs_listed on needs (listed_at desc, id desc)`.execute(db);
  await sql`create index needs_country on needs (country_iso3, status)`.execute(db);
  await sql`create index needs_requester on needs (requester_organisation_id)`.execute(db);
  await sql`create index needs_demo on needs (id) where demo`.execute(db);

  // Every version of every offering and need as it was saved: what a stale edit is told changed since.
  await sql`
    create table capacity_revisions (
      record_type text not null check (record_type in ('offering', 'need')),
      record_id uuid not null,
      version integer not null,
      snapshot jsonb not null,
      changed_by uuid,
      changed_at timestamptz not null default now(),
      primary key (record_type, record_id, version)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['capacity_revisions', 'needs', 'offerings']) await db.schema.dropTable(table).ifExists().execute();
}
