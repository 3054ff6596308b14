/**
 * The database engines of the suite and a fresh database per test file, cloned
 * from the template the global setup prepared (schema + real reference data).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { createDb, type Db } from '../../src/db/database.js';

export interface Engine {
  readonly name: 'embedded' | 'server';
  /** Connection string of the engine's maintenance database. */
  readonly url: string;
}

export const TEMPLATE_DATABASE = 'dcp_test_template';

/** Runs `fn` with a client on `url`, closing it afterwards. */
export async function withDatabase<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  readonly engine: Engine;
  readonly url: string;
  /** The Kysely handle, valid between beforeAll and afterAll. */
  readonly db: Db;
}

/**
 * Declares the suite once per engine; each gets its own database cloned from the template.
 * @example forEachEngine('reference import', (t) => { it('loads 248 countries', async () => { … t.db … }) })
 */
export function forEachEngine(title: string, body: (t: TestDatabase) => void): void {
  for (const engine of inject('engines')) {
    describe(`${title} [${engine.name}]`, () => {
      const name = `dcp_test_${randomBytes(6).toString('hex')}`;
      const url = urlFor(engine.url, name);
      const handle = { engine, url, db: undefined as unknown as Db };
      beforeAll(async () => {
        await withDatabase(engine.url, (c) => c.query(`create database ${name} template ${TEMPLATE_DATABASE}`));
        handle.db = createDb(url, { max: 4 });
      });
      afterAll(async () => {
        await handle.db.destroy();
        await withDatabase(engine.url, (c) => c.query(`drop database if exists ${name} with (force)`));
      });
      body(handle);
    });
  }
}

function urlFor(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
