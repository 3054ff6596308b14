/**
 * pg-boss on our own connection pool. pg-boss talks to PostgreSQL through an object
 * with `executeSql(text, values)`; giving it one over Kysely means the queue uses the
 * app's pool (embedded or server alike), and a job can be sent inside the caller's
 * transaction, so it exists exactly when the rows it refers to do.
 */
import PgBoss from 'pg-boss';
import { CompiledQuery, type Kysely } from 'kysely';
import { deadLetterQueue, type AnyJob } from './define.js';

/** The schema migration 2026-11-30-200 installed. */
export const JOB_SCHEMA = 'pgboss';

/** Anything Kysely can run a query on: the database or a transaction. */
export type Executor = Pick<Kysely<unknown>, 'executeQuery'>;

/** pg-boss's database interface over a Kysely database or transaction. */
export function executorFor(db: Executor): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const result = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: result.rows as never[] };
    },
  };
}

/** Options every pg-boss instance of ours shares. */
export function bossOptions(db: Executor): PgBoss.ConstructorOptions {
  return {
    db: executorFor(db),
    schema: JOB_SCHEMA,
    // The schema is a migration (see 2026-11-30-200-job-queue.ts); start() only checks its version.
    migrate: false,
    // Completed jobs, whose payload may hold an address, leave the live table after an
    // hour and the archive after a day.
    archiveCompletedAfterSeconds: 3600,
    deleteAfterDays: 1,
  };
}

/** The queue options pg-boss stores for a definition: where retry and expiry policy live. */
export function queueOptions(job: AnyJob): PgBoss.Queue {
  return {
    name: job.name,
    policy: 'standard',
    retryLimit: job.retry.limit,
    retryDelay: job.retry.delaySeconds,
    retryBackoff: job.retry.backoff,
    expireInSeconds: job.timeoutSeconds,
    deadLetter: deadLetterQueue(job),
  };
}

/**
 * Creates the job's queue and its dead-letter queue when missing, on `db` (which may be
 * a transaction). pg-boss's create_queue inserts with ON CONFLICT DO NOTHING, so
 * instances doing this at once create each queue once.
 */
export async function createQueueIfMissing(db: Executor, job: AnyJob): Promise<void> {
  const run = executorFor(db);
  await run.executeSql(`select ${JOB_SCHEMA}.create_queue($1, $2::json)`, [deadLetterQueue(job), JSON.stringify({ policy: 'standard' })]);
  const { name: _name, ...options } = queueOptions(job);
  await run.executeSql(`select ${JOB_SCHEMA}.create_queue($1, $2::json)`, [job.name, JSON.stringify(options)]);
}
