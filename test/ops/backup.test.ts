/**
 * Backup and restore as a round trip on both engines, with the real data: every
 * table's count and content (an ordered digest of all rows), every sequence, and
 * a sample of rows are equal after restoring into an empty database; and the
 * refusals leave the target as it was: a non-empty database, a file from a newer
 * schema, a truncated or foreign file — never a half restore.
 */
import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { backupDatabase } from '../../src/cli/backup/dump.js';
import { restoreDatabase, RestoreRefusedError } from '../../src/cli/backup/restore.js';
import { BackupFileError } from '../../src/cli/backup/backup-file.js';
import { createUser } from '../../src/cli/users.js';
import { projectRoot } from '../../src/config/config.js';
import { startEmbedded } from '../../src/db/embedded/embedded.js';
import { recordAudit, SYSTEM } from '../../src/features/audit/index.js';
import { forEachEngine, withDatabase } from '../support/engines.js';

const dir = mkdtempSync(path.join(tmpdir(), 'dcp-backup-'));
chmodSync(dir, 0o755);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function urlOf(engineUrl: string, database: string): string {
  const u = new URL(engineUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

interface Snapshot {
  readonly tables: Record<string, { rows: number; digest: string }>;
  readonly sequences: Record<string, string>;
  readonly sample: unknown[];
}

/** Every table's count and an ordered digest of all its rows, the sequences, and a few rows as they read. */
async function snapshot(url: string): Promise<Snapshot> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public' where c.relkind = 'r' order by 1`,
    );
    const result: Snapshot = { tables: {}, sequences: {}, sample: [] };
    for (const { name } of tables) {
      const { rows } = await client.query<{ rows: number; digest: string }>(
        `select count(*)::int as rows, coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '') as digest from "${name}" t`,
      );
      result.tables[name] = rows[0]!;
    }
    const { rows: sequences } = await client.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public' where c.relkind = 'S' order by 1`,
    );
    for (const { name } of sequences) {
      const { rows } = await client.query<{ v: string }>(`select last_value::text || '/' || is_called::text as v from "${name}"`);
      result.sequences[name] = rows[0]!.v;
    }
    const sample = await client.query(`
      (select 'observation' as kind, to_jsonb(o) as row from observations o order by indicator_code, m49, year, breakdown limit 3)
      union all (select 'user', to_jsonb(u) - 'password_hash' from users u order by email limit 3)
      union all (select 'audit', to_jsonb(a) from audit_log a order by id limit 3)
      union all (select 'country', to_jsonb(c) from countries c where iso3 in ('KEN', 'FJI', 'BOL'))`);
    result.sample.push(...sample.rows);
    return result;
  } finally {
    await client.end();
  }
}

async function tableCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public' where c.relkind = 'r'`,
    );
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

