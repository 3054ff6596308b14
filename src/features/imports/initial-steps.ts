/**
 * The steps of first-start loading and whether each is done. A step is done when an import of
 * its kind committed: the import records its run in import_runs inside its own transaction, so
 * the record and the data commit together — a crash between steps leaves exactly the finished
 * steps recorded, and the next start (or the readiness check) sees what is missing.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/** In loading order: indicators need the countries and groups of the reference data. */
export const INITIAL_STEPS = ['reference', 'indicators'] as const;
export type InitialStep = (typeof INITIAL_STEPS)[number];

/**
 * The first-start steps not done yet, in loading order (empty when the platform has its data).
 * @example await missingInitialSteps(db) // ['indicators'] after a crash between the two
 */
export async function missingInitialSteps(db: Db): Promise<InitialStep[]> {
  const { rows } = await sql<{
    kind: string;
  }>`select distinct kind from import_runs where kind in (${sql.join([...INITIAL_STEPS])})`.execute(db);
  const done = new Set(rows.map((r) => r.kind));
  return INITIAL_STEPS.filter((step) => !done.has(step));
}
