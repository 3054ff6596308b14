/**
 * Job workers as real processes on the same database: killed with SIGKILL at the worst
 * moments, stopped with SIGTERM, and two of them racing for a scheduled job.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../../../test/support/engines.js';
import { eventually, killAll, startNode } from '../../../test/support/processes.js';
import { createTestJobTables, effectJob, slowJob } from '../../../test/support/test-jobs.js';
import type { Db } from '../../db/database.js';
import { enqueue } from './index.js';

const WORKER = 'test/support/job-worker.ts';

async function jobRow(db: Db, name: string, id: string) {
  const { rows } = await sql<{ state: string; retry_count: number }>`
    select state, retry_count from pgboss.job where name = ${name} and id = ${id}`.execute(db);
  return rows[0];
}

async function effects(db: Db, key: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from test_effects where key = ${key}`.execute(db);
  return rows[0]!.n;
}

forEachEngine('job workers as processes', (t) => {
  const worker = (env: Record<string, string> = {}) =>
    startNode(WORKER, [], { DATABASE_URL: t.url, DCP_SMTP_URL: '', LOG_LEVEL: 'info', ...env });

  beforeAll(async () => {
    await createTestJobTables(t.db);
  });
  afterAll(killAll);

  for (const hold of ['after-effect', 'in-effect'] as const) {
    it(`applies a job's effect once when its worker is killed with SIGKILL ${hold === 'in-effect' ? 'inside the effect’s transaction' : 'after the effect committed'}`, async () => {
      const key = `kill-${hold}`;
      const first = worker({ HOLD: hold });
      await first.waitFor('job workers started', 60_000);
      const id = (await enqueue(t.db, effectJob('none'), { key }))!;
      await first.waitFor(`"event":"${hold}"`);
      first.process.kill('SIGKILL');
      expect(await first.exited()).toBeNull();
      expect(await effects(t.db, key)).toBe(hold === 'after-effect' ? 1 : 0);
      expect((await jobRow(t.db, 'test-effect', id))?.state).toBe('active'); // its worker died holding it

      // Another worker finds it once its time limit (2 s) has passed, and completes it.
      const second = worker();
      await eventually(
        async () => ((await jobRow(t.db, 'test-effect', id))?.state === 'completed' ? true : undefined),
        60_000,
        'completed',
      );
      const job = (await jobRow(t.db, 'test-effect', id))!;
      const { rows: runs } = await sql<{ n: number }>`select count(*)::int as n from test_runs where job = 'test-effect'`.execute(t.db);
      console.info(`[kill -9 ${hold}] effect applied ${await effects(t.db, key)}×, handler ran on ${job.retry_count + 1} attempts`);
      expect(await effects(t.db, key)).toBe(1);
      expect(job.retry_count).toBeGreaterThanOrEqual(1);
      expect(runs[0]!.n).toBeGreaterThanOrEqual(2);
      second.process.kill('SIGTERM');
      expect(await second.exited()).toBe(0);
      await sql`delete from test_runs`.execute(t.db);
    }, 120_000);
  }

  it('finishes the running job on SIGTERM, then exits 0', async () => {
    const w = worker();
    await w.waitFor('job workers started', 60_000);
    const id = (await enqueue(t.db, slowJob, { key: 'term-finish', ms: 1500 }))!;
    await w.waitFor('"event":"slow-started"');
    w.process.kill('SIGTERM');
    expect(await w.exited()).toBe(0);
    expect(w.output()).toContain('"event":"slow-done"');
    expect(w.output()).toContain('"finished":1,"released":0');
    expect((await jobRow(t.db, 'test-slow', id))?.state).toBe('completed');
    expect(await effects(t.db, 'term-finish')).toBe(1);
  }, 90_000);

  it('releases a job that outlasts the grace period on SIGTERM, and another worker completes it once', async () => {
    const w = worker({ DCP_SHUTDOWN_GRACE_MS: '300' });
    await w.waitFor('job workers started', 60_000);
    const id = (await enqueue(t.db, slowJob, { key: 'term-release', ms: 2500 }))!;
    await w.waitFor('"event":"slow-started"');
    w.process.kill('SIGTERM');
    expect(await w.exited()).toBe(0);
    expect(w.output()).toContain('"finished":0,"released":1');
    expect((await jobRow(t.db, 'test-slow', id))?.state).toBe('retry');
    const next = worker();
    await eventually(async () => ((await jobRow(t.db, 'test-slow', id))?.state === 'completed' ? true : undefined), 60_000, 'completed');
    expect(await effects(t.db, 'term-release')).toBe(1);
    next.process.kill('SIGTERM');
    await next.exited();
  }, 120_000);

  it('never runs one scheduled job twice in one period, with two workers checking the schedule every second', async () => {
    const a = worker({ SCHEDULE: '1' });
    const b = worker({ SCHEDULE: '1' });
    await Promise.all([a.waitFor('job workers started', 60_000), b.waitFor('job workers started', 60_000)]);
    // The every-minute job is due as soon as a worker checks; then both keep checking for 6 s.
    await eventually(async () => ((await effects(t.db, 'tick')) > 0 ? true : undefined), 60_000, 'first tick');
    await new Promise((resolve) => setTimeout(resolve, 6000));
    a.process.kill('SIGTERM');
    b.process.kill('SIGTERM');
    await Promise.all([a.exited(), b.exited()]);
    // Every run of the handler, by the minute of the job pg-boss created for it.
    const { rows: perMinute } = await sql<{ minute: string; jobs: number }>`
      select date_trunc('minute', created_on)::text as minute, count(*)::int as jobs
      from (select created_on from pgboss.job where name = 'test-tick' union all select created_on from pgboss.archive where name = 'test-tick') j
      group by 1 order by 1`.execute(t.db);
    const { rows: runs } = await sql<{ n: number }>`select count(*)::int as n from test_runs where job = 'test-tick'`.execute(t.db);
    console.info(
      `[schedule] jobs per minute: ${JSON.stringify(perMinute)}; handler runs ${runs[0]!.n}; effects ${await effects(t.db, 'tick')}`,
    );
    expect(perMinute.length).toBeGreaterThanOrEqual(1);
    expect(perMinute.every((m) => m.jobs === 1)).toBe(true);
    expect(runs[0]!.n).toBe(perMinute.length);
    expect(await effects(t.db, 'tick')).toBe(perMinute.length);
  }, 120_000);
});
