/**
 * The workers: for every job definition, loops that fetch a due job (pg-boss, FOR
 * UPDATE SKIP LOCKED, so instances never take the same one), run it and record the
 * outcome. pg-boss retries failed jobs with backoff and moves jobs whose retries are
 * exhausted to their dead-letter queue; its maintenance, started here (one instance at
 * a time), presumes jobs dead after their time limit (a killed worker) and archives
 * old ones. Scheduled jobs are sent once per cron tick across instances (schedules.ts).
 *
 * `stop(graceMs)` is the SIGTERM path: no new jobs; running ones may finish within the
 * grace period; any still running then are released (failed, so retried elsewhere).
 */
import PgBoss from 'pg-boss';
import type { Db } from '../../db/database.js';
import { bossOptions, createQueueIfMissing, queueOptions } from './boss.js';
import { deadLetterQueue, type AnyJob, type JobDeps } from './define.js';
import { assertCron } from './period.js';
import { errorCode, runJob, type FetchedJob } from './run-job.js';
import { checkSchedules } from './schedules.js';

export interface RunnerOptions {
  /** How often an idle loop asks for a job (default 2000 ms; pg-boss's minimum is 500). */
  readonly pollIntervalMs?: number;
  /** How often one instance expires dead jobs and archives old ones (default 60 s). */
  readonly maintenanceIntervalSeconds?: number;
  /** How often one instance checks the schedules (default 30 s, below 60). */
  readonly cronIntervalSeconds?: number;
}

/** The queue's schema is not installed: retrying will not help, the migrations must run. */
export class JobQueueMissingError extends Error {}

export interface JobRunner {
  /** Stops taking jobs; running ones may finish within `graceMs`, the rest are released for retry. */
  stop(graceMs: number): Promise<{ finished: number; released: number }>;
}

/**
 * Creates every job's queue and dead-letter queue when missing and writes each one's
 * retry and time-limit policy. Safe to run from several instances at once.
 */
export async function ensureQueues(db: Db, jobs: readonly AnyJob[]): Promise<void> {
  const boss = new PgBoss({ ...bossOptions(db), schedule: false, supervise: false });
  for (const job of jobs) {
    if (job.schedule) assertCron(job.schedule, job.name);
    await createQueueIfMissing(db, job);
    await boss.updateQueue(job.name, queueOptions(job));
  }
}

function queuesOf(job: AnyJob): string[] {
  return job.onDeadLetter ? [job.name, deadLetterQueue(job)] : [job.name];
}

/** A delay that `wake()` ends early. */
class Pause {
  #wake: (() => void) | undefined;
  for(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
  wake(): void {
    this.#wake?.();
  }
}

/** One loop over one queue, running one job at a time. */
class QueueLoop {
  readonly pause = new Pause();
  running: FetchedJob | undefined;
  stopping = false;
  done: Promise<void> = Promise.resolve();

  constructor(
    private readonly boss: PgBoss,
    private readonly deps: JobDeps,
    readonly job: AnyJob,
    readonly queue: string,
    private readonly pollMs: number,
  ) {}

  start(): void {
    this.done = this.loop();
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.once();
      } catch (error) {
        // The database went away under a fetch or a job's completion (a restart, an outage):
        // the job, if any, stays active and expires into a retry; this loop waits and asks
        // again. Thrown out of here it would be an unhandled rejection and end the server.
        this.running = undefined;
        this.deps.logger.warn({ queue: this.queue, error: errorCode(error) }, 'job queue unreachable; asking again shortly');
        await this.pause.for(this.pollMs);
      }
    }
  }

  private async once(): Promise<void> {
    const [fetched] = await this.boss.fetch<unknown>(this.queue, { batchSize: 1, includeMetadata: true });
    if (!fetched) {
      await this.pause.for(this.pollMs);
      return;
    }
    this.running = fetched;
    await runJob(this.boss, this.deps, this.job, this.queue, fetched);
    this.running = undefined;
  }
}

