/**
 * Table types for Kysely: one interface per table, the shape PostgreSQL returns.
 * Checked against the live schema by src/db/schema.test.ts so they cannot drift.
 */
import type { ColumnType, Generated, GeneratedAlways, Insertable, RawBuilder, Selectable } from 'kysely';
import type { Localised } from '../shared/localised.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface CountriesTable {
  m49: string;
  iso2: string | null;
  iso3: string | null;
  names: Json<Localised>;
  formal_names: Json<Partial<Localised>> | null;
  region_code: string | null;
  sub_region_code: string | null;
  intermediate_region_code: string | null;
  ldc: boolean;
  lldc: boolean;
  sids: boolean;
  wb_region: string | null;
  wb_income_group: string | null;
  updated_at: Timestamp;
}

export interface GroupsTable {
  code: string;
  kind: string;
  names: Json<Localised>;
  parent_code: string | null;
  position: number;
}

export interface GroupMembersTable {
  group_code: string;
  m49: string;
}

export interface TaxonomiesTable {
  name: string;
  labels: Json<Localised>;
  source: string;
  licence: string;
}

export interface TaxonomyTermsTable {
  taxonomy: string;
  code: string;
  parent_code: string | null;
  labels: Json<Partial<Localised> & { en: string }>;
  description: Json<Partial<Localised>> | null;
  uri: string | null;
  position: number;
  related: Json<Record<string, string[]>> | null;
}

