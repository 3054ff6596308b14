/**
 * Importers for data that does not come from the data directory: an SDMX-CSV file (any
 * dataflow using REF_AREA as ISO3 or M49 codes) and the World Bank Indicators API. Both parse
 * everything first, so a malformed input is refused with file, line and field before anything
 * is written, then hand one batch to importBatches (all-or-nothing, newer vintages win).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { resolveIndicatorCode, type Observation } from '../../core/indicators/index.js';
import type { Db } from '../../db/database.js';
import { FormatError } from '../../formats/csv/format-error.js';
import { parseSdmxCsv, sdmxToObservations } from '../../formats/sdmx-csv/index.js';
import { nextWorldBankPage, parseWorldBankJson } from '../../formats/worldbank-json/index.js';
import { readDataFile } from '../imports/index.js';
import { importBatches, type IndicatorImportSummary, type ObservationBatch } from './import-indicators.js';
import { countryCodes } from './repository.js';
import { SDG_GROUPS, WORLD_BANK_GROUPS } from './sources.js';

/** SDMX dimension ids → the catalogue's breakdown dimensions. */
const SDMX_BREAKDOWNS: Record<string, string> = { SEX: 'sex', TYPE_OF_SPEED: 'speed' };

export interface SdmxImportOptions {
  readonly source?: string | undefined;
  /** ISO date the source published the data; default: today (the day it was received). */
  readonly vintage?: string | undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads and parses an SDMX-CSV file into one batch; nothing is written. */
export async function readSdmxBatch(db: Db, file: string, options: SdmxImportOptions = {}): Promise<ObservationBatch> {
  const vintage = options.vintage ?? new Date().toISOString().slice(0, 10);
  if (!ISO_DATE.test(vintage) || Number.isNaN(Date.parse(vintage))) {
    throw new FormatError({ file, field: '--vintage', message: `expected a date YYYY-MM-DD, found "${vintage}"` });
  }
  const data = await readDataFile(path.dirname(path.resolve(file)), path.basename(file));
  const message = parseSdmxCsv(data.text, data.path);
  const iso3ByM49 = new Map([...(await countryCodes(db))].map(([iso3, m49]) => [m49, iso3]));
  const present = new Set(message.columns.map((c) => c.id));
  const { observations } = sdmxToObservations(message, {
    file: data.path,
    breakdownColumns: Object.keys(SDMX_BREAKDOWNS).filter((id) => present.has(id)),
    // M49 areas may come unpadded ("4" for Afghanistan); groups keep their source code.
    mapArea: (code) => (/^\d{1,3}$/.test(code) ? (iso3ByM49.get(code.padStart(3, '0')) ?? code) : code),
  });
  const renamed: Observation[] = observations.map((o) => ({
    ...o,
    // _T (total) and _Z (not applicable) are SDMX's "no breakdown".
    breakdown: Object.fromEntries(
      Object.entries(o.breakdown)
        .filter(([, v]) => v !== '_T' && v !== '_Z')
        .map(([k, v]) => [SDMX_BREAKDOWNS[k] ?? k, v]),
    ),
  }));
  return {
    name: data.name,
    sha256: data.sha256,
    rows: message.rows.length,
    observations: renamed,
    aggregateCodes: { ...WORLD_BANK_GROUPS, ...SDG_GROUPS },
    source: options.source ?? `SDMX-CSV file ${data.name}`,
    vintage,
  };
}

/**
 * @example await importSdmx(db, 'itu.csv', { source: 'ITU', vintage: '2026-06-30' })
 */
export async function importSdmx(db: Db, file: string, options: SdmxImportOptions = {}): Promise<IndicatorImportSummary> {
  return importBatches(db, 'sdmx', [await readSdmxBatch(db, file, options)]);
}

export const WORLD_BANK_API_SOURCE = 'World Bank API';

/**
 * Fetches every page of one indicator from the World Bank Indicators API (v2 JSON) into one
 * batch; the vintage is the response's `lastupdated`. Nothing is written.
 */
export async function fetchWorldBankBatch(baseUrl: string, code: string, fetchImpl: typeof fetch = fetch): Promise<ObservationBatch> {
  if (!resolveIndicatorCode(code))
    throw new Error(`indicator "${code}" is not in the catalogue; see GET /api/v1/indicators for codes and aliases`);
  const base = `${baseUrl.replace(/\/+$/, '')}/country/all/indicator/${encodeURIComponent(code)}?format=json&per_page=20000`;
  const hash = createHash('sha256');
  const observations: Observation[] = [];
  let vintage: string | null = null;
  let rows = 0;
  for (let page: number | null = 1; page !== null;) {
    const url = page === 1 ? base : `${base}&page=${page}`;
    const response = await fetchImpl(url, { headers: { Accept: 'application/json' } });
    const text = await response.text();
    if (!response.ok) throw new FormatError({ file: url, message: `the API answered HTTP ${response.status}` });
    hash.update(text);
    const parsed = parseWorldBankJson(text, url);
    observations.push(...parsed.observations);
    rows += parsed.observations.length + parsed.skipped.noValue + parsed.skipped.noAreaCode + parsed.skipped.notAnnual;
    vintage ??= parsed.info.lastUpdated;
    page = nextWorldBankPage(parsed.info);
  }
  if (vintage === null || !ISO_DATE.test(vintage)) {
    throw new FormatError({
      file: base,
      field: '[0].lastupdated',
      message: 'the response does not say when the data was last updated; its vintage is unknown',
    });
  }
  return {
    name: base,
    sha256: hash.digest('hex'),
    rows,
    observations,
    aggregateCodes: WORLD_BANK_GROUPS,
    source: WORLD_BANK_API_SOURCE,
    vintage,
  };
}

/** @example await importWorldBank(db, 'https://api.worldbank.org/v2', 'IT.NET.USER.ZS') */
export async function importWorldBank(
  db: Db,
  baseUrl: string,
  code: string,
  fetchImpl: typeof fetch = fetch,
): Promise<IndicatorImportSummary> {
  return importBatches(db, 'worldbank', [await fetchWorldBankBatch(baseUrl, code, fetchImpl)]);
}
