/**
 * Jobs for the worker-process tests (src/platform/jobs/worker-process.test.ts), run by
 * test/support/job-worker.ts. Each records what it did in small tables the test creates
 * (`createTestJobTables`), so the test can count effects and runs from outside.
 * `HOLD` (environment) makes a job stop at a chosen moment so the test can kill it there.
 */
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Db } from '../../src/db/database.js';
import { defineJob } from '../../src/platform/jobs/index.js';

export type Hold = 'none' | 'in-effect' | 'after-effect';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Marks a moment in the worker's log, for the test to wait for. */
function mark(logger: Logger, event: string, fields: object = {}): void {
  logger.info({ event, ...fields }, `test job: ${event}`);
}

export async function createTestJobTables(db: Db): Promise<void> {
  await sql`create table if not exists test_effects (id serial primary key, key text not null, pid integer not null)`.execute(db);
  await sql`create table if not exists test_runs (id serial primary key, job text not null, period text, pid integer not null)`.execute(db);
}

/** Applies one effect per run through ctx.once; HOLD stops it inside or after the effect's transaction. */
export function effectJob(hold: Hold) {
  return defineJob({
    name: 'test-effect',
    payload: z.object({ key: z.string() }),
    retry: { limit: 3, delaySeconds: 0, backoff: false },
    timeoutSeconds: 2,
    async handle({ key }, ctx) {
      await sql`insert into test_runs (job, pid) values ('test-effect', ${process.pid})`.execute(ctx.db);
      await ctx.once(async (tx) => {
        await sql`insert into test_effects (key, pid) values (${key}, ${process.pid})`.execute(tx);
        if (hold === 'in-effect') {
          mark(ctx.logger, 'in-effect');
          await sleep(60_000);
        }
      });
      if (hold === 'after-effect') {
        mark(ctx.logger, 'after-effect');
        await sleep(60_000);
      }
      mark(ctx.logger, 'done', { attempt: ctx.attempt });
    },
  });
}

/** Takes `ms`, then records its effect: for the SIGTERM tests. */
export const slowJob = defineJob({
  name: 'test-slow',
  payload: z.object({ key: z.string(), ms: z.number().int().min(0).max(60_000) }),
  retry: { limit: 3, delaySeconds: 0, backoff: false },
  timeoutSeconds: 120,
  async handle({ key, ms }, ctx) {
    mark(ctx.logger, 'slow-started');
    await sleep(ms);
    await ctx.once(async (tx) => {
      await sql`insert into test_effects (key, pid) values (${key}, ${process.pid})`.execute(tx);
    });
    mark(ctx.logger, 'slow-done');
  },
});

/** Every minute: records every run of its handler, and its once-per-period effect. */
export const tickJob = defineJob({
  name: 'test-tick',
  payload: z.object({}),
  schedule: '* * * * *',
  retry: { limit: 1, delaySeconds: 0, backoff: false },
  timeoutSeconds: 30,
  async handle(_payload, ctx) {
    await sql`insert into test_runs (job, pid) values ('test-tick', ${process.pid})`.execute(ctx.db);
    await ctx.once(async (tx) => {
      await sql`insert into test_effects (key, pid) values ('tick', ${process.pid})`.execute(tx);
    });
    mark(ctx.logger, 'tick');
  },
});
