/**
 * Opens the database the configuration points at: the server in DATABASE_URL,
 * or the embedded default under DCP_HOME, which this process starts (or adopts
 * after a crash) and stops again on close.
 */
import type { Config } from '../config/config.js';
import { createDb, type Db } from './database.js';
import { startEmbedded } from './embedded/embedded.js';

export interface OpenDatabase {
  readonly db: Db;
  /** Its connection string, for what needs a client of its own (backup, restore). */
  readonly url: string;
  readonly engine: 'embedded' | 'server';
  /** Closes the pool and, for the embedded default, stops the server; later calls wait for the first. */
  close(): Promise<void>;
}

/** @example const { db, close } = await openDatabase(config, (m) => logger.info(m)); */
export async function openDatabase(config: Config, log: (message: string) => void): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    const db = createDb(config.databaseUrl);
    return { db, url: config.databaseUrl, engine: 'server', close: once(() => db.destroy()) };
  }
  const cluster = await startEmbedded(config.home, log);
  const db = createDb(cluster.url);
  return {
    db,
    url: cluster.url,
    engine: 'embedded',
    close: once(async () => {
      await db.destroy();
      await cluster.stop();
    }),
  };
}

/** `close` may be called by serve's shutdown and again by the command runner: do it once. */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => (closing ??= close());
}
