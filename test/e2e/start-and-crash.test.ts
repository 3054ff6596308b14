/**
 * The newcomer's path, as processes: `dcp serve` on an empty DCP_HOME creates
 * the embedded database, loads the reference data and serves; after `kill -9`
 * a second start recovers by itself and keeps the data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/config.js';

const home = mkdtempSync(path.join(tmpdir(), 'dcp-start-'));
chmodSync(home, 0o755);
const running: ChildProcess[] = [];
const origins = new Map<ChildProcess, string>();

/** Starts `dcp serve` on a free port and resolves with its origin and log once it listens. */
function start(): Promise<{ child: ChildProcess; origin: string; log: () => string }> {
  // One process (node with tsx's loader), so SIGKILL really kills the app and nothing else.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    cwd: projectRoot,
    env: { ...process.env, DCP_HOME: home, PORT: '0', DATABASE_URL: '', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const port = /listening on http:\/\/localhost:(\d+)/.exec(output)?.[1];
      if (port && !origins.has(child)) {
        origins.set(child, `http://127.0.0.1:${port}`);
        resolve({ child, origin: `http://127.0.0.1:${port}`, log: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`dcp serve exited with ${code}:\n${output}`)));
  });
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
}

describe('dcp serve on the embedded default', () => {
  afterAll(async () => {
    for (const child of running.filter(isRunning)) child.kill('SIGKILL');
    // Stop the PostgreSQL server the last start left behind.
    const last = await start().catch(() => undefined);
    if (last) {
      last.child.kill('SIGTERM');
      await exited(last.child);
    }
    rmSync(home, { recursive: true, force: true });
  });

  it('starts on an empty home, loads the reference data and answers', { timeout: 120_000 }, async () => {
    const first = await start();
    expect(first.log()).toContain('Creating the PostgreSQL cluster');
    expect(first.log()).toContain('reference data loaded on first start');
    const health = await fetch(`${first.origin}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const kenya = await fetch(`${first.origin}/api/v1/countries/KEN`);
    expect(kenya.status).toBe(200);
    first.child.kill('SIGKILL');
    await exited(first.child);
  });

  it('recovers after kill -9 without help, reusing the server and the data', { timeout: 120_000 }, async () => {
    const second = await start();
    expect(second.log()).toContain('Reusing the PostgreSQL server left running');
    expect(second.log()).not.toContain('reference data loaded');
    const groups = await fetch(`${second.origin}/api/v1/groups/LDC`);
    expect(((await groups.json()) as { members: unknown[] }).members).toHaveLength(45);
  });

  it('keeps serving while a dcp command uses the same embedded database and exits', { timeout: 120_000 }, async () => {
    const [app] = running.filter(isRunning);
    expect(app).toBeDefined();
    const origin = origins.get(app!);
    const command = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'export', 'groups', '--format', 'json'], {
      cwd: projectRoot,
      env: { ...process.env, DCP_HOME: home, DATABASE_URL: '', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    command.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    expect(await exited(command)).toBe(0);
    expect(JSON.parse(out).length).toBe(37);
    const health = await fetch(`${origin}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
  });

  it('shuts down gracefully on SIGTERM, stopping the database too', { timeout: 120_000 }, async () => {
    const [current] = running.filter(isRunning);
    current!.kill('SIGTERM');
    expect(await exited(current!)).toBe(0);
    const third = await start();
    expect(third.log()).toContain('Started PostgreSQL');
    expect(third.log()).not.toContain('Reusing');
    third.child.kill('SIGTERM');
    expect(await exited(third.child)).toBe(0);
  });
});
