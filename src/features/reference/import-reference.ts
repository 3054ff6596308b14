/**
 * Imports the reference data (countries, groups, taxonomies) from the data
 * directory: every file is parsed and checked before anything is written, then
 * everything is written in one transaction, so a bad file changes nothing.
 */
import type { Db } from '../../db/database.js';
import { lockForTransaction } from '../../db/locks.js';
import { readTable } from '../../formats/csv/read-table.js';
import { buildCountries, DATAHUB_COLUMNS, M49_COLUMNS, NAMES_COLUMNS, WDI_COLUMNS } from '../../core/reference/build-countries.js';
import { buildGroups } from '../../core/reference/build-groups.js';
import { buildTaxonomies, DIGCOMP_COLUMNS, ESCO_COLUMNS } from '../../core/reference/build-taxonomies.js';
import { TOPIC_COLUMNS } from '../../core/reference/build-topics.js';
import { readAllInOrder, readDataFile, type DataFile } from '../imports/index.js';
import { recordImport, replaceReference } from './repository.js';

/** The files read, in the data directory (see README "Data"). */
export const REFERENCE_FILES = {
  m49: 'un_m49_countries.csv',
  names: 'un_m49_names_6lang.csv',
  datahub: 'country_codes_datahub.csv',
  wdi: 'wdi_internet_users_incl_aggregates.csv',
  digcomp: 'digcomp_2_2_framework.csv',
  esco: 'esco_v1.2.0_digital_skills_collection_en.csv',
  topics: 'topics.csv',
} as const;

export interface ReferenceSummary {
  countries: number;
  groups: number;
  memberships: number;
  taxonomies: number;
  terms: number;
}

const table = (file: DataFile, columns: readonly string[]) => readTable(file.path, file.text, columns);

/**
 * @example await importReference(db, '../shared/data') // { countries: 248, groups: 37, ... }
 */
export async function importReference(db: Db, dataDir: string): Promise<ReferenceSummary> {
  const files = await readAllInOrder(
    Object.keys(REFERENCE_FILES) as (keyof typeof REFERENCE_FILES)[],
    async (key) => [key, await readDataFile(dataDir, REFERENCE_FILES[key])] as const,
  );
  const f = Object.fromEntries(files) as Record<keyof typeof REFERENCE_FILES, DataFile>;

  const tables = {
    m49: table(f.m49, M49_COLUMNS),
    names: table(f.names, NAMES_COLUMNS),
    datahub: table(f.datahub, DATAHUB_COLUMNS),
    wdi: table(f.wdi, WDI_COLUMNS),
    digcomp: table(f.digcomp, DIGCOMP_COLUMNS),
    esco: table(f.esco, ESCO_COLUMNS),
    topics: table(f.topics, TOPIC_COLUMNS),
  };
  const countries = buildCountries(tables);
  const groups = buildGroups(countries, tables.names);
  const taxonomies = buildTaxonomies(tables.digcomp, tables.esco, tables.topics);
  const summary: ReferenceSummary = {
    countries: countries.length,
    groups: groups.length,
    memberships: groups.reduce((n, g) => n + g.members.length, 0),
    taxonomies: taxonomies.length,
    terms: taxonomies.reduce((n, t) => n + t.terms.length, 0),
  };

  await db.transaction().execute(async (tx) => {
    await lockForTransaction(tx, 'import:reference');
    await replaceReference(tx, { countries, groups, taxonomies });
    await recordImport(
      tx,
      'reference',
      files.map(([key, file]) => ({ name: file.name, sha256: file.sha256, rows: tables[key].rows.length })),
      { ...summary },
    );
  });
  return summary;
}
