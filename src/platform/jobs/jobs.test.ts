/**
 * The job queue on both engines: its schema, sending (schemas, transactions,
 * idempotency and singleton keys), retries with backoff, dead letters, time limits,
 * what failures leave in logs, and several runners starting at once.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import pino from 'pino';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { forEachEngine } from '../../../test/support/engines.js';
import { silentLogger } from '../../../test/support/app.js';
import { loadConfig } from '../../config/config.js';
import type { Db } from '../../db/database.js';
import { JOB_SCHEMA_VERSION } from '../../db/migrations/2026-11-30-200-job-queue.js';
import { applyOnce, defineJob, drainJobs, enqueue, startJobRunner, type JobDeps } from './index.js';
import { periodOf } from './period.js';
import { checkSchedules, idFor } from './schedules.js';

const config = loadConfig({ NODE_ENV: 'test' });
const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

async function jobsIn(db: Db, queue: string) {
  const { rows } = await sql<{ id: string; state: string; retry_count: number; delay: number; output: unknown; data: unknown }>`
    select id, state, retry_count, extract(epoch from start_after - now())::float8 as delay, output, data
    from pgboss.job where name = ${queue} order by created_on`.execute(db);
  return rows;
}

/** Makes every waiting retry of `queue` due now (instead of waiting for its backoff). */
async function fastForward(db: Db, queue: string): Promise<void> {
  await sql`update pgboss.job set start_after = now() where name = ${queue} and state = 'retry'`.execute(db);
}

function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

