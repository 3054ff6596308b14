/**
 * `dcp serve`: starts the HTTP server and shuts it down gracefully on SIGTERM or
 * SIGINT: take in what the kernel already accepted, stop accepting, let the
 * requests in flight finish (up to a grace period), then close the database.
 */
import type { Server } from 'node:http';
import net from 'node:net';
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
      // Responses from now on close their connection, so no client sends another request on it.
      server.on('request', (_request, response) => response.setHeader('Connection', 'close'));
      // Connections the kernel has already completed (the listen backlog) are taken in only when the
      // event loop gets to them, which under load can be long after the signal; closing the listener
      // before resets them: requests in flight lost (measured in test/ops/sigterm-under-load.test.ts).
      // So keep accepting until no connection has come for a moment, then stop listening.
      whenQuiet(server, 250, Math.min(2000, config.shutdownGraceMs / 2), () => {
        // net.Server's close: stop listening. (http.Server's close would also drop idle connections at once.)
        net.Server.prototype.close.call(server, () => resolve());
        const sweep = setInterval(() => server.closeIdleConnections(), 100);
        sweep.unref();
        server.closeIdleConnections();
      });
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  });
}

/**
 * Calls `then` once `server` accepted no connection for `quietMs` (or `maxMs` passed). Decided in
 * a check-phase callback, which runs right after a poll phase has accepted what the kernel queued.
 */
function whenQuiet(server: Server, quietMs: number, maxMs: number, then: () => void): void {
  const started = performance.now();
  let last = started;
  const onConnection = () => (last = performance.now());
  server.on('connection', onConnection);
  const check = () =>
    setImmediate(() => {
      const now = performance.now();
      if (now - last < quietMs && now - started < maxMs) return void setTimeout(check, 50);
      server.off('connection', onConnection);
      then();
    });
  setTimeout(check, quietMs);
}
