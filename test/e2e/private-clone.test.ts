/**
 * A stranger's first start, as root, of a checkout in a private (0700)
 * directory — as `git clone … ~/dcp` puts it under /root. PostgreSQL runs as
 * `nobody`, who cannot reach the checkout: binaries and cluster are kept where
 * it can (layout.ts). Then the start chain as a service manager drives it:
 * SIGTERM and SIGINT to the `npm` process itself stop the app and its database,
 * leaving no process behind; a `dcp` command beside the running app and a
 * restart after `kill -9` find the same cluster.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { copyCheckout } from '../ops/checkout.js';
import { answers, isAlive, leftOver, postmasterPid, startProcess, waitUntil, type Started } from '../ops/processes.js';

const asRoot = process.getuid?.() === 0;

describe.runIf(asRoot)('a checkout in a private directory, started as root', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'dcp-private-'));
  chmodSync(work, 0o700);
  const checkout = path.join(work, 'project');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    DCP_HOME: '', // the default: .dcp inside the checkout
    DATABASE_URL: '',
    DCP_DATA_DIR: loadConfig({}).dataDir,
    LOG_LEVEL: 'info',
  };
  const started: Started[] = [];
  let place = '';

  const start = async (command: string, args: string[]) => {
    const app = await startProcess(command, args, { cwd: checkout, env });
    started.push(app);
    return app;
  };
  /** Signals a process and checks that the platform stops and leaves nothing running. */
  const stopsCleanly = async (app: Started, signal: NodeJS.Signals) => {
    const postmaster = postmasterPid(path.join(place, 'pg'));
    expect(postmaster).toBeDefined();
    process.kill(app.child.pid!, signal);
    expect(await waitUntil(async () => !(await answers(`${app.origin}/healthz`)), 20_000)).toBe(true);
    // Once it no longer answers (it holds requests while it stops the database), it is soon gone, database included.
    expect(await waitUntil(() => !isAlive(postmaster!), 5000)).toBe(true);
    expect(await waitUntil(() => leftOver(app.child.pid!, [work, place]).length === 0, 5000)).toBe(true);
    expect(await app.exited()).toBe(0);
  };

  beforeAll(() => copyCheckout(checkout));

  afterAll(async () => {
    for (const app of started) if (app.child.exitCode === null && app.child.signalCode === null) process.kill(-app.child.pid!, 'SIGKILL');
    const left = place ? postmasterPid(path.join(place, 'pg')) : undefined;
    if (left && isAlive(left)) {
      process.kill(left, 'SIGQUIT');
      await waitUntil(() => !isAlive(left), 10_000);
    }
    if (place) rmSync(place, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  it('starts with npm start, keeping binaries and cluster where nobody can reach them, and says where', { timeout: 120_000 }, async () => {
    const app = await start('npm', ['start']);
    const pointer = path.join(checkout, '.dcp', 'pg-location');
    expect(existsSync(pointer)).toBe(true);
    place = readFileSync(pointer, 'utf8').trim();
    expect(place).toMatch(/^\/var\/lib\/dcp\/project-[0-9a-f]{12}$/);
    expect(app.log()).toContain(`who cannot enter ${work} (mode 0700): its binaries and cluster are kept in ${place}`);
    expect(app.log()).toContain('reference data loaded on first start');
    expect(await (await fetch(`${app.origin}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${app.origin}/countries/KEN`)).status).toBe(200);
  });

  it('runs a dcp command beside the running app on the same cluster, and the app keeps serving', { timeout: 120_000 }, async () => {
    const [app] = started;
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) =>
      execFile('npm', ['run', '--silent', 'dcp', '--', 'export', 'groups', '--format', 'json'], { cwd: checkout, env }, (error, out) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout: out }),
      ),
    );
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as unknown[]).length).toBe(37);
    expect(await answers(`${app!.origin}/healthz`)).toBe(true);
  });

  it(
    'stops on SIGTERM to the npm start process itself: no longer answers, no process left, PostgreSQL included',
    { timeout: 120_000 },
    async () => {
      await stopsCleanly(started[0]!, 'SIGTERM');
      expect(started[0]!.log()).toContain('"signal":"SIGTERM"');
    },
  );

  it(
    'restarts after kill -9 of the app, adopting the server left running in the same place, with its data',
    { timeout: 120_000 },
    async () => {
      const crashed = await start(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve']);
      expect(crashed.log()).toContain('Started PostgreSQL');
      expect(crashed.log()).not.toContain('reference data loaded');
      process.kill(crashed.child.pid!, 'SIGKILL');
      await crashed.exited();
      expect(isAlive(postmasterPid(path.join(place, 'pg'))!)).toBe(true);

      const again = await start('npm', ['run', 'dcp', '--', 'serve']);
      expect(again.log()).toContain('Reusing the PostgreSQL server left running');
      expect((await fetch(`${again.origin}/api/v1/groups/LDC`)).status).toBe(200);
      await stopsCleanly(again, 'SIGINT');
    },
  );

  it('stops on SIGTERM to npm run dcp -- serve as well', { timeout: 120_000 }, async () => {
    const app = await start('npm', ['run', 'dcp', '--', 'serve']);
    expect(app.log()).toContain('Started PostgreSQL');
    await stopsCleanly(app, 'SIGTERM');
  });
});
