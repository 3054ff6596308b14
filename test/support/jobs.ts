/**
 * Running the queued jobs in a test, deterministically: every job due now is run in
 * this process through the workers' own code path (drainJobs), e.g. the mail a
 * request queued, before the test reads the outbox.
 */
import { loadConfig, type Config } from '../../src/config/config.js';
import type { Db } from '../../src/db/database.js';
import { JOBS } from '../../src/jobs.js';
import { drainJobs } from '../../src/platform/jobs/index.js';
import { silentLogger } from './app.js';

/** @example await runJobs(t.db) // 2 (jobs run) */
export function runJobs(db: Db, config: Config = loadConfig({ NODE_ENV: 'test' })): Promise<number> {
  return drainJobs({ db, config, logger: silentLogger }, JOBS);
}
