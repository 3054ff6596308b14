/**
 * The database killed in the middle of an import (kill -9 of the PostgreSQL server while the
 * import's transaction runs): the importer must end with one clear line and a non-zero status,
 * not an unhandled 'error' event and a stack trace (issue 8), and nothing may be half written.
 * Each engine gets a throwaway cluster of its own, since the test kills it.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import { createDb } from '../../db/database.js';
import { ensureCluster, type RunningCluster } from '../../db/embedded/cluster.js';
import { embeddedBinDir } from '../../db/embedded/embedded.js';
import { unprivilegedAccount } from '../../db/embedded/run-as.js';
import { migrate } from '../../db/migrate.js';
import { importReference } from '../reference/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dataDir = loadConfig({}).dataDir!;

function systemBinDir(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const version = readdirSync(base)
    .filter((v) => Number(v) >= 15)
    .toSorted((a, b) => Number(b) - Number(a))[0];
  return version ? path.join(base, version, 'bin') : undefined;
}

const engines: { name: string; binDir: () => Promise<string | undefined> }[] = [
  { name: 'embedded', binDir: embeddedBinDir },
  { name: 'server', binDir: async () => systemBinDir() },
];

describe.each(engines)('an import whose database is killed [$name]', ({ binDir }) => {
  const home = mkdtempSync(path.join(tmpdir(), 'dcp-killed-'));
  chmodSync(home, 0o755);
  let cluster: RunningCluster | undefined;
  afterAll(async () => {
    await cluster?.stop().catch(() => {});
    rmSync(home, { recursive: true, force: true });
  });

  it('ends with one clear line and status 1, and leaves nothing half written', async () => {
    const bin = await binDir();
    if (!bin) throw new Error('no PostgreSQL binaries for this engine');
    cluster = await ensureCluster({ binDir: bin, home, runAs: unprivilegedAccount() });
    const db = createDb(cluster.url, { max: 2 });
    try {
      await migrate(db);
      await importReference(db, dataDir);
      const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['src/main.ts', 'import', 'indicators'], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: cluster.url, DCP_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      // Wait until the import holds its lock (not the migrator's), i.e. its transaction is writing.
      for (let waited = 0; ; waited += 100) {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_locks
          where locktype = 'advisory' and objid = (hashtext('dcp:import:indicators')::bigint & 4294967295)::oid`.execute(db);
        if (rows[0]!.n > 0) break;
        if (waited > 60_000) throw new Error(`the import never took its lock; stderr: ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const postmaster = Number(readFileSync(path.join(home, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(postmaster, 'SIGKILL');
      const code = await exited;
      expect(code).toBe(1);
      expect(stderr).toMatch(
        /^dcp: the database connection failed during the import \(.+\); nothing was committed — run the import again once the database is back\n$/,
      );
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      await db.destroy().catch(() => {});
    }
    // The server again (recovery after the crash): the import's transaction left no trace.
    rmSync(path.join(home, 'pg', 'postmaster.pid'), { force: true });
    cluster = await ensureCluster({ binDir: bin, home, runAs: unprivilegedAccount() });
    const after = createDb(cluster.url, { max: 1 });
    try {
      const { rows } = await sql<{ o: number; runs: number }>`select (select count(*)::int from observations) as o,
        (select count(*)::int from import_runs where kind = 'indicators') as runs`.execute(after);
      expect(rows[0]).toEqual({ o: 0, runs: 0 });
    } finally {
      await after.destroy();
    }
  }, 180_000);
});
