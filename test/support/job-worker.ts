/**
 * A job worker process for the process tests: what `dcp worker` runs (runWorker), on
 * DATABASE_URL, with the test jobs and the platform's mail job (no feature is loaded,
 * so it starts quickly on a busy machine), polling every half second and
 * checking maintenance and schedules every second. Environment: HOLD (see
 * test-jobs.ts), SCHEDULE=1 to run the every-minute job, MAIL_TIMEOUT_SECONDS to
 * shorten the mail job's time limit (and its retry delay to 1 s), and the usual DCP_*
 * variables.
 *
 *   node --import tsx test/support/job-worker.ts
 */
import pino from 'pino';
import { runWorker } from '../../src/cli/worker.js';
import { loadConfig } from '../../src/config/config.js';
import { createDb } from '../../src/db/database.js';
import type { AnyJob } from '../../src/platform/jobs/index.js';
import { sendMailJob } from '../../src/platform/mail/index.js';
import { effectJob, slowJob, tickJob, type Hold } from './test-jobs.js';

const config = loadConfig(process.env);
if (!config.databaseUrl) throw new Error('job-worker: set DATABASE_URL');
const logger = pino({ level: 'info', base: { pid: process.pid } });
const db = createDb(config.databaseUrl, { max: 4 });
const mailTimeout = Number(process.env['MAIL_TIMEOUT_SECONDS'] ?? 0);
const mailJob =
  mailTimeout > 0 ? { ...sendMailJob, timeoutSeconds: mailTimeout, retry: { limit: 3, delaySeconds: 1, backoff: false } } : sendMailJob;
const jobs: AnyJob[] = [effectJob((process.env['HOLD'] ?? 'none') as Hold), slowJob, mailJob];
if (process.env['SCHEDULE'] === '1') jobs.push(tickJob);

await runWorker({ db, config, logger }, jobs, { pollIntervalMs: 500, maintenanceIntervalSeconds: 1, cronIntervalSeconds: 1 });
await db.destroy();
logger.info({ event: 'exited' }, 'job worker exited');
// As src/main.ts does: a released job's handler may still be waiting on a timer.
process.exit(0);