forEachEngine('job queue', (t) => {
  const deps = (): JobDeps => ({ db: t.db, config, logger: silentLogger });

  it('has pg-boss’s schema from the migrations, at the version pg-boss 10 checks for', async () => {
    const { rows } = await sql<{ version: number }>`select version from pgboss.version`.execute(t.db);
    expect(rows).toEqual([{ version: JOB_SCHEMA_VERSION }]);
    // start() runs pg-boss's own check of the installed version (it throws on a mismatch).
    const runner = await startJobRunner(deps(), []);
    await runner.stop(1000);
  });

  it('starts four runners at once on queues that do not exist yet, each queue made once', async () => {
    const job = defineJob({ name: unique('race'), payload: z.object({}), handle: async () => {} });
    const runners = await Promise.all(Array.from({ length: 4 }, () => startJobRunner(deps(), [job])));
    await Promise.all(runners.map((r) => r.stop(1000)));
    const { rows } = await sql<{ name: string }>`select name from pgboss.queue where name like ${`${job.name}%`} order by name`.execute(
      t.db,
    );
    expect(rows.map((r) => r.name)).toEqual([job.name, `${job.name}-dead`]);
  });

  it('refuses a payload its schema refuses, and stores nothing', async () => {
    const job = defineJob({ name: unique('strict'), payload: z.object({ count: z.number().int().positive() }), handle: async () => {} });
    await expect(enqueue(t.db, job, { count: -1 })).rejects.toThrow(/count/);
    expect(await jobsIn(t.db, job.name)).toEqual([]);
  });

  it('creates a missing queue on the first send; a job sent in a rolled-back transaction never exists', async () => {
    const seen: number[] = [];
    const job = defineJob({ name: unique('lazy'), payload: z.object({ n: z.number() }), handle: async ({ n }) => void seen.push(n) });
    await t.db
      .transaction()
      .execute(async (tx) => {
        await enqueue(tx, job, { n: 1 });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await jobsIn(t.db, job.name)).toEqual([]);
    await t.db.transaction().execute((tx) => enqueue(tx, job, { n: 2 }));
    expect(await drainJobs(deps(), [job])).toBe(1);
    expect(seen).toEqual([2]);
  });

  it('makes one job per idempotency key, and one per singleton key and window', async () => {
    const job = defineJob({ name: unique('keys'), payload: z.object({}), handle: async () => {} });
    const id = randomUUID();
    expect(await enqueue(t.db, job, {}, { id })).toBe(id);
    expect(await enqueue(t.db, job, {}, { id })).toBeNull();
    expect(await enqueue(t.db, job, {}, { singletonKey: 'digest:ana', singletonSeconds: 300 })).not.toBeNull();
    expect(await enqueue(t.db, job, {}, { singletonKey: 'digest:ana', singletonSeconds: 300 })).toBeNull();
    expect(await enqueue(t.db, job, {}, { singletonKey: 'digest:ben', singletonSeconds: 300 })).not.toBeNull();
    expect(await jobsIn(t.db, job.name)).toHaveLength(3);
  });

  it('retries a failing job with growing delays, then gives it to its dead-letter handler once', async () => {
    const attempts: number[] = [];
    const deadLetters: string[] = [];
    const job = defineJob({
      name: unique('flaky'),
      payload: z.object({ key: z.string() }),
      retry: { limit: 3, delaySeconds: 10, backoff: true },
      handle: async (_p, ctx) => {
        attempts.push(ctx.attempt);
        throw Object.assign(new Error('smtp down'), { code: 'ECONNREFUSED' });
      },
      onDeadLetter: async ({ key }) => void deadLetters.push(key),
    });
    await enqueue(t.db, job, { key: 'k' });
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      expect(await drainJobs(deps(), [job])).toBe(1);
      const [row] = await jobsIn(t.db, job.name);
      expect(row!.state).toBe('retry');
      delays.push(row!.delay);
      await fastForward(t.db, job.name);
    }
    // pg-boss's backoff: delay × 2^n / 2 × (1 + random) → [10, 20], [20, 40], [40, 80] seconds.
    console.info(`[retries] delays before each retry (s): ${delays.map((d) => d.toFixed(1)).join(', ')}`);
    expect(delays[0]).toBeGreaterThan(9);
    expect(delays[0]).toBeLessThanOrEqual(20.5);
    expect(delays[1]).toBeGreaterThan(19);
    expect(delays[2]).toBeGreaterThan(39);
    // The last attempt fails for good; the job goes to the dead-letter queue, whose handler
    // runs in the same drain, once.
    expect(deadLetters).toEqual([]);
    expect(await drainJobs(deps(), [job])).toBe(2);
    expect(await drainJobs(deps(), [job])).toBe(0);
    expect(attempts).toEqual([1, 2, 3, 4]);
    expect((await jobsIn(t.db, job.name))[0]).toMatchObject({ state: 'failed', output: { code: 'ECONNREFUSED' } });
    expect(deadLetters).toEqual(['k']);
  });

  it('fails a job that overruns its time limit, to be tried again', async () => {
    const job = defineJob({
      name: unique('slow'),
      payload: z.object({}),
      timeoutSeconds: 1,
      handle: () => new Promise((resolve) => setTimeout(resolve, 3000)),
    });
    await enqueue(t.db, job, {});
    await drainJobs(deps(), [job]);
    expect((await jobsIn(t.db, job.name))[0]).toMatchObject({ state: 'retry', output: { code: 'job-timeout' } });
  });

  it('keeps the text of a failure out of the log and the stored output (it may quote an address)', async () => {
    const { logger, lines } = capturingLogger();
    const job = defineJob({
      name: unique('leaky'),
      payload: z.object({ to: z.string() }),
      handle: async ({ to }) => {
        throw new Error(`550 mailbox ${to} unknown`);
      },
    });
    await enqueue(t.db, job, { to: 'secret.person@example.org' });
    await drainJobs({ db: t.db, config, logger }, [job]);
    const [row] = await jobsIn(t.db, job.name);
    expect(row).toMatchObject({ state: 'retry', output: { code: 'Error' } });
    expect(lines.join('')).toContain('job failed');
    expect(lines.join('')).not.toContain('secret.person');
    expect(JSON.stringify(row!.output)).not.toContain('secret.person');
  });

  it('lets one of several instances checking at once send a scheduled job, one job per tick', async () => {
    const job = defineJob({ name: unique('every-minute'), payload: z.object({}), schedule: '* * * * *', handle: async () => {} });
    await sql`update pgboss.version set cron_on = null`.execute(t.db);
    const sent = await Promise.all(Array.from({ length: 5 }, () => checkSchedules(t.db, [job], 30)));
    expect(sent.filter((names) => names.length > 0)).toEqual([[job.name]]);
    // Checks again and again, as if each held the gate: a tick already sent is not sent again.
    for (let i = 0; i < 5; i++) {
      await sql`update pgboss.version set cron_on = null`.execute(t.db);
      await checkSchedules(t.db, [job], 30);
    }
    const { rows } = await sql<{ id: string; created_on: Date }>`select id, created_on from pgboss.job where name = ${job.name}`.execute(
      t.db,
    );
    const ticks = rows.map((r) => periodOf(job.schedule!, r.created_on));
    expect(rows.length).toBeLessThanOrEqual(2); // two only if a minute began during the checks
    expect(new Set(ticks).size).toBe(rows.length);
    expect(rows.map((r) => r.id)).toEqual(ticks.map((tick) => idFor(`${job.name}@${tick}`)));
  });

  it('applies an effect once per key, even when two runs race', async () => {
    await sql`create table if not exists once_effects (key text)`.execute(t.db);
    const key = unique('race');
    const effect = (tx: Db) => sql`insert into once_effects values (${key})`.execute(tx).then(() => undefined);
    const results = await Promise.all([applyOnce(t.db, key, effect), applyOnce(t.db, key, effect), applyOnce(t.db, key, effect)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from once_effects where key = ${key}`.execute(t.db);
    expect(rows[0]!.n).toBe(1);
    // A failed effect leaves no receipt: the next run applies it.
    const other = unique('fail');
    await expect(
      applyOnce(t.db, other, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await applyOnce(t.db, other, effect)).toBe(true);
  });
});
