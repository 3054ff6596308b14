/**
 * Running one fetched job: parse its payload, call its handler (or dead-letter
 * handler) within its time limit, then tell pg-boss it completed or failed. Shared by
 * the long-running runner and by `drainJobs`, so tests go through the same path.
 *
 * Nothing from the payload or the error's text is logged or stored: payloads can hold
 * addresses and error messages often quote them. The log and the job's output keep an
 * error code (ECONNREFUSED, an SMTP reply code, the error's class name).
 */
import type PgBoss from 'pg-boss';
import { applyOnce } from './once.js';
import { periodOf } from './period.js';
import type { AnyJob, JobContext, JobDeps } from './define.js';

/** What pg-boss hands us for a job fetched with its metadata. */
export type FetchedJob = PgBoss.JobWithMetadata<unknown>;

export type Outcome = 'completed' | 'failed';

/** A short, non-personal code for an error, for the log and the job's stored output. */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' || typeof code === 'number') return String(code).slice(0, 40);
  return error instanceof Error ? error.name.slice(0, 40) : 'unknown';
}

class JobTimeoutError extends Error {
  override name = 'JobTimeoutError';
  readonly code = 'job-timeout';
}

function withinSeconds<T>(work: Promise<T>, seconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new JobTimeoutError()), seconds * 1000);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs `fetched` (from `queue`: the job's own or its dead-letter queue) and records the outcome.
 * @example await runJob(boss, deps, mailSendJob, 'mail-send', fetched) // 'completed'
 */
export async function runJob(boss: PgBoss, deps: JobDeps, job: AnyJob, queue: string, fetched: FetchedJob): Promise<Outcome> {
  const deadLetter = queue !== job.name;
  const attempt = fetched.retryCount + 1;
  const receiptKey =
    job.schedule && !deadLetter ? `${job.name}@${periodOf(job.schedule, new Date(fetched.createdOn))}` : `${queue}:${fetched.id}`;
  const ctx: JobContext = {
    ...deps,
    jobId: fetched.id,
    attempt,
    once: (effect) => applyOnce(deps.db, receiptKey, effect),
  };
  const started = performance.now();
  try {
    const payload = job.payload.parse(fetched.data);
    const work = deadLetter ? job.onDeadLetter?.(payload, ctx) : job.handle(payload, ctx);
    await withinSeconds(work ?? Promise.resolve(), job.timeoutSeconds);
  } catch (error) {
    const code = errorCode(error);
    deps.logger.warn({ job: queue, jobId: fetched.id, attempt, error: code }, 'job failed: retried later while retries remain');
    await boss.fail(queue, fetched.id, { code }).catch((failure: unknown) => {
      // The job stays active and is retried once its time limit passes.
      deps.logger.warn({ job: queue, jobId: fetched.id, error: errorCode(failure) }, 'could not record a job failure');
    });
    return 'failed';
  }
  await boss.complete(queue, fetched.id).catch((failure: unknown) => {
    // Same as above: it will run again after its time limit, and its effects are idempotent.
    deps.logger.warn({ job: queue, jobId: fetched.id, error: errorCode(failure) }, 'could not record a job completion');
  });
  deps.logger.debug({ job: queue, jobId: fetched.id, attempt, ms: Math.round(performance.now() - started) }, 'job done');
  return 'completed';
}
