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

export interface Database {
  countries: CountriesTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  taxonomies: TaxonomiesTable;
  taxonomy_terms: TaxonomyTermsTable;
  import_runs: ImportRunsTable;
}

export type CountryRow = Selectable<CountriesTable>;
export type NewCountry = Insertable<CountriesTable>;
export type GroupRow = Selectable<GroupsTable>;
export type TaxonomyTermRow = Selectable<TaxonomyTermsTable>;
