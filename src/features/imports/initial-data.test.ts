import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { body, testApp } from '../../../test/support/app.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { loadConfig, projectRoot } from '../../config/config.js';
import { ensureInitialData } from './initial-data.js';

const dataDir = loadConfig({}).dataDir!;
const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

forEachEngine('first-start loading', (t) => {
  const logged: string[] = [];
  const logger = {
    info: (_o: object, m: string) => void logged.push(m),
    warn: (_o: object, m: string) => void logged.push(`warn: ${m}`),
  };

  it('resumes what a crash left undone and is not ready before (issue 8: served with 0 observations and /healthz ok)', async () => {
    // The state kill -9 leaves between the two steps: the reference import committed, the indicator import did not.
    for (const table of ['aggregates', 'published_aggregates', 'observation_revisions', 'observations'])
      await sql`delete from ${sql.table(table)}`.execute(t.db);
    await sql`delete from import_runs where kind <> 'reference'`.execute(t.db);
    const referenceRuns = async () =>
      Number((await sql<{ n: number }>`select count(*)::int as n from import_runs where kind = 'reference'`.execute(t.db)).rows[0]!.n);
    const before = await referenceRuns();

    const app = testApp(t.db);
    expect((await app.request('/healthz')).status).toBe(200);
    const notReady = await app.request('/readyz');
    expect(notReady.status).toBe(503);
    expect(await body(notReady)).toEqual({ status: 'loading', missing: ['indicators'] });

    expect(await ensureInitialData(t.db, undefined, logger)).toEqual([]);
    expect(logged.at(-1)).toMatch(/^warn: no data directory found/);
    expect((await app.request('/readyz')).status).toBe(503);

    expect(await ensureInitialData(t.db, dataDir, logger)).toEqual(['indicators']);
    expect(logged.at(-1)).toBe('indicators data loaded on first start');
    expect(await referenceRuns()).toBe(before);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from observations`.execute(t.db);
    expect(rows[0]!.n).toBeGreaterThan(40_000);
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await body(ready)).toEqual({ status: 'ready', missing: [] });
    expect(await ensureInitialData(t.db, dataDir, logger)).toEqual([]);
  }, 120_000);
});

describe('dcp serve killed between the reference and the indicator loading', () => {
  const home = mkdtempSync(path.join(tmpdir(), 'dcp-resume-'));
  chmodSync(home, 0o755);
  const children: ChildProcess[] = [];
  /** Starts `dcp serve` and resolves when its log matches `until`. */
  function serve(until: RegExp): Promise<{ child: ChildProcess; log: () => string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
      cwd: projectRoot,
      env: { ...process.env, DCP_HOME: home, PORT: '0', DATABASE_URL: '', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    return new Promise((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (until.test(output)) resolve({ child, log: () => output });
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`dcp serve exited with ${code}:\n${output}`)));
    });
  }
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.all(children.map(exited));
    rmSync(home, { recursive: true, force: true });
  });

  it('loads the indicators on the next start, and only then says ready', async () => {
    const first = await serve(/reference data loaded on first start/);
    first.child.kill('SIGKILL');
    await exited(first.child);
    const second = await serve(/listening on http:\/\/localhost:(\d+)/);
    expect(second.log()).not.toContain('reference data loaded');
    expect(second.log()).toMatch(/"resumed":true.*indicators data loaded on first start/);
    const port = /listening on http:\/\/localhost:(\d+)/.exec(second.log())![1];
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ready', missing: [] });
    const profile = (await (await fetch(`http://127.0.0.1:${port}/api/v1/countries/KEN/profile`)).json()) as {
      indicators: { code: string; latest: unknown }[];
    };
    expect(profile.indicators.find((i) => i.code === 'internet-use')?.latest).not.toBeNull();
    second.child.kill('SIGTERM');
    await exited(second.child);
  }, 240_000);
});
