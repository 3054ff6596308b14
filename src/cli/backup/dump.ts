/**
 * `dcp backup FILE`: every table's rows and every sequence, read in one
 * repeatable-read snapshot (consistent while the app keeps serving), written
 * to FILE.partial and renamed when complete — a failed backup never leaves a
 * file that looks whole.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import {
  END_OF_FILE,
  FORMAT_VERSION,
  frame,
  jsonFrame,
  MAGIC,
  type BackupHeader,
  type SequenceEntry,
  type TableEntry,
} from './backup-file.js';
import { ident, sequenceNames, tablesInDependencyOrder } from './catalogue.js';

export interface BackupSummary {
  readonly file: string;
  readonly bytes: number;
  readonly tables: number;
  readonly rows: number;
  readonly migrations: number;
}

/** @example await backupDatabase('postgres://…/dcp', 'dcp-2026-11-30.backup') */
export async function backupDatabase(url: string, file: string): Promise<BackupSummary> {
  const client = new pg.Client({ connectionString: url, application_name: 'dcp backup' });
  // A connection lost mid-backup fails the query in flight; without a listener it would also end the process.
  client.on('error', () => {});
  await client.connect();
  const partial = `${file}.partial`;
  try {
    await client.query('begin isolation level repeatable read read only');
    const header = await readHeader(client);
    await pipeline(framesOf(client, header), createGzip(), createWriteStream(partial, { mode: 0o600 }));
    await client.query('commit');
    await rename(partial, file);
    return {
      file,
      bytes: (await stat(file)).size,
      tables: header.tables.length,
      rows: header.tables.reduce((sum, t) => sum + t.rows, 0),
      migrations: header.migrations.length,
    };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

async function readHeader(client: pg.Client): Promise<BackupHeader> {
  const tables: TableEntry[] = [];
  for (const table of await tablesInDependencyOrder(client)) {
    const { rows } = await client.query<{ n: string }>(`select count(*) as n from ${ident(table.name)}`);
    tables.push({ name: table.name, columns: table.columns, rows: Number(rows[0]!.n) });
  }
  const sequences: SequenceEntry[] = [];
  for (const name of await sequenceNames(client)) {
    const { rows } = await client.query<{ last_value: string; is_called: boolean }>(
      `select last_value::text, is_called from ${ident(name)}`,
    );
    sequences.push({ name, lastValue: rows[0]!.last_value, isCalled: rows[0]!.is_called });
  }
  const migrations = tables.some((t) => t.name === 'kysely_migration')
    ? (await client.query<{ name: string }>('select name from kysely_migration order by name')).rows.map((r) => r.name)
    : [];
  const { rows } = await client.query<{ version: string }>('select version()');
  return { format: FORMAT_VERSION, createdAt: new Date().toISOString(), server: rows[0]!.version, migrations, tables, sequences };
}

async function* framesOf(client: pg.Client, header: BackupHeader): AsyncGenerator<Buffer> {
  yield Buffer.from(MAGIC, 'latin1');
  yield jsonFrame(header);
  for (const table of header.tables) {
    const columns = table.columns.map(ident).join(', ');
    const rows = client.query(copyTo(`copy ${ident(table.name)} (${columns}) to stdout`));
    for await (const chunk of rows) yield frame(chunk as Buffer);
    yield frame(Buffer.alloc(0));
  }
  yield jsonFrame(END_OF_FILE);
}
