/**
 * First-start loading, resumable: loads whichever of the reference and indicator data has not
 * been loaded yet (see initial-steps.ts for how a step counts as done), so a start after a crash
 * part-way finishes the job instead of serving without data. Kept out of imports/index.ts
 * because it calls the importers, which themselves use that module.
 */
import type { Db } from '../../db/database.js';
import { importIndicators } from '../indicators/index.js';
import { importReference } from '../reference/index.js';
import { INITIAL_STEPS, missingInitialSteps, type InitialStep } from './initial-steps.js';

/** What the loading reports to (a pino logger in the app). */
export interface StepLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

const LOADERS: Record<InitialStep, (db: Db, dataDir: string) => Promise<object>> = {
  reference: importReference,
  indicators: async (db, dataDir) => {
    const summary = await importIndicators(db, dataDir);
    return { values: summary.values, inserted: summary.inserted, aggregates: summary.aggregates };
  },
};

/**
 * Loads every missing step from `dataDir`; logs what it did. Without a data directory it logs
 * what is missing (the readiness endpoint reports it too) and serves without.
 * @example await ensureInitialData(database.db, config.dataDir, logger);
 */
export async function ensureInitialData(db: Db, dataDir: string | undefined, logger: StepLogger): Promise<InitialStep[]> {
  const missing = await missingInitialSteps(db);
  if (missing.length === 0) return [];
  if (!dataDir) {
    logger.warn({ missing }, 'no data directory found (DCP_DATA_DIR): starting without this data; /readyz reports it missing');
    return [];
  }
  // Some steps done already: a previous start stopped part-way (a crash, kill -9), and this one finishes it.
  const resumed = missing.length < INITIAL_STEPS.length;
  for (const step of missing) {
    const summary = await LOADERS[step](db, dataDir);
    logger.info({ ...summary, dataDir, ...(resumed ? { resumed } : {}) }, `${step} data loaded on first start`);
  }
  return missing;
}
