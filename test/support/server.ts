/**
 * A real HTTP server for the browser tier: the browser needs a port, which
 * `app.request()` cannot give it. Each call serves the app on 127.0.0.1 with an
 * ephemeral port over its own database, cloned from the template the global
 * setup prepared (schema + real reference data) on the first engine.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { inject } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { createDb, type Db } from '../../src/db/database.js';
import { silentLogger } from './app.js';
import { TEMPLATE_DATABASE, withDatabase } from './engines.js';

export interface TestServer {
  /** e.g. http://127.0.0.1:41234, without a trailing slash. */
  readonly origin: string;
  /** The server's own database, to arrange data (users, organisations) before a visit. */
  readonly db: Db;
  /** The Node HTTP server itself, e.g. to watch its sockets. */
  readonly server: Server;
  /** Stops the server, closes the pool and drops the database. */
  close(): Promise<void>;
}

/**
 * @example const server = await startTestServer(); … await server.close();
 * @param env extra environment for the app's configuration, e.g. { DCP_PUBLIC_URL: 'https://dcp.example' }
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const engine = inject('engines')[0];
  if (!engine) throw new Error('The global setup provided no database engine');
  const name = `dcp_e2e_${randomBytes(6).toString('hex')}`;
  await withDatabase(engine.url, (c) => c.query(`create database ${name} template ${TEMPLATE_DATABASE}`));
  const url = new URL(engine.url);
  url.pathname = `/${name}`;
  const db = createDb(url.toString(), { max: 4 });
  const app = createApp({ db, config: loadConfig({ NODE_ENV: 'test', ...env }), logger: silentLogger });

  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve({ server: s, port: info.port }));
    s.once('error', reject);
  });

  return {
    origin: `http://127.0.0.1:${port}`,
    db,
    server: server as Server,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets from the browser would otherwise hold close() open.
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await db.destroy();
      await withDatabase(engine.url, (c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}
