/**
 * The database stopped under load, several times, on both engines (a
 * PostgreSQL 18 from the embedded binaries and the system's PostgreSQL, each a
 * cluster of this test's own, since it is stopped and started): while it is
 * down every request is answered 503 within 2 s — never a 500, never a dropped
 * connection, the app keeps running — and once it is back the app answers 200
 * again by itself within 5 s.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, projectRoot } from '../../src/config/config.js';
import { createDb } from '../../src/db/database.js';
import { ensureCluster, type ClusterOptions } from '../../src/db/embedded/cluster.js';
import { embeddedClusterOptions } from '../../src/db/embedded/embedded.js';
import { unprivilegedAccount } from '../../src/db/embedded/run-as.js';
import { migrate } from '../../src/db/migrate.js';
import { importReference } from '../../src/features/reference/index.js';
import { request, report, type Outcome } from './http.js';
import { startProcess } from './processes.js';

const RUNS = 3;
const DOWN_MS = 2500;
const root = mkdtempSync(path.join(tmpdir(), 'dcp-outage-'));
chmodSync(root, 0o755);
afterAll(() => rmSync(root, { recursive: true, force: true }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** pg_ctl of the cluster, as the account the cluster runs as. */
function pgCtl(options: ClusterOptions, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(options.binDir, 'pg_ctl'), args, {
      cwd: '/',
      env: { PATH: process.env['PATH'], LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
      stdio: 'ignore',
      ...(options.runAs ? { uid: options.runAs.uid, gid: options.runAs.gid } : {}),
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`pg_ctl ${args[0]} exited ${code}`))));
  });
}

function systemBinDir(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const version = readdirSync(base)
    .filter((v) => Number(v) >= 15)
    .toSorted((a, b) => Number(b) - Number(a))[0];
  return version ? path.join(base, version, 'bin') : undefined;
}

const engines: [string, () => Promise<ClusterOptions>][] = [['embedded', () => embeddedClusterOptions(path.join(root, 'embedded'))]];
const system = systemBinDir();
if (system) engines.push(['server', async () => ({ binDir: system, home: path.join(root, 'server'), runAs: unprivilegedAccount() })]);

describe.each(engines)('the database stopped under load [%s]', (engine, clusterOptions) => {
  it('answers 503 within 2 s while it is down and recovers by itself within 5 s of its return', { timeout: 240_000 }, async () => {
    const options = await clusterOptions();
    const cluster = await ensureCluster(options);
    const port = new URL(cluster.url).port;
    const dataDir = options.dataDir ?? path.join(options.home, 'pg');
    const start = () =>
      pgCtl(options, [
        'start',
        '-w',
        '-t',
        '60',
        '-D',
        dataDir,
        '-l',
        path.join(dataDir, 'server.log'),
        '-o',
        `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`,
      ]);
    const db = createDb(cluster.url, { max: 2 });
    await migrate(db);
    await importReference(db, loadConfig({}).dataDir!);
    await db.destroy();

    const app = await startProcess(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: cluster.url, PORT: '0', LOG_LEVEL: 'info', DCP_API_RATE_LIMIT: '1000000' },
    });
    const figures = { firstUnavailableMs: 0, slowest503Ms: 0, recoveryMs: 0, answered: 0, unavailable: 0 };
    try {
      for (let run = 1; run <= RUNS; run++) {
        const outcomes: Outcome[] = [];
        const load = { on: true };
        const worker = async (url: string) => {
          while (load.on) outcomes.push(await request(url, { timeoutMs: 10_000 }));
        };
        const workers = [
          ...Array.from({ length: 3 }, () => worker(`${app.origin}/api/v1/countries/KEN`)),
          worker(`${app.origin}/countries/FJI`),
          worker(`${app.origin}/healthz`),
        ];
        await sleep(500);
        const stopAt = performance.now();
        await pgCtl(options, ['stop', '-w', '-t', '60', '-m', 'fast', '-D', dataDir]);
        const downAt = performance.now();
        await sleep(DOWN_MS);
        const restartAt = performance.now();
        await start();
        const upAt = performance.now();
        // Recovered: every kind of request started after the database's return answers 200 again.
        const recovered = () =>
          [`/api/v1/countries/KEN`, '/countries/FJI', '/healthz'].every((p) =>
            outcomes.some((o) => o.started >= upAt && o.status === 200 && o.url === `${app.origin}${p}`),
          );
        while (!recovered() && performance.now() - upAt < 15_000) await sleep(20);
        const recoveredAt = Math.max(
          ...[`/api/v1/countries/KEN`, '/countries/FJI', '/healthz'].map(
            (p) => outcomes.find((o) => o.started >= upAt && o.status === 200 && o.url === `${app.origin}${p}`)?.ended ?? Infinity,
          ),
        );
        load.on = false;
        await Promise.all(workers);

        const statuses = new Set(outcomes.map((o) => o.status));
        // On failure, the app's own last words say why it stopped answering.
        expect(app.child.exitCode, `the app exited:\n${app.log().slice(-3000)}`).toBeNull();
        expect([...statuses].toSorted()).toEqual([200, 503]);
        const whileDown = outcomes.filter((o) => o.started >= downAt && o.ended <= restartAt);
        expect(whileDown.length).toBeGreaterThan(10);
        expect(whileDown.every((o) => o.status === 503)).toBe(true);
        const slowest = Math.max(...outcomes.filter((o) => o.status === 503).map((o) => o.ended - o.started));
        expect(slowest).toBeLessThanOrEqual(2000);
        const firstUnavailable = Math.min(...outcomes.filter((o) => o.status === 503).map((o) => o.ended)) - stopAt;
        expect(firstUnavailable).toBeLessThanOrEqual(2000);
        expect(recoveredAt - upAt).toBeLessThanOrEqual(5000);
        expect(app.child.exitCode).toBeNull();

        figures.firstUnavailableMs = Math.max(figures.firstUnavailableMs, Math.round(firstUnavailable));
        figures.slowest503Ms = Math.max(figures.slowest503Ms, Math.round(slowest));
        figures.recoveryMs = Math.max(figures.recoveryMs, Math.round(recoveredAt - upAt));
        figures.answered += outcomes.length;
        figures.unavailable += outcomes.filter((o) => o.status === 503).length;
      }
    } finally {
      app.child.kill('SIGTERM');
      await app.exited();
      await cluster.stop();
    }
    report(`database stopped under load [${engine}]`, {
      runs: RUNS,
      requests: figures.answered,
      '503 answers': figures.unavailable,
      '500 answers or dropped connections': 0,
      'first 503 after the stop (max ms)': figures.firstUnavailableMs,
      'slowest 503 (ms)': figures.slowest503Ms,
      'database return to healthy (max ms)': figures.recoveryMs,
    });
  });
});
