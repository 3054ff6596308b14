/**
 * `dcp serve`: starts the HTTP server and shuts it down gracefully on SIGTERM or
 * SIGINT: stop accepting, let in-flight requests finish (up to a grace period),
 * then close the database. Unless DCP_WORKERS=separate, it also runs the job
 * workers, which stop the same way (running jobs finish or are released).
 */
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Logger } from 'pino';
import { createApp } from '../app.js';
import type { Config } from '../config/config.js';
import type { OpenDatabase } from '../db/connect.js';
import { JOBS } from '../jobs.js';
import { startJobRunner } from '../platform/jobs/index.js';

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
  // Started once listening, so pages answer while the workers set up their queues.
  const jobs = config.workers === 'in-process' ? startJobRunner({ db: database.db, config, logger }, JOBS) : undefined;

  await new Promise<void>((resolve, reject) => {
    const stop = (signal: string) => {
      logger.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
      const force = setTimeout(() => {
        logger.warn('grace period over: closing remaining connections');
        server.closeAllConnections();
      }, config.shutdownGraceMs);
      force.unref();
      const jobsStopped = jobs?.then((runner) => runner.stop(config.shutdownGraceMs)) ?? Promise.resolve();
      server.close(() => void jobsStopped.then(() => resolve(), resolve));
      server.closeIdleConnections();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
    // Workers that cannot start (their tables missing, say) stop the serve with the reason.
    jobs?.catch((error: unknown) => {
      server.close();
      server.closeAllConnections();
      reject(error instanceof Error ? error : new Error(String(error)));
    });
  });
}
