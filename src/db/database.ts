/**
 * Kysely over node-postgres. Repositories receive a `Db` (or a transaction) as
 * their first argument; nothing imports a global client.
 */
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
/** A transaction that may write. Read paths take `Db` and never need one. */
export type WriteTx = Transaction<Database>;

// int8 (bigint) and numeric come back as strings by default; our counts and
// measured values fit in a double, so parse them as numbers in one place.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
// Calendar dates (vintages) stay ISO strings: a Date would shift them by the time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

/**
 * Opens a pooled connection to the database at `url`.
 * @example const db = createDb('postgres://localhost/dcp'); await db.destroy();
 */
export function createDb(url: string, options: { max?: number } = {}): Db {
  // A server that does not answer at all (not refusing: unreachable) fails a connection after 5 s instead of never.
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, application_name: 'dcp', connectionTimeoutMillis: 5000 });
  // An idle connection the server ends (restart, failover, a dropped test database) is
  // reported here; the pool discards it and opens a new one on the next query. Without a
  // listener, Node would treat the event as an uncaught error and stop the process.
  pool.on('error', () => {});
  // The same for a connection in use (a transaction) when the server dies: the error also rejects
  // the query under way, which is where callers learn of it; without this listener the 'error'
  // event of the checked-out client would crash the process with a stack trace instead.
  pool.on('connect', (client) => client.on('error', () => {}));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** True when the database answers a trivial query within `timeoutMs`. */
export async function databaseAnswers(db: Db, timeoutMs = 2000): Promise<boolean> {
  const probe = db
    .selectNoFrom((eb) => eb.val(1).as('one'))
    .execute()
    .then(
      () => true,
      () => false,
    );
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
  return Promise.race([probe, timeout]);
}