/**
 * Starts the workers for `jobs` in this process.
 * @example const runner = await startJobRunner(deps, JOBS); … await runner.stop(10_000);
 */
export async function startJobRunner(deps: JobDeps, jobs: readonly AnyJob[], options: RunnerOptions = {}): Promise<JobRunner> {
  const boss = new PgBoss({
    ...bossOptions(deps.db),
    supervise: true,
    schedule: false,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
  });
  // Without a listener an 'error' event would end the process; these are maintenance
  // queries that failed (the database restarting, say) and are tried again on the next tick.
  boss.on('error', (error) => deps.logger.warn({ error: errorCode(error) }, 'job queue maintenance failed; it will run again'));
  if (!(await boss.isInstalled()))
    throw new JobQueueMissingError('the job queue’s tables (schema pgboss) are missing: run the migrations (npm run dcp -- migrate)');
  await ensureQueues(deps.db, jobs);
  // start() also checks that the installed schema is the version this pg-boss expects.
  await boss.start();
  const cronSeconds = options.cronIntervalSeconds ?? 30;
  // A tick must be seen within its minute (schedules.ts).
  if (!(cronSeconds >= 1 && cronSeconds < 60)) throw new Error('cronIntervalSeconds must be from 1 to 59');
  const checkCron = () =>
    checkSchedules(deps.db, jobs, cronSeconds).catch((error: unknown) =>
      deps.logger.warn({ error: errorCode(error) }, 'could not check the job schedules; trying again on the next interval'),
    );
  const cron = jobs.some((job) => job.schedule) ? setInterval(() => void checkCron(), cronSeconds * 1000) : undefined;
  if (cron) void checkCron();

  const pollMs = Math.max(500, options.pollIntervalMs ?? 2000);
  const loops = jobs.flatMap((job) =>
    queuesOf(job).flatMap((queue) => Array.from({ length: job.concurrency }, () => new QueueLoop(boss, deps, job, queue, pollMs))),
  );
  for (const loop of loops) loop.start();
  deps.logger.info({ queues: jobs.map((job) => job.name), loops: loops.length }, 'job workers started');

  let stopped: Promise<{ finished: number; released: number }> | undefined;
  return {
    stop(graceMs) {
      stopped ??= (async () => {
        const busy = loops.filter((loop) => loop.running).length;
        clearInterval(cron);
        for (const loop of loops) {
          loop.stopping = true;
          loop.pause.wake();
        }
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.all(loops.map((loop) => loop.done)),
          new Promise<void>((resolve) => {
            timer = setTimeout(resolve, graceMs);
          }),
        ]);
        clearTimeout(timer);
        const unfinished = loops.flatMap((loop) => (loop.running ? [{ queue: loop.queue, id: loop.running.id }] : []));
        for (const { queue, id } of unfinished) {
          await boss.fail(queue, id, { code: 'shutdown' }).catch(() => undefined);
        }
        await boss.stop({ graceful: false, close: false });
        const result = { finished: busy - unfinished.length, released: unfinished.length };
        deps.logger.info(result, 'job workers stopped');
        return result;
      })();
      return stopped;
    },
  };
}

/**
 * Runs every job of `jobs` that is due now, one at a time in this process, until none
 * is left (retries scheduled for later are not due). For tests and one-off use; the
 * same code path as the workers. Returns how many jobs ran.
 * @example await drainJobs(deps, JOBS) // 2
 */
export async function drainJobs(deps: JobDeps, jobs: readonly AnyJob[]): Promise<number> {
  const boss = new PgBoss({ ...bossOptions(deps.db), schedule: false, supervise: false });
  let ran = 0;
  for (;;) {
    let found = false;
    for (const job of jobs) {
      for (const queue of queuesOf(job)) {
        const [fetched] = await boss.fetch<unknown>(queue, { batchSize: 1, includeMetadata: true });
        if (!fetched) continue;
        await runJob(boss, deps, job, queue, fetched);
        ran += 1;
        found = true;
      }
    }
    if (!found) return ran;
  }
}
