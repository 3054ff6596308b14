/**
 * `dcp serve`: starts the HTTP server (and, unless DCP_WORKERS=separate, the job
 * workers) and shuts them down gracefully on SIGTERM or SIGINT, in an order that
 * never leaves the platform half there:
 *
 * 1. keep listening and serving, every response now closing its connection; the
 *    job workers take no new job and let running ones finish (or release them);
 * 2. once the job workers have stopped, no request is in flight and no connection
 *    came for a moment (at most 2 s, under load the listen backlog is taken in
 *    late), hold any newer request unanswered;
 * 3. close the database (for the embedded default: stop PostgreSQL);
 * 4. stop listening and drop the held connections; the process exits.
 *
 * So /healthz answers until the moment the app and its database are both gone
 * (a monitor, or stranger-try, never sees a process left after it stopped
 * answering: the workers' stop, which can take seconds, happens while it still
 * answers, and only closing the database falls in the held moment), and no
 * request the app had accepted is cut off. Measured in
 * test/ops/sigterm-under-load.test.ts and test/e2e/private-clone.test.ts.
 */
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Logger } from 'pino';
import { createApp } from '../app.js';
import type { Config } from '../config/config.js';
import type { OpenDatabase } from '../db/connect.js';
import { JOBS } from '../jobs.js';
import { JobQueueMissingError, startJobRunner } from '../platform/jobs/index.js';

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
  const workers = config.workers === 'in-process' ? startWorkers(config, database, logger) : undefined;
  const jobs = workers?.runner;

  let inFlight = 0;
  let lastConnection = performance.now();
  server.on('connection', () => (lastConnection = performance.now()));
  server.on('request', (_request, response) => {
    inFlight++;
    response.once('close', () => inFlight--);
  });

  let signal: string;
  try {
    signal = await new Promise<string>((resolve, reject) => {
      // Ctrl-C in a terminal signals the whole group, and npm forwards the signal too: the
      // process may get SIGINT twice. Later signals are ignored (not Node's default exit).
      let stopping = false;
      const stop = (name: string) => {
        if (stopping) return logger.info({ signal: name }, 'already shutting down');
        stopping = true;
        resolve(name);
      };
      process.on('SIGTERM', () => stop('SIGTERM'));
      process.on('SIGINT', () => stop('SIGINT'));
      // Workers that cannot start (their tables missing, say) stop the serve with the reason.
      jobs?.catch((error: unknown) => reject(error instanceof Error ? error : new Error(String(error))));
    });
  } catch (error) {
    server.close();
    server.closeAllConnections();
    throw error;
  }

  logger.info({ signal }, 'shutting down: finishing requests in flight');
  workers?.giveUp();
  let jobsDone = false;
  const jobsStopped = (jobs?.then((runner) => runner?.stop(config.shutdownGraceMs)) ?? Promise.resolve()).finally(() => (jobsDone = true));
  server.on('request', (_request, response) => response.setHeader('Connection', 'close'));
  const started = performance.now();
  const settled = () => jobsDone && inFlight === 0 && since(started) >= 250 && (since(lastConnection) >= 250 || since(started) >= 2000);
  // Checked in a check-phase callback, right after a poll phase has taken in what the kernel queued.
  while (!settled() && since(started) < config.shutdownGraceMs) await new Promise((resolve) => setTimeout(() => setImmediate(resolve), 50));
  if (!settled()) logger.warn({ inFlight }, 'grace period over: closing remaining connections');

  // From here on, a request is held unanswered: the database is about to go, once the jobs let go of it.
  server.removeAllListeners('request');
  server.on('request', () => {});
  await jobsStopped;
  await database.close();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * The in-process job workers, started again every 2 s while the database cannot be reached
 * (it may go away during a start, as in test/ops/database-outage.test.ts): an outage must not
 * end the server. Only a missing queue schema is final (the migrations must run first).
 * `runner` resolves undefined when the server stops before the workers could start.
 */
function startWorkers(config: Config, database: OpenDatabase, logger: Logger) {
  let stopping = false;
  const runner = (async () => {
    for (;;) {
      try {
        return await startJobRunner({ db: database.db, config, logger }, JOBS);
      } catch (error) {
        if (error instanceof JobQueueMissingError) throw error;
        if (stopping) return undefined;
        logger.warn({ error: (error as { code?: string }).code ?? 'unknown' }, 'job workers could not start; trying again in 2 s');
        await new Promise((resolve) => setTimeout(resolve, 2000));
        if (stopping) return undefined;
      }
    }
  })();
  return { runner, giveUp: () => (stopping = true) };
}

/** Milliseconds since `time` (a performance.now() reading). */
function since(time: number): number {
  return performance.now() - time;
}
