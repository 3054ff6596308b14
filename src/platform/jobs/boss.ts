/**
 * pg-boss on our own connection pool. pg-boss talks to PostgreSQL through an object
 * with `executeSql(text, values)`; giving it one over Kysely means the queue uses the
 * app's pool (embedded or server alike), and a job can be sent inside the caller's
 * transaction, so it exists exactly when the rows it refers to do.
 */
import PgBoss from 'pg-boss';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { Db, WriteTx } from '../../db/database.js';
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
 * Creates the job's queue and its dead-letter queue when missing, in the caller's
 * transaction or a new one. Creating a queue attaches a partition to pgboss.job and
 * adds foreign keys to pgboss.queue; two sessions doing that at once deadlock (one
 * inserts a queue row while the other's ALTER TABLE waits for the queue table), so
 * creation is serialised across instances with an advisory lock.
 */
export async function createQueueIfMissing(db: Db | WriteTx, job: AnyJob): Promise<void> {
  const create = async (tx: WriteTx) => {
    await sql`select pg_advisory_xact_lock(hashtext('dcp:job-queues'))`.execute(tx);
    const { name: _name, ...policy } = queueOptions(job);
    const wanted: [string, object][] = [
      [deadLetterQueue(job), { policy: 'standard' }],
      [job.name, policy],
    ];
    const existing = await sql<{
      name: string;
    }>`select name from ${sql.raw(JOB_SCHEMA)}.queue where name in (${sql.join(wanted.map(([name]) => name))})`.execute(tx);
    const have = new Set(existing.rows.map((r) => r.name));
    for (const [name, options] of wanted)
      if (!have.has(name)) await sql`select ${sql.raw(JOB_SCHEMA)}.create_queue(${name}, ${JSON.stringify(options)}::json)`.execute(tx);
  };
  if (db.isTransaction) await create(db as WriteTx);
  else await db.transaction().execute(create);
}
