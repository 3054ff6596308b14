/**
 * `dcp restore FILE`: into an empty database (or, when told, one whose
 * contents it replaces), in ONE transaction: build the schema at the file's
 * version by running the same migrations, copy every table back in dependency
 * order, check each count against the file, set the sequences, commit. Any
 * failure — a damaged file, a count that does not match, a constraint — rolls
 * everything back: there is never a half restore. A file from a newer schema
 * (a migration this code does not know) is refused before anything is touched.
 */
import { createReadStream, existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { migrations } from '../../db/migrations/index.js';
import { JOB_SCHEMA } from '../../platform/jobs/boss.js';
import { BackupFileError, FORMAT_VERSION, FrameReader, type BackupHeader } from './backup-file.js';
import { ident } from './catalogue.js';

export interface RestoreOptions {
  /** Drop what the database holds first (otherwise a database with any table is refused). */
  readonly replace: boolean;
}

export interface RestoreSummary {
  readonly tables: number;
  readonly rows: number;
  readonly migrations: number;
  readonly backedUpAt: string;
}

/** A restore that must not start (the database holds data, the file is from a newer version). */
export class RestoreRefusedError extends Error {
  override name = 'RestoreRefusedError';
}

/** @example await restoreDatabase('postgres://…/dcp', 'dcp.backup', { replace: false }) */
export async function restoreDatabase(url: string, file: string, options: RestoreOptions): Promise<RestoreSummary> {
  if (!existsSync(file)) throw new BackupFileError(`${file}: no such file`);
  const gunzip = createGunzip();
  const input = createReadStream(file);
  input.on('error', (error) => gunzip.destroy(error));
  const reader = new FrameReader(input.pipe(gunzip), file);
  await reader.magic().catch((error: unknown) => {
    throw error instanceof BackupFileError ? error : new BackupFileError(`${file} is not a dcp backup (${(error as Error).message})`);
  });
  const header = await reader.json<BackupHeader>('the header');
  checkCompatible(header, file);

  const client = new pg.Client({ connectionString: url, application_name: 'dcp restore' });
  // A connection lost mid-restore fails the query in flight; without a listener it would also end the process.
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query('begin');
    await makeRoom(client, options);
    await buildSchema(client, header);
    let rows = 0;
    for (const table of header.tables) rows += await copyTable(client, reader, table, file);
    const end = await reader.json<{ end?: boolean }>('the closing frame');
    if (end.end !== true) throw new BackupFileError(`${file} is damaged: no closing frame after the last table`);
    for (const sequence of header.sequences) {
      await client.query(`select setval($1::regclass, $2::bigint, $3)`, [ident(sequence.name), sequence.lastValue, sequence.isCalled]);
    }
    await client.query('commit');
    return { tables: header.tables.length, rows, migrations: header.migrations.length, backedUpAt: header.createdAt };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    gunzip.destroy();
    await client.end();
  }
}

function checkCompatible(header: BackupHeader, file: string): void {
  if (header.format !== FORMAT_VERSION) {
    throw new RestoreRefusedError(
      `${file} is a backup in format ${String(header.format)}; this version reads format ${FORMAT_VERSION}: restore it with the version that made it`,
    );
  }
  const known = Object.keys(migrations).toSorted();
  const unknown = header.migrations.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new RestoreRefusedError(
      `${file} comes from a newer version of the platform (its schema has migration ${unknown.join(', ')}, which this version does not know): restore it with that version or a later one`,
    );
  }
  // Kysely applies migrations in name order and refuses a history with a gap, so the file's must be a prefix of ours.
  if (header.migrations.some((name, i) => known[i] !== name)) {
    throw new RestoreRefusedError(
      `${file} has a schema history this version cannot continue (migrations ${header.migrations.join(', ')}): restore it with the version that made it`,
    );
  }
}

/** Refuses a database that holds any table, unless told to replace it. */
async function makeRoom(client: pg.Client, options: RestoreOptions): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace and n.nspname in ('public', $1) where c.relkind in ('r', 'p') order by 1`,
    [JOB_SCHEMA],
  );
  if (rows.length === 0) return;
  if (!options.replace) {
    throw new RestoreRefusedError(
      `the database is not empty (${rows.length} tables, such as ${rows
        .slice(0, 3)
        .map((r) => r.name)
        .join(', ')}): restore into an empty DCP_HOME or database, or pass --replace to replace everything in it`,
    );
  }
  // What the migrations made lives in the public schema (tables, functions, the extensions'
  // objects) and in the job queue's own schema (migration 200, pg-boss): dropping both in this
  // transaction undoes nothing until commit. Queued jobs are not part of a backup.
  await client.query('drop schema public cascade');
  await client.query(`drop schema if exists ${JOB_SCHEMA} cascade`);
  await client.query('create schema public');
}

/** The schema at the file's version: Kysely's own bookkeeping tables, then the same migrations, in this transaction. */
async function buildSchema(client: pg.Client, header: BackupHeader): Promise<void> {
  const db = onThisClient(client);
  await sql`create table kysely_migration (name varchar(255) not null primary key, timestamp varchar(255) not null)`.execute(db);
  await sql`create table kysely_migration_lock (id varchar(255) not null primary key, is_locked integer not null default 0)`.execute(db);
  for (const name of header.migrations) await migrations[name]!.up(db);
}

/** Kysely on the one client of the transaction (the migrations take a Kysely). */
function onThisClient(client: pg.Client): Kysely<unknown> {
  const connection = { query: client.query.bind(client), release: () => {} };
  return new Kysely<unknown>({
    // A one-connection "pool": Kysely's driver needs only connect() and the client's query() and release().
    dialect: new PostgresDialect({ pool: { connect: async () => connection, end: async () => {} } as never }),
  });
}

async function copyTable(client: pg.Client, reader: FrameReader, table: BackupHeader['tables'][number], file: string): Promise<number> {
  const columns = table.columns.map(ident).join(', ');
  const target = client.query(copyFrom(`copy ${ident(table.name)} (${columns}) from stdin`));
  async function* frames() {
    for (;;) {
      const bytes = await reader.next(`the rows of ${table.name}`);
      if (bytes.length === 0) return;
      yield bytes;
    }
  }
  await pipeline(Readable.from(frames()), target);
  if (target.rowCount !== table.rows) {
    throw new BackupFileError(`${file} is damaged: ${table.name} has ${target.rowCount} rows where the file's header says ${table.rows}`);
  }
  return target.rowCount;
}
