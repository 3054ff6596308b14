/**
 * `dcp worker`: runs the background job workers without the web server, for a
 * deployment that runs web and workers apart (DCP_WORKERS=separate on the web
 * instances). Any number of workers may run against one database. On SIGTERM or
 * SIGINT it takes no new job, lets running ones finish within DCP_SHUTDOWN_GRACE_MS,
 * releases any still running for another worker to retry, and returns.
 */
import { startJobRunner, type AnyJob, type JobDeps, type RunnerOptions } from '../platform/jobs/index.js';

/** @example await runWorker({ db, config, logger }, JOBS) // returns after SIGTERM, jobs finished or released */
export async function runWorker(deps: JobDeps, jobs: readonly AnyJob[], options: RunnerOptions = {}): Promise<void> {
  const runner = await startJobRunner(deps, jobs, options);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  deps.logger.info({ signal }, 'shutting down: no new jobs, finishing the running ones');
  await runner.stop(deps.config.shutdownGraceMs);
}
