/**
 * Imports indicator observations, all-or-nothing: every file is read and parsed
 * before the transaction starts; inside it, batches are applied oldest vintage
 * first, derived indicators and every aggregate are recomputed, and the run is
 * recorded. A bad file or value changes nothing.
 */
import { sql } from 'kysely';
import { INDICATOR_CATALOGUE, type Observation } from '../../core/indicators/index.js';
import type { Db } from '../../db/database.js';
import { lockForTransaction } from '../../db/locks.js';
import { readTable } from '../../formats/csv/read-table.js';
import { readAllInOrder, readDataFile } from '../imports/index.js';
import { deriveIndicators, recomputeAggregates } from './compute.js';
import {
  applyObservations,
  countryCodes,
  finishImportRun,
  startImportRun,
  syncCatalogue,
  upsertPublishedAggregates,
  type ApplyCounts,
} from './repository.js';
import { resolve } from './resolve.js';
import { INDICATOR_FILES } from './sources.js';

/** One source's observations, as parsed from a file, an SDMX message or an API response. */
export interface ObservationBatch {
  readonly name: string;
  readonly sha256: string;
  readonly rows: number;
  readonly observations: readonly Observation[];
  readonly aggregateCodes: Readonly<Record<string, string>>;
  readonly source: string;
  /** ISO date the source published the data. */
  readonly vintage: string;
}

export interface IndicatorImportSummary extends ApplyCounts {
  files: number;
  publishedAggregates: number;
  derived: number;
  aggregates: number;
  skipped: Record<string, number>;
}

/** Reads and parses every known indicator file in `dataDir`; nothing is written. */
export async function readIndicatorFiles(dataDir: string): Promise<ObservationBatch[]> {
  return readAllInOrder(INDICATOR_FILES, async (spec) => {
    const file = await readDataFile(dataDir, spec.file);
    const table = readTable(file.path, file.text, spec.columns);
    return {
      name: spec.file,
      sha256: file.sha256,
      rows: table.rows.length,
      observations: spec.parse(table),
      aggregateCodes: spec.aggregateCodes,
      source: spec.source,
      vintage: spec.vintage,
    };
  });
}

/**
 * @example await importIndicators(db, '../shared/data') // { inserted: 61234, revised: 0, ... }
 */
export async function importIndicators(db: Db, dataDir: string): Promise<IndicatorImportSummary> {
  return importBatches(db, 'indicators', await readIndicatorFiles(dataDir));
}

/** Applies parsed batches in one transaction (oldest vintage first) and recomputes what depends on them. */
export async function importBatches(db: Db, kind: string, batches: readonly ObservationBatch[]): Promise<IndicatorImportSummary> {
  const ordered = batches.toSorted((a, b) => a.vintage.localeCompare(b.vintage));
  const result = await db.transaction().execute(async (tx) => {
    await lockForTransaction(tx, 'import:indicators');
    const runId = await startImportRun(tx, kind);
    await syncCatalogue(tx, INDICATOR_CATALOGUE);
    const m49ByIso3 = await countryCodes(tx);
    if (m49ByIso3.size === 0) throw new Error('No countries are loaded: import the reference data first (dcp import reference)');

    const summary: IndicatorImportSummary = {
      files: ordered.length,
      inserted: 0,
      revised: 0,
      unchanged: 0,
      superseded: 0,
      publishedAggregates: 0,
      derived: 0,
      aggregates: 0,
      skipped: {},
    };
    for (const batch of ordered) {
      const resolved = resolve(batch.observations, {
        m49ByIso3,
        aggregateCodes: batch.aggregateCodes,
        source: batch.source,
        vintage: batch.vintage,
      });
      add(summary, await applyObservations(tx, resolved.observations, runId));
      await upsertPublishedAggregates(tx, resolved.aggregates);
      summary.publishedAggregates += resolved.aggregates.length;
      for (const [reason, n] of Object.entries(resolved.skipped)) summary.skipped[reason] = (summary.skipped[reason] ?? 0) + n;
    }
    const newest = ordered.at(-1)?.vintage ?? new Date().toISOString().slice(0, 10);
    const derived = await deriveIndicators(tx, newest);
    await applyObservations(tx, derived, runId);
    summary.derived = derived.length;
    summary.aggregates = await recomputeAggregates(tx);

    const { skipped, ...counts } = summary;
    await finishImportRun(
      tx,
      runId,
      ordered.map((b) => ({ name: b.name, sha256: b.sha256, rows: b.rows })),
      {
        ...counts,
        skipped: Object.values(skipped).reduce((a, b) => a + b, 0),
      },
    );
    return summary;
  });
  // Fresh statistics for the planner: after a first import it would otherwise plan for empty
  // tables (nested loops over thousands of rows) until autovacuum gets round to them.
  await sql`analyze observations, aggregates, published_aggregates, observation_revisions`.execute(db);
  return result;
}

function add(summary: IndicatorImportSummary, counts: ApplyCounts): void {
  summary.inserted += counts.inserted;
  summary.revised += counts.revised;
  summary.unchanged += counts.unchanged;
  summary.superseded += counts.superseded;
}
