/**
 * Exactly-once effects for at-least-once jobs. A job can run twice: its worker may die
 * after the effect committed but before the queue heard the job was done, or it may be
 * presumed dead (timeout) while still running. `applyOnce` commits the effect and a
 * receipt for `key` in one transaction; a second run finds the receipt and does nothing.
 * Two runs at once serialise on the receipt's primary key: the second waits for the
 * first to commit, then skips.
 */
import type { Db, WriteTx } from '../../db/database.js';

/**
 * @example await applyOnce(db, `digest-send:${jobId}`, (tx) => markDigestSent(tx, userId)) // true, then false
 */
export async function applyOnce(db: Db, key: string, effect: (tx: WriteTx) => Promise<void>): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const receipt = await tx
      .insertInto('job_receipts')
      .values({ key })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!receipt) return false;
    await effect(tx);
    return true;
  });
}

/** Drops receipts older than `days` (jobs that old are no longer retried). Returns how many. */
export async function forgetReceipts(db: Db, days: number): Promise<number> {
  const result = await db
    .deleteFrom('job_receipts')
    .where('created_at', '<', new Date(Date.now() - days * 86_400_000))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
