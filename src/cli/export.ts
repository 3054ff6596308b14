/**
 * `dcp export`: writes reference data as CSV or JSON, for bulk users and for
 * checking an import by eye.
 */
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../db/database.js';
import { LANGUAGES } from '../shared/localised.js';
import { UsageError } from './command.js';
import { exportCountries, exportGroups, exportTaxonomy } from '../features/reference/index.js';

export type ExportFormat = 'csv' | 'json';

/** @example await exportDataset(db, 'countries', undefined, 'csv') // 'm49,iso2,...' */
export async function exportDataset(db: Db, dataset: string, name: string | undefined, format: ExportFormat): Promise<string> {
  const rows = await rowsOf(db, dataset, name);
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  return stringify(rows, { header: true });
}

async function rowsOf(db: Db, dataset: string, name: string | undefined): Promise<Record<string, unknown>[]> {
  switch (dataset) {
    case 'countries':
      return (await exportCountries(db)).map((c) => ({
        m49: c.m49,
        iso2: c.iso2,
        iso3: c.iso3,
        ...Object.fromEntries(LANGUAGES.map((l) => [`name_${l}`, c.names[l]])),
        region: c.region,
        sub_region: c.subRegion,
        intermediate_region: c.intermediateRegion,
        ldc: c.ldc,
        lldc: c.lldc,
        sids: c.sids,
        wb_region: c.wbRegion,
        wb_income_group: c.wbIncomeGroup,
      }));
    case 'groups':
      return (await exportGroups(db)).map((g) => ({
        code: g.code,
        kind: g.kind,
        parent: g.parent,
        ...Object.fromEntries(LANGUAGES.map((l) => [`name_${l}`, g.names[l]])),
        members: g.members.join(' '),
      }));
    case 'taxonomy': {
      if (!name) throw new UsageError('export taxonomy needs a name, e.g. `dcp export taxonomy digcomp`');
      return (await exportTaxonomy(db, name)).map((t) => ({
        code: t.code,
        parent: t.parent,
        label_en: t.labels.en,
        description_en: t.description?.en ?? '',
        uri: t.uri,
      }));
    }
    default:
      throw new UsageError(`unknown dataset "${dataset}"; choose countries, groups or taxonomy <name>`);
  }
}
