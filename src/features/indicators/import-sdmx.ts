/**
 * Imports an SDMX-CSV file (1.0 or 2.0; any dataflow with REF_AREA as ISO2, ISO3 or M49 codes).
 * The file is parsed and checked first, so a malformed one is refused with file, line, column and
 * field before anything is written; then one batch goes to importBatches (all-or-nothing, newer
 * vintages win). Rows carrying their own provenance — the SOURCE_DETAIL and VINTAGE columns of
 * the platform's own exports — keep it, so exporting and importing again changes nothing.
 * ACTION=D rows withdraw values (kept in the revision history); group rows are left out
 * (aggregates are computed by the platform, never imported).
 */
import path from 'node:path';
import { todayUtc, vintageProblem, type Observation, type ObservationKey } from '../../core/indicators/index.js';
import type { Db } from '../../db/database.js';
import { FormatError } from '../../formats/csv/format-error.js';
import { parseSdmxCsv, sdmxToObservations } from '../../formats/sdmx-csv/index.js';
import { readDataFile } from '../imports/index.js';
import { importBatches, type IndicatorImportSummary } from './import-indicators.js';
import type { ObservationBatch } from './prepare.js';

/** SDMX dimension ids → the catalogue's breakdown dimensions. */
const SDMX_BREAKDOWNS: Record<string, string> = { SEX: 'sex', TYPE_OF_SPEED: 'speed' };
/** _T (total) and _Z (not applicable) are SDMX's "no breakdown". */
const NO_BREAKDOWN = new Set(['_T', '_Z']);

export interface SdmxImportOptions {
  /** Source of rows that name none (no SOURCE_DETAIL or SOURCE column); default "SDMX-CSV file NAME". */
  readonly source?: string | undefined;
  /** ISO date the source published the data, for rows without a VINTAGE column; default today (the day it was received). */
  readonly vintage?: string | undefined;
  /** For tests: the date vintages may not exceed. */
  readonly today?: string | undefined;
}

function renameBreakdown<T extends Observation | ObservationKey>(o: T): T {
  return {
    ...o,
    breakdown: Object.fromEntries(
      Object.entries(o.breakdown)
        .filter(([, v]) => !NO_BREAKDOWN.has(v))
        .map(([k, v]) => [SDMX_BREAKDOWNS[k] ?? k, v]),
    ),
  };
}

/** Reads and parses an SDMX-CSV file into one batch; nothing is written. */
export async function readSdmxBatch(file: string, options: SdmxImportOptions = {}): Promise<ObservationBatch> {
  const today = options.today ?? todayUtc();
  const vintage = options.vintage ?? today;
  const problem = vintageProblem(vintage, today);
  if (problem !== null) throw new FormatError({ file, field: '--vintage', message: problem });
  const data = await readDataFile(path.dirname(path.resolve(file)), path.basename(file));
  const message = parseSdmxCsv(data.text, data.path);
  const present = new Set(message.columns.map((c) => c.id));
  const parsed = sdmxToObservations(message, {
    file: data.path,
    breakdownColumns: Object.keys(SDMX_BREAKDOWNS).filter((id) => present.has(id)),
  });
  return {
    name: data.name,
    file: data.path,
    sha256: data.sha256,
    rows: message.rows.length,
    parsed: {
      observations: parsed.observations.map(renameBreakdown),
      deletions: parsed.deletions.map(renameBreakdown),
      skipped: parsed.skipped,
    },
    keepsPublishedAggregates: false,
    source: options.source ?? `SDMX-CSV file ${data.name}`,
    vintage,
  };
}

/**
 * @example await importSdmx(db, 'itu.csv', { source: 'ITU', vintage: '2026-06-30' })
 */
export async function importSdmx(db: Db, file: string, options: SdmxImportOptions = {}): Promise<IndicatorImportSummary> {
  const batch = await readSdmxBatch(file, options);
  return importBatches(db, 'sdmx', [batch], options.today ? { today: options.today } : {});
}
