/**
 * Imports indicator observations, all-or-nothing: every input is read, parsed and checked
 * (prepare.ts: codes, areas, plausible values, vintages, duplicates) before the transaction
 * starts; inside it, batches are applied oldest vintage first, deletions applied, derived
 * indicators and every aggregate recomputed, and the run recorded. A bad input or value changes
 * nothing, and the summary accounts for every value read.
 */
import { sql } from 'kysely';
import { INDICATOR_CATALOGUE, todayUtc } from '../../core/indicators/index.js';
import type { Db, WriteTx } from '../../db/database.js';
import { lockForTransaction } from '../../db/locks.js';
import { readTable } from '../../formats/csv/read-table.js';
import { databaseFailure, readAllInOrder, readDataFile } from '../imports/index.js';
import { countryCodes } from '../reference/index.js';
import { areaResolver } from './areas.js';
import { aggregationGroups, COMPUTED_INDICATORS, computeAllAggregates, deriveIndicators } from './compute.js';
import { prepareBatch, type ObservationBatch, type PreparedBatch } from './prepare.js';
import { INDICATOR_FILES } from './sources.js';
import {
  applyDeletions,
  applyObservations,
  finishImportRun,
  replaceAggregates,
  startImportRun,
  syncCatalogue,
  syncDerived,
  upsertPublishedAggregates,
} from './store.js';

export type { ObservationBatch } from './prepare.js';

export interface IndicatorImportSummary {
  files: number;
  /** Every value slot read: stored in one of the ways below or counted under `skipped`. */
  values: number;
  inserted: number;
  revised: number;
  unchanged: number;
  /** Values older than the stored vintage: kept out, the newer value stays. */
  superseded: number;
  /** Group figures a source published, kept beside ours for comparison. */
  publishedAggregates: number;
  /** Values withdrawn by the source (SDMX-CSV ACTION=D), kept in the revision history. */
  deleted: number;
  /** Values left out, by reason. */
  skipped: Record<string, number>;
  /** Derived values (gender parity, monthly GNI) recomputed: how many changed and how many are stored now. */
  derived: { stored: number; inserted: number; revised: number; removed: number };
  aggregates: number;
}

/** Reads and parses every known indicator file in `dataDir`; nothing is written. */
export async function readIndicatorFiles(dataDir: string): Promise<ObservationBatch[]> {
  return readAllInOrder(INDICATOR_FILES, async (spec) => {
    const file = await readDataFile(dataDir, spec.file);
    const table = readTable(file.path, file.text, spec.columns);
    return {
      name: spec.file,
      file: file.path,
      sha256: file.sha256,
      rows: table.rows.length,
      parsed: spec.parse(table),
      source: spec.source,
      vintage: spec.vintage,
      keepsPublishedAggregates: true,
      knownErrors: spec.knownErrors,
    };
  });
}

/**
 * @example await importIndicators(db, '../shared/data') // { values: 93815, inserted: 61234, revised: 0, ... }
 */
export async function importIndicators(db: Db, dataDir: string): Promise<IndicatorImportSummary> {
  return importBatches(db, 'indicators', await readIndicatorFiles(dataDir));
}

export const DELETION_SKIPPED = {
  superseded: 'deletion of a value a newer publication has since replaced (the newer value stays)',
  notHeld: 'deletion of a value the platform does not hold',
} as const;

/**
 * Checks every batch, then applies them in one transaction (oldest vintage first) and
 * recomputes what depends on them. `today` bounds vintages (none may be in the future).
 */
export async function importBatches(
  db: Db,
  kind: string,
  batches: readonly ObservationBatch[],
  options: { today?: string } = {},
): Promise<IndicatorImportSummary> {
  try {
    return await importChecked(db, kind, batches, options.today ?? todayUtc());
  } catch (error) {
    const lost = databaseFailure(error);
    if (lost !== null)
      throw new Error(
        `the database connection failed during the import (${lost}); nothing was committed — run the import again once the database is back`,
        { cause: error },
      );
    throw error;
  }
}

async function importChecked(db: Db, kind: string, batches: readonly ObservationBatch[], today: string): Promise<IndicatorImportSummary> {
  const countries = await countryCodes(db);
  if (countries.length === 0) throw new Error('No countries are loaded: import the reference data first (dcp import reference)');
  const groups = await aggregationGroups(db);
  const areas = areaResolver(
    countries,
    groups.groups.map((g) => g.code),
  );
  const prepared = batches
    .map((batch) => prepareBatch(batch, { areas, computed: COMPUTED_INDICATORS, today }))
    .toSorted((a, b) => a.batch.vintage.localeCompare(b.batch.vintage));

  const result = await db.transaction().execute(async (tx) => {
    await lockForTransaction(tx, 'import:indicators');
    const runId = await startImportRun(tx, kind);
    await syncCatalogue(tx, INDICATOR_CATALOGUE);
    const summary = emptySummary(prepared);
    for (const p of prepared) await applyBatch(tx, p, runId, summary);

    const derivedRows = await deriveIndicators(tx);
    const derived = await syncDerived(tx, [...COMPUTED_INDICATORS], derivedRows, runId, today);
    summary.derived = { stored: derivedRows.length, ...derived };
    for (const [indicator, rows] of await computeAllAggregates(tx, groups)) {
      await replaceAggregates(tx, indicator, rows);
      summary.aggregates += rows.length;
    }

    const { skipped, derived: d, ...counts } = summary;
    await finishImportRun(
      tx,
      runId,
      prepared.map((p) => ({ name: p.batch.name, sha256: p.batch.sha256, rows: p.batch.rows })),
      { ...counts, skipped: total(skipped), derived: d.stored, derivedRevised: d.revised },
    );
    return summary;
  });
  // Fresh statistics for the planner: after a first import it would otherwise plan for empty
  // tables (nested loops over thousands of rows) until autovacuum gets round to them.
  await sql`analyze observations, aggregates, published_aggregates, observation_revisions`.execute(db);
  return result;
}

async function applyBatch(tx: WriteTx, p: PreparedBatch, runId: number, summary: IndicatorImportSummary): Promise<void> {
  const applied = await applyObservations(tx, p.observations, runId);
  summary.inserted += applied.inserted;
  summary.revised += applied.revised;
  summary.unchanged += applied.unchanged;
  summary.superseded += applied.superseded;
  const withdrawn = await applyDeletions(tx, p.deletions, runId);
  summary.deleted += withdrawn.deleted;
  await upsertPublishedAggregates(tx, p.aggregates);
  summary.publishedAggregates += p.aggregates.length;
  const skipped = { ...p.skipped, [DELETION_SKIPPED.superseded]: withdrawn.superseded, [DELETION_SKIPPED.notHeld]: withdrawn.notHeld };
  for (const [reason, n] of Object.entries(skipped)) if (n > 0) summary.skipped[reason] = (summary.skipped[reason] ?? 0) + n;
}

function emptySummary(prepared: readonly PreparedBatch[]): IndicatorImportSummary {
  return {
    files: prepared.length,
    values: prepared.reduce((n, p) => n + p.values, 0),
    inserted: 0,
    revised: 0,
    unchanged: 0,
    superseded: 0,
    publishedAggregates: 0,
    deleted: 0,
    skipped: {},
    derived: { stored: 0, inserted: 0, revised: 0, removed: 0 },
    aggregates: 0,
  };
}

function total(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}