forEachEngine('backup and restore', (t) => {
  const databases: string[] = [];
  let file: string;
  let before: Snapshot;
  let summary: Awaited<ReturnType<typeof backupDatabase>>;

  /** A new, empty database on the same engine. */
  async function emptyDatabase(): Promise<string> {
    const name = `dcp_restore_${Math.random().toString(36).slice(2, 10)}`;
    await withDatabase(t.engine.url, (c) => c.query(`create database ${name}`));
    databases.push(name);
    return urlOf(t.engine.url, name);
  }

  beforeAll(async () => {
    // The real data of the template, plus accounts and an audit entry (an identity column).
    await createUser(
      t.db,
      { email: 'admin@example.org', name: 'Ádmin Ω', admin: true, coordinator: false, passwordStdin: false },
      () => {},
    );
    await createUser(
      t.db,
      { email: 'second@example.org', name: 'Back\\slash "quoted"\tTab', admin: false, coordinator: false, passwordStdin: false },
      () => {},
    );
    await recordAudit(t.db, { actor: SYSTEM, action: 'backup.test', resourceType: 'test', after: { text: 'line\nbreak', n: 1 } });
    file = path.join(dir, `${t.engine.name}.backup`);
    before = await snapshot(t.url);
    summary = await backupDatabase(t.url, file);
  });

  afterAll(async () => {
    for (const name of databases) await withDatabase(t.engine.url, (c) => c.query(`drop database if exists ${name} with (force)`));
  });

  it('round-trips every table, every sequence and the rows themselves into an empty database', { timeout: 180_000 }, async () => {
    expect(summary.rows).toBe(Object.values(before.tables).reduce((sum, table) => sum + table.rows, 0));
    expect(summary.rows).toBeGreaterThan(40_000);
    expect(statSync(file).size).toBe(summary.bytes);

    const target = await emptyDatabase();
    const restored = await restoreDatabase(target, file, { replace: false });
    expect(restored.tables).toBe(Object.keys(before.tables).length);
    const after = await snapshot(target);
    expect(after.tables).toEqual(before.tables);
    expect(after.sequences).toEqual(before.sequences);
    expect(after.sample).toEqual(before.sample);
    expect(after.sample.length).toBeGreaterThanOrEqual(9);

    // The sequences continue after the restored rows: a new audit entry gets the next id.
    await withDatabase(target, async (c) => {
      const { rows } = await c.query<{ id: number; max: number }>(
        `with added as (insert into audit_log (via, action, resource_type) values ('system', 'after.restore', 'test') returning id)
         select (select id from added)::int as id, (select max(id) from audit_log)::int as max`,
      );
      expect(rows[0]!.id).toBeGreaterThan(Number(before.sequences['audit_log_id_seq']!.split('/')[0]));
    });
  });

  it('refuses a database that is not empty and leaves it as it was; --replace replaces it whole', { timeout: 180_000 }, async () => {
    const target = await emptyDatabase();
    await restoreDatabase(target, file, { replace: false });
    await withDatabase(target, (c) => c.query(`update users set display_name = 'changed after the restore'`));
    const changed = await snapshot(target);
    await expect(restoreDatabase(target, file, { replace: false })).rejects.toThrow(RestoreRefusedError);
    await expect(restoreDatabase(target, file, { replace: false })).rejects.toThrow(
      /^the database is not empty \(\d+ tables, such as .*\): restore into an empty DCP_HOME or database, or pass --replace/,
    );
    expect(await snapshot(target)).toEqual(changed);

    await restoreDatabase(target, file, { replace: true });
    expect((await snapshot(target)).tables).toEqual(before.tables);
  });

  it('refuses a file from a newer schema before touching anything', { timeout: 180_000 }, async () => {
    const newer = path.join(dir, `${t.engine.name}-newer.backup`);
    await sql`insert into kysely_migration (name, timestamp) values ('2099-01-01-999-from-the-future', now()::text)`.execute(t.db);
    try {
      await backupDatabase(t.url, newer);
    } finally {
      await sql`delete from kysely_migration where name = '2099-01-01-999-from-the-future'`.execute(t.db);
    }
    const target = await emptyDatabase();
    await expect(restoreDatabase(target, newer, { replace: false })).rejects.toThrow(
      `${newer} comes from a newer version of the platform (its schema has migration 2099-01-01-999-from-the-future, which this version does not know): restore it with that version or a later one`,
    );
    expect(await tableCount(target)).toBe(0);
  });

  it('never leaves a half restore: a file truncated mid-table or a foreign one rolls everything back', { timeout: 180_000 }, async () => {
    for (const [name, damage, message] of [
      ['truncated', (f: string) => truncateSync(f, Math.floor(statSync(f).size * 0.6)), /is (damaged or )?truncated/],
      ['foreign', (f: string) => writeFileSync(f, 'name,value\nnot,a backup\n'), /is not a dcp backup/],
    ] as const) {
      const broken = path.join(dir, `${t.engine.name}-${name}.backup`);
      copyFileSync(file, broken);
      damage(broken);
      const target = await emptyDatabase();
      await expect(restoreDatabase(target, broken, { replace: false })).rejects.toThrow(BackupFileError);
      await expect(restoreDatabase(target, broken, { replace: false })).rejects.toThrow(message);
      expect(await tableCount(target), name).toBe(0);
    }
  });
});

/** The real command, as a process. */
function dcp(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts', ...args],
      { cwd: projectRoot, env: { ...process.env, LOG_LEVEL: 'silent', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

describe('dcp backup and dcp restore, as commands', () => {
  const home = path.join(dir, 'fresh-home');
  it(
    'backs up a server database and restores it into an empty embedded home (PostgreSQL 18), equal table by table',
    { timeout: 180_000 },
    async () => {
      const engines = inject('engines');
      const source = engines[engines.length - 1]!;
      const name = `dcp_backup_source_${Math.random().toString(36).slice(2, 10)}`;
      await withDatabase(source.url, (c) => c.query(`create database ${name} template dcp_test_template`));
      const sourceUrl = urlOf(source.url, name);
      const file = path.join(dir, 'command.backup');
      try {
        const backup = await dcp(['backup', file], { DATABASE_URL: sourceUrl });
        expect(backup.stderr).toBe('');
        expect(backup.code).toBe(0);
        expect(JSON.parse(backup.stdout)).toMatchObject({ file });

        const restore = await dcp(['restore', file], { DCP_HOME: home, DATABASE_URL: '' });
        expect(restore.stderr).toBe('');
        expect(restore.code).toBe(0);
        const again = await dcp(['restore', file], { DCP_HOME: home, DATABASE_URL: '' });
        expect(again.code).toBe(1);
        expect(again.stderr).toMatch(/^dcp: the database is not empty .*--replace to replace everything in it\n$/);

        const cluster = await startEmbedded(home);
        try {
          expect((await snapshot(cluster.url)).tables).toEqual((await snapshot(sourceUrl)).tables);
        } finally {
          await cluster.stop();
        }
      } finally {
        await withDatabase(source.url, (c) => c.query(`drop database if exists ${name} with (force)`));
      }
    },
  );
});
