/**
 * Table types for Kysely: one interface per table, the shape PostgreSQL returns.
 * Checked against the live schema by src/db/schema.test.ts so they cannot drift.
 */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
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

export interface Database {
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
}

export type CountryRow = Selectable<CountriesTable>;
export type NewCountry = Insertable<CountriesTable>;
export type GroupRow = Selectable<GroupsTable>;
export type TaxonomyTermRow = Selectable<TaxonomyTermsTable>;
