/**
 * Sending a job. The payload is checked against the definition's schema before it is
 * stored, and the job is inserted through the caller's database handle: pass a
 * transaction and the job commits or rolls back with the rest of the work.
 */
import PgBoss from 'pg-boss';
import type { Db, WriteTx } from '../../db/database.js';
import { createQueueIfMissing, executorFor, JOB_SCHEMA } from './boss.js';
import type { JobDefinition } from './define.js';

export interface EnqueueOptions {
  /**
   * An idempotency key: a job with this id is created once; sending it again is a no-op
   * (while the first one is kept, a day after it completes). Must be a UUID.
   */
  readonly id?: string;
  /** With `singletonSeconds`: at most one job with this key per window of that many seconds. */
  readonly singletonKey?: string;
  readonly singletonSeconds?: number;
  /** Run no earlier than this many seconds from now. */
  readonly delaySeconds?: number;
}

// Only send(): every call passes its own `db`, so this instance never opens a pool of its own.
const sender = new PgBoss({
  db: {
    executeSql: () => Promise.reject(new Error('enqueue always passes its own database handle')),
  },
  schema: JOB_SCHEMA,
  migrate: false,
  schedule: false,
  supervise: false,
});

/**
 * Sends a job; resolves with its id, or null when an idempotency or singleton key
 * made it a duplicate. Throws (a ZodError) on a payload its schema refuses.
 * @example await enqueue(tx, sendMailJob, { mailId }, { id: mailId })
 */
export async function enqueue<P>(
  db: Db | WriteTx,
  job: JobDefinition<P>,
  payload: P,
  options: EnqueueOptions = {},
): Promise<string | null> {
  const data = job.payload.parse(payload) as object;
  const send = () =>
    sender.send(job.name, data, {
      db: executorFor(db),
      ...(options.id ? { id: options.id } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey, singletonSeconds: options.singletonSeconds ?? 60 } : {}),
      ...(options.delaySeconds ? { startAfter: options.delaySeconds } : {}),
    });
  const id = await send();
  if (id !== null) return id;
  // pg-boss inserts nothing, silently, when the queue does not exist yet (a job sent
  // before any worker started, on a fresh database): create it and send again.
  const queue = await executorFor(db).executeSql(`select 1 from ${JOB_SCHEMA}.queue where name = $1`, [job.name]);
  if (queue.rows.length > 0) return null;
  await createQueueIfMissing(db, job);
  return send();
}
