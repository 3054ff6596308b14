/**
 * `dcp serve`: starts the HTTP server and shuts it down gracefully on SIGTERM or
 * SIGINT: stop accepting, let in-flight requests finish (up to a grace period),
 * then close the database.
 */
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Logger } from 'pino';
import { createApp } from '../app.js';
import type { Config } from '../config/config.js';
import type { OpenDatabase } from '../db/connect.js';

export async function runServer(config: Config, database: OpenDatabase, logger: Logger): Promise<void> {
  const app = createApp({ db: database.db, config, logger });
  // serve() returns an http.Server unless createServer is overridden, which we never do.
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(
    { url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`, engine: database.engine },
    `Digital Cooperation Platform listening on http://localhost:${port}`,
  );

  await new Promise<void>((resolve) => {
    // Ctrl-C in a terminal signals the whole group, and npm forwards the signal too: the
    // process may get SIGINT twice. Later signals are ignored (not Node's default exit),
    // so the shutdown that started finishes its requests and stops the database.
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return logger.info({ signal }, 'already shutting down');
      stopping = true;
      logger.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
      const force = setTimeout(() => {
        logger.warn('grace period over: closing remaining connections');
        server.closeAllConnections();
      }, config.shutdownGraceMs);
      force.unref();
      server.close(() => resolve());
      server.closeIdleConnections();
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  });
}