export interface ImportRunsTable {
  id: Generated<number>;
  kind: string;
  files: Json<{ name: string; sha256: string; rows: number }[]>;
  summary: Json<Record<string, number>>;
  finished_at: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string | null;
  email_verified_at: Timestamp | null;
  platform_role: 'admin' | 'coordinator' | null;
  totp_secret: string | null;
  totp_enabled_at: Timestamp | null;
  totp_last_step: number | null;
  preferred_lang: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SessionsTable {
  id_hash: Buffer;
  user_id: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
  pending_second_factor: Generated<boolean>;
  csrf_secret: string;
  user_agent: string | null;
}

export interface AccountTokensTable {
  id_hash: Buffer;
  user_id: string;
  purpose: 'verify-email' | 'reset-password' | 'change-email';
  new_email: string | null;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  organisation_id: string;
  name: string;
  scope: 'read' | 'write';
  token_hash: Buffer;
  hint: string;
  created_at: Generated<Date>;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface OutboxTable {
  id: Generated<number>;
  recipient: string;
  subject: string;
  body: string;
  created_at: Generated<Date>;
}

export interface RateLimitsTable {
  key: string;
  window_start: Timestamp;
  hits: number;
}

export interface SignInFailuresTable {
  email_hash: Buffer;
  failures: number;
  last_failed_at: Timestamp;
  blocked_until: Timestamp | null;
}

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  acronym: string | null;
  kind: 'member-state' | 'un-entity' | 'intergovernmental' | 'private-sector' | 'academia' | 'civil-society';
  country_m49: string | null;
  website: string | null;
  description: string | null;
  verification: Generated<'unverified' | 'verified'>;
  verified_at: Timestamp | null;
  verified_by: string | null;
  email_domains: Generated<string[]>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface MembershipsTable {
  organisation_id: string;
  user_id: string;
  role: 'owner' | 'editor' | 'member';
  created_at: Generated<Date>;
}

export interface IndicatorsTable {
  code: string;
  /** The catalogue entry (IndicatorDefinition) as JSON: names, unit, target, source … */
  definition: Json<Record<string, unknown>>;
  updated_at: Generated<Date>;
}

export interface IndicatorAliasesTable {
  alias: string;
  code: string;
}

export interface ObservationsTable {
  indicator_code: string;
  m49: string;
  year: number;
  breakdown: Generated<string>;
  value: number;
  estimate: Generated<boolean>;
  note: string | null;
  source: string;
  vintage: ColumnType<string, string, string>;
  import_run_id: number | null;
}

export interface ObservationRevisionsTable {
  id: Generated<number>;
  indicator_code: string;
  m49: string;
  year: number;
  breakdown: string;
  old_value: number;
  /** null: the value was deleted (withdrawn by its source, or a derived value whose inputs went). */
  new_value: number | null;
  old_source: string;
  old_vintage: ColumnType<string, string, string>;
  new_vintage: ColumnType<string, string, string>;
  import_run_id: number | null;
  revised_at: Generated<Date>;
}

export interface PublishedAggregatesTable {
  indicator_code: string;
  group_code: string;
  year: number;
  breakdown: Generated<string>;
  value: number;
  source: string;
  vintage: ColumnType<string, string, string>;
}

export interface AggregatesTable {
  indicator_code: string;
  group_code: string;
  year: number;
  breakdown: Generated<string>;
  value: number;
  coverage: number;
  members_with_data: number;
  members_gap_filled: number;
  members_total: number;
  /** Share (0–1) of the covered population whose value was estimated. */
  estimated_share: number;
  method: string;
  computed_at: Generated<Date>;
}

export interface InvitationsTable {
  id: Generated<string>;
  organisation_id: string;
  email: string;
  role: 'owner' | 'editor' | 'member';
  token_hash: Buffer;
  invited_by: string | null;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  accepted_by: string | null;
  revoked_at: Timestamp | null;
}

export interface AuditLogTable {
  id: ColumnType<number, never, never>;
  at: Generated<Date>;
  actor_id: string | null;
  via: 'anonymous' | 'session' | 'token' | 'system';
  token_organisation_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  subject_id: string | null;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  request_id: string | null;
}

export interface OidcLoginsTable {
  state_hash: Buffer;
  code_verifier: string;
  nonce: string;
  return_to: string;
  expires_at: Timestamp;
}

export interface SearchLexiconTable {
  corpus: string;
  word: string;
}

/** A calendar date as an ISO string (YYYY-MM-DD); see database.ts. */
type CalendarDate = ColumnType<string, string, string>;
/** Built by the application from the record's text (src/platform/search); never selected. */
type SearchVector = ColumnType<string, RawBuilder<unknown>, RawBuilder<unknown>>;

/** One element of offerings.translations; the description may be left out (null). */
type OfferingTranslationColumn = { language: string; title: string; summary: string; description: string | null };

export interface OfferingsTable {
  id: Generated<string>;
  provider_organisation_id: string;
  kind: string;
  status: Generated<'draft' | 'in-review' | 'published' | 'archived'>;
  status_reason: string | null;
  language: string;
  title: string;
  summary: string;
  description: Generated<string>;
  translations: Json<OfferingTranslationColumn[]>;
  topics: string[];
  digcomp: string[];
  esco: string[];
  audiences: string[];
  target_groups: string[];
  levels: string[];
  modality: string | null;
  bandwidth: string | null;
  languages: string[];
  eligible_countries: string[];
  eligible_groups: string[];
  cost_amount: number | null;
  cost_currency: string | null;
  waivers: string | null;
  duration_hours: number | null;
  start_date: CalendarDate | null;
  end_date: CalendarDate | null;
  rolling: boolean;
  seats: number | null;
  certification: string | null;
  accessibility: string[];
  sdgs: string[];
  url: string | null;
  contact_email: string | null;
  pledge_amount: number | null;
  pledge_currency: string | null;
  pledge_in_kind: string | null;
  umc_dimension: string | null;
  demo: Generated<boolean>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  listed_at: Generated<Date>;
  published_at: Timestamp | null;
  last_reviewed_at: Generated<Date>;
  search_vector: SearchVector;
  source_id: string | null;
  source_key: string | null;
  url_checked_at: Timestamp | null;
  url_broken_since: Timestamp | null;
  url_problem: string | null;
  stale_reminded_at: Timestamp | null;
}

export interface NeedsTable {
  id: Generated<string>;
  requester_organisation_id: string;
  country_iso3: string;
  status: Generated<'open' | 'matched' | 'in-delivery' | 'fulfilled' | 'closed-unmet'>;
  status_reason: string | null;
  unmet_reason: string | null;
  visibility: 'public' | 'members';
  language: string;
  title: string;
  description: string;
  topics: string[];
  digcomp: string[];
  esco: string[];
  audiences: string[];
  target_groups: string[];
  people_count: number | null;
  level: string | null;
  languages: string[];
  preferred_modality: string | null;
  start_date: CalendarDate | null;
  end_date: CalendarDate | null;
  budget_amount: number | null;
  budget_currency: string | null;
  urgency: string;
  evidence_url: string | null;
  evidence_note: string | null;
  demo: Generated<boolean>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  listed_at: Generated<Date>;
  search_vector: SearchVector;
}

export interface CapacityRevisionsTable {
  record_type: 'offering' | 'need';
  record_id: string;
  version: number;
  snapshot: Json<Record<string, unknown>>;
  changed_by: string | null;
  changed_at: Generated<Date>;
}

/** A provider's catalogue URL that the harvest job reads (src/features/capacity/harvest). */
export interface OfferingSourcesTable {
  id: Generated<string>;
  organisation_id: string;
  url: string;
  default_topics: string[];
  default_audiences: string[];
  active: Generated<boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
  last_run_at: Timestamp | null;
  last_report: Json<Record<string, unknown>> | null;
  format: Generated<'json-ld' | 'csv'>;
}

/** One harvest run of a source and its report, the last ten per source (src/features/capacity/harvest). */
export interface OfferingSourceRunsTable {
  id: Generated<string>;
  source_id: string;
  ran_at: Timestamp;
  report: Json<Record<string, unknown>>;
}

/** A person's saved catalogue search and when its digest last went out (src/features/capacity/alerts). */
export interface SavedSearchesTable {
  id: Generated<string>;
  user_id: string;
  kind: 'offerings' | 'needs';
  query: Json<Record<string, string>>;
  created_at: Generated<Date>;
  last_sent_at: Generated<Date>;
}

/** One-off facts about the clearinghouse (the first start's demo catalogue planned, filled). */
export interface CapacityMarkersTable {
  name: string;
  created_at: Generated<Date>;
}

/** Every outgoing mail, with its state (src/platform/mail); content erased once it has left. */
export interface MailsTable {
  id: string;
  message_id: string;
  state: 'queued' | 'sending' | 'sent' | 'kept';
  lang: string;
  recipient: string | null;
  subject: string | null;
  body_text: string | null;
  body_html: string | null;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Generated<Date>;
  finished_at: Timestamp | null;
}

/** Effects a job has applied, each committed with its effect (src/platform/jobs/once.ts). */
export interface JobReceiptsTable {
  key: string;
  created_at: Generated<Date>;
}

/** Secrets the server generated for itself, shared by every instance (the anonymous CSRF key). */
export interface ServerSecretsTable {
  name: string;
  secret: Buffer;
  created_at: Generated<Date>;
}

/** One element of profiles.languages and project_roles.languages. */
type LanguageColumn = { code: string; level: string };
/** One element of profiles.digcomp and project_roles.digcomp. */
type CompetenceColumn = { code: string; level: number };
type AvailabilityColumn = { share: number; from: string; to: string | null };
type LinkColumn = { url: string; label: string | null };

export interface ProfilesTable {
  user_id: string;
  name: string;
  headline: string | null;
  duty_station: string | null;
  duty_station_city: string | null;
  languages: Json<LanguageColumn[]>;
  topics: string[];
  digcomp: Json<CompetenceColumn[]>;
  esco: string[];
  expertise: string[];
  availability: Json<AvailabilityColumn[]>;
  bio: string | null;
  bio_language: string | null;
  links: Json<LinkColumn[]>;
  visibility: Json<Record<string, 'organisation' | 'members' | 'public'>>;
  demo: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ProfileConsentsTable {
  id: Generated<number>;
  user_id: string;
  notice_version: string;
  event: 'given' | 'withdrawn';
  at: Generated<Date>;
}

export interface ProfileSearchTable {
  id: Generated<string>;
  user_id: string;
  audience: number;
  listed_at: Timestamp;
  duty_station: string | null;
  languages: string[];
  language_levels: string[];
  topics: string[];
  digcomp: string[];
  digcomp_levels: string[];
  esco: string[];
  availability: Json<AvailabilityColumn[]>;
  demo: boolean;
  search_vector: SearchVector;
  /** The person's organisations, kept by triggers on memberships (migration 940). */
  organisation_ids: Generated<string[]>;
  /** Generated from availability: the periods as a date multirange, and the largest share. */
  availability_spans: GeneratedAlways<string>;
  availability_share: GeneratedAlways<number>;
  /** Generated (migration 970): the periods offering at least 25, 50 or 100 %, how many periods, the latest start, the duty station as an array. */
  availability_spans_25: GeneratedAlways<string>;
  availability_spans_50: GeneratedAlways<string>;
  availability_spans_100: GeneratedAlways<string>;
  availability_periods: GeneratedAlways<number>;
  availability_latest_start: GeneratedAlways<Date | null>;
  stations: GeneratedAlways<string[]>;
}

export interface IatiOrganisationsTable {
  iati_ref: string;
  organisation_id: string;
  created_by_import: boolean;
  first_seen_at: Generated<Date>;
}

export interface ProjectsTable {
  id: Generated<string>;
  lead_organisation_id: string;
  iati_identifier: string;
  origin: 'platform' | 'iati';
  visibility: Generated<'public' | 'members'>;
  language: string;
  /** The project as src/core/projects models it (the IATI activity). */
  activity: Json<object>;
  title: string;
  status: string | null;
  countries: string[];
  sdgs: string[];
  topics: string[];
  start_date: CalendarDate | null;
  end_date: CalendarDate | null;
  budget_amount: number | null;
  budget_currency: string | null;
  demo: Generated<boolean>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  listed_at: Generated<Date>;
  last_imported_at: Timestamp | null;
  search_vector: SearchVector;
}

export interface ProjectPartnersTable {
  project_id: string;
  organisation_id: string;
  role: 'funding' | 'accountable' | 'extending' | 'implementing';
}

export interface ProjectRolesTable {
  id: Generated<string>;
  project_id: string;
  title: string;
  description: string | null;
  topics: string[];
  digcomp: Json<CompetenceColumn[]>;
  esco: string[];
  languages: Json<LanguageColumn[]>;
  time_share: number;
  start_date: CalendarDate | null;
  end_date: CalendarDate | null;
  status: Generated<'open' | 'filled' | 'closed'>;
  created_at: Generated<Date>;
}

export interface ProjectTeamTable {
  project_id: string;
  user_id: string;
  role_id: string | null;
  role_title: string;
  joined_at: Generated<Date>;
}

export interface ProjectUpdatesTable {
  id: Generated<string>;
  project_id: string;
  author_id: string | null;
  on_date: CalendarDate;
  language: string;
  body: string;
  created_at: Generated<Date>;
}

export interface ProjectUpdateCommentsTable {
  id: Generated<string>;
  update_id: string;
  author_id: string | null;
  body: string;
  created_at: Generated<Date>;
}

export interface ProjectLinksTable {
  project_id: string;
  kind: 'need' | 'offering';
  target_id: string;
}

export interface ProjectRevisionsTable {
  project_id: string;
  version: number;
  source: 'platform' | 'iati-import';
  snapshot: Json<Record<string, unknown>>;
  changed_by: string | null;
  changed_at: Generated<Date>;
}

export interface ProjectImportRunsTable {
  id: Generated<number>;
  file_name: string;
  sha256: string;
  version: string;
  activities_read: number;
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
  problems: Json<Record<string, number>>;
  finished_at: Generated<Date>;
}

/** One-off facts about people and projects (the first start's demo people and projects planned, filled). */
export interface CollaborateMarkersTable {
  name: string;
  created_at: Generated<Date>;
}

/** One offering in a person's learning plan, for one skill gap. */
export interface LearningPlanItemsTable {
  id: Generated<string>;
  user_id: string;
  offering_id: string;
  offering_title: string;
  skill_kind: 'digcomp' | 'topic' | 'language';
  skill_code: string;
  target_level: string | null;
  role_id: string | null;
  status: Generated<'planned' | 'in-progress' | 'completed'>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** A person who asked for the weekly activity digest. */
export interface ActivityDigestSubscriptionsTable {
  user_id: string;
  created_at: Generated<Date>;
}

/** One match between a need and an offering (the match workflow, migration 801). */
export interface MatchesTable {
  id: Generated<string>;
  need_id: string;
  offering_id: string;
  requester_organisation_id: string;
  provider_organisation_id: string;
  status: 'shortlisted' | 'proposed' | 'requested' | 'accepted' | 'declined' | 'in-delivery' | 'delivered' | 'closed';
  started_by: 'requester' | 'provider';
  score: number | null;
  status_reason: Generated<string | null>;
  people_trained: Generated<number | null>;
  requester_rating: Generated<number | null>;
  requester_rating_comment: Generated<string | null>;
  provider_rating: Generated<number | null>;
  provider_rating_comment: Generated<string | null>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  accepted_at: Generated<Date | null>;
  delivered_at: Generated<Date | null>;
}

/** A match's history: its start, transitions with reasons, comments and ratings. */
export interface MatchEventsTable {
  id: Generated<string>;
  match_id: string;
  kind: 'start' | 'transition' | 'comment' | 'rating';
  transition: Generated<string | null>;
  from_status: Generated<MatchesTable['status'] | null>;
  to_status: Generated<MatchesTable['status'] | null>;
  side: 'requester' | 'provider' | null;
  author_id: string | null;
  body: Generated<string | null>;
  rating: Generated<number | null>;
  created_at: Generated<Date>;
}

/** An organisation's outgoing webhook (migration 930); the secret sealed with a server key. */
export interface WebhooksTable {
  id: Generated<string>;
  organisation_id: string;
  url: string;
  events: ('project' | 'need' | 'offering' | 'match')[];
  secret_sealed: Buffer;
  created_by: string | null;
  created_at: Generated<Date>;
}

/** One event for one webhook: the JSON sent (no personal data) and how it ended. */
export interface WebhookDeliveriesTable {
  id: Generated<string>;
  webhook_id: string;
  event: string;
  payload: Json<object>;
  status: Generated<'pending' | 'delivered' | 'failed'>;
  created_at: Generated<Date>;
}

/** One try of a delivery: the receiver's status code or a short error code, never a body. */
export interface WebhookAttemptsTable {
  delivery_id: string;
  attempt: number;
  at: Generated<Date>;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

/** Audit entries the webhook-dispatch job has still to turn into deliveries (filled by a trigger). */
export interface WebhookPendingTable {
  audit_id: ColumnType<number, number, never>;
}

export interface Database {
  invitations: InvitationsTable;
  audit_log: AuditLogTable;
  oidc_logins: OidcLoginsTable;
  countries: CountriesTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  taxonomies: TaxonomiesTable;
  taxonomy_terms: TaxonomyTermsTable;
  import_runs: ImportRunsTable;
  users: UsersTable;
  sessions: SessionsTable;
  organisations: OrganisationsTable;
  memberships: MembershipsTable;
  account_tokens: AccountTokensTable;
  api_tokens: ApiTokensTable;
  outbox: OutboxTable;
  rate_limits: RateLimitsTable;
  sign_in_failures: SignInFailuresTable;
  indicators: IndicatorsTable;
  indicator_aliases: IndicatorAliasesTable;
  observations: ObservationsTable;
  observation_revisions: ObservationRevisionsTable;
  published_aggregates: PublishedAggregatesTable;
  aggregates: AggregatesTable;
  search_lexicon: SearchLexiconTable;
  offerings: OfferingsTable;
  needs: NeedsTable;
  capacity_revisions: CapacityRevisionsTable;
  capacity_markers: CapacityMarkersTable;
  offering_sources: OfferingSourcesTable;
  offering_source_runs: OfferingSourceRunsTable;
  saved_searches: SavedSearchesTable;
  mails: MailsTable;
  job_receipts: JobReceiptsTable;
  server_secrets: ServerSecretsTable;
  profiles: ProfilesTable;
  profile_consents: ProfileConsentsTable;
  profile_search: ProfileSearchTable;
  iati_organisations: IatiOrganisationsTable;
  projects: ProjectsTable;
  project_partners: ProjectPartnersTable;
  project_roles: ProjectRolesTable;
  project_team: ProjectTeamTable;
  project_updates: ProjectUpdatesTable;
  project_update_comments: ProjectUpdateCommentsTable;
  project_links: ProjectLinksTable;
  project_revisions: ProjectRevisionsTable;
  project_import_runs: ProjectImportRunsTable;
  collaborate_markers: CollaborateMarkersTable;
  learning_plan_items: LearningPlanItemsTable;
  activity_digest_subscriptions: ActivityDigestSubscriptionsTable;
  matches: MatchesTable;
  match_events: MatchEventsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  webhook_pending: WebhookPendingTable;
}

export type CountryRow = Selectable<CountriesTable>;
export type NewCountry = Insertable<CountriesTable>;
export type GroupRow = Selectable<GroupsTable>;
export type TaxonomyTermRow = Selectable<TaxonomyTermsTable>;
export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
export type AccountTokenRow = Selectable<AccountTokensTable>;
export type OutboxRow = Selectable<OutboxTable>;
