/**
 * Cross-instance mutual exclusion through PostgreSQL advisory locks, so that
 * nothing assumes it is the only app instance.
 */
import { sql } from 'kysely';
import type { WriteTx } from './database.js';

/**
 * Waits for the named lock; it is released when the transaction ends.
 * @example await lockForTransaction(tx, 'import:reference');
 */
export async function lockForTransaction(tx: WriteTx, name: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`dcp:${name}`}))`.execute(tx);
}
