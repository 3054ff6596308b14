/**
 * Where jobs run, as processes: `dcp worker` alone, `dcp serve` with its in-process
 * workers (the default), and `dcp serve` with DCP_WORKERS=separate, which only serves.
 */
import { afterAll, expect, it } from 'vitest';
import { forEachEngine } from '../../test/support/engines.js';
import { eventually, killAll, startNode } from '../../test/support/processes.js';
import { loadConfig } from '../config/config.js';
import type { Db } from '../db/database.js';
import { queueMail } from '../platform/mail/index.js';

async function queued(db: Db, to: string): Promise<string> {
  return queueMail({ db, config: loadConfig({ NODE_ENV: 'test' }) }, { to, lang: 'en', subject: 'Hello', text: 'x' });
}

async function stateOf(db: Db, id: string): Promise<string | undefined> {
  return (await db.selectFrom('mails').select('state').where('id', '=', id).executeTakeFirst())?.state;
}

forEachEngine('dcp worker and dcp serve run the jobs', (t) => {
  const dcp = (command: string, env: Record<string, string> = {}) =>
    startNode('src/main.ts', [command], { DATABASE_URL: t.url, DCP_SMTP_URL: '', PORT: '0', LOG_LEVEL: 'info', ...env });
  afterAll(killAll);

  it('dcp worker runs queued jobs, and stops cleanly on SIGTERM', async () => {
    const worker = dcp('worker');
    await worker.waitFor('job workers started', 120_000);
    const id = await queued(t.db, 'worker@example.org');
    await eventually(async () => ((await stateOf(t.db, id)) === 'kept' ? true : undefined), 120_000, 'mail kept in the outbox');
    worker.process.kill('SIGTERM');
    expect(await worker.exited()).toBe(0);
    expect(worker.output()).toContain('job workers stopped');
    expect(worker.output()).not.toContain('listening on');
  }, 240_000);

  it('dcp serve runs the workers in the same process by default', async () => {
    const serve = dcp('serve');
    await serve.waitFor('listening on', 120_000);
    await serve.waitFor('job workers started');
    const id = await queued(t.db, 'in-process@example.org');
    await eventually(async () => ((await stateOf(t.db, id)) === 'kept' ? true : undefined), 120_000, 'mail kept in the outbox');
    serve.process.kill('SIGTERM');
    expect(await serve.exited()).toBe(0);
    expect(serve.output()).toContain('job workers stopped');
  }, 240_000);

  it('dcp serve with DCP_WORKERS=separate only serves: the job waits for a worker', async () => {
    const serve = dcp('serve', { DCP_WORKERS: 'separate' });
    await serve.waitFor('listening on', 120_000);
    const id = await queued(t.db, 'separate@example.org');
    const port = /listening on http:\/\/localhost:(\d+)/.exec(serve.output())![1];
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    // Several of a worker's polling intervals (2 s) pass; nobody takes the job.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    expect(await stateOf(t.db, id)).toBe('queued');
    expect(serve.output()).not.toContain('job workers started');
    serve.process.kill('SIGTERM');
    expect(await serve.exited()).toBe(0);
    // A worker elsewhere picks it up.
    const worker = dcp('worker');
    await eventually(async () => ((await stateOf(t.db, id)) === 'kept' ? true : undefined), 120_000, 'mail kept in the outbox');
    worker.process.kill('SIGTERM');
    expect(await worker.exited()).toBe(0);
  }, 300_000);
});
