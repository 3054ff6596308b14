import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddedClusterOptions } from './embedded.js';
import { ensureCluster } from './cluster.js';
import { unprivilegedAccount } from './run-as.js';

const home = mkdtempSync(path.join(tmpdir(), 'dcp-cluster-'));
chmodSync(home, 0o755);

async function query(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

function waitForExit(pid: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      try {
        process.kill(pid, 0);
      } catch {
        clearInterval(timer);
        resolve();
      }
    }, 50);
  });
}

const options = () => embeddedClusterOptions(path.join(home, 'a'));

describe('embedded PostgreSQL lifecycle', () => {
  afterAll(async () => {
    await (await ensureCluster(await options())).stop();
    rmSync(home, { recursive: true, force: true });
  });

  it('creates a cluster on first start with fsync on', async () => {
    const cluster = await ensureCluster(await options());
    expect(cluster.reused).toBe(false);
    await query(cluster.url, 'create table kept (v text); insert into kept values ($$before the crash$$)');
    const { rows } = await query(cluster.url, 'select current_setting($$fsync$$) as fsync, version() as version');
    expect(rows[0].fsync).toBe('on');
    expect(rows[0].version).toMatch(/^PostgreSQL 18/);
  });

  it.runIf(process.getuid?.() === 0)('runs the server as the unprivileged account when started by root', () => {
    const pid = Number(readFileSync(path.join(home, 'a', 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    expect(status).toMatch(new RegExp(`^Uid:\\s+${unprivilegedAccount()!.uid}\\b`, 'm'));
  });

  it('adopts the server a crashed app left running, with its data', async () => {
    const cluster = await ensureCluster(await options());
    expect(cluster.reused).toBe(true);
    const { rows } = await query(cluster.url, 'select v from kept');
    expect(rows).toEqual([{ v: 'before the crash' }]);
  });

  it('leaves the server of another live process running when a second process (a dcp command) closes', async () => {
    const liveApp = spawn('sleep', ['60']);
    try {
      writeFileSync(path.join(home, 'a', 'pg-owner.pid'), `${liveApp.pid}\n`);
      const guest = await ensureCluster(await options());
      expect(guest).toMatchObject({ reused: true, owner: false });
      await guest.stop();
      const { rows } = await query(guest.url, 'select v from kept');
      expect(rows).toEqual([{ v: 'before the crash' }]);
    } finally {
      const exited = new Promise((resolve) => liveApp.once('exit', resolve));
      liveApp.kill();
      await exited;
    }
    // Its owner gone, the next process adopts the server as its own again.
    const adopted = await ensureCluster(await options());
    expect(adopted).toMatchObject({ reused: true, owner: true });
  });

  it('restarts after the server itself was killed with SIGKILL, recovering committed data', async () => {
    const pid = Number(readFileSync(path.join(home, 'a', 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 'SIGKILL');
    await waitForExit(pid);
    const cluster = await ensureCluster(await options());
    expect(cluster.reused).toBe(false);
    const { rows } = await query(cluster.url, 'select v from kept');
    expect(rows).toEqual([{ v: 'before the crash' }]);
  });
});
