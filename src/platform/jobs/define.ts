/**
 * How a feature declares a background job: a name, a Zod schema for its payload, a
 * handler, a retry policy and, for periodic work, a cron schedule. The definition is
 * all a feature writes; `enqueue` sends one, the runner (runner.ts) works them.
 *
 * Jobs are delivered at least once: a worker killed mid-job leaves it to be retried
 * after `timeoutSeconds`. A handler therefore makes its effect idempotent, usually by
 * committing it through `ctx.once` (once.ts), which applies it exactly once per job
 * (per period for a scheduled job).
 */
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Config } from '../../config/config.js';
import type { Db, WriteTx } from '../../db/database.js';

/** What a job's code may use: the same collaborators as a request. */
export interface JobDeps {
  readonly db: Db;
  readonly config: Config;
  readonly logger: Logger;
}

/** How a failing job is tried again before it goes to its dead-letter queue. */
export interface RetryPolicy {
  /** Retries after the first attempt (0: none). */
  readonly limit: number;
  /** Seconds before the first retry. */
  readonly delaySeconds: number;
  /** Double the delay at every retry (with jitter, as pg-boss computes it). */
  readonly backoff: boolean;
}

export interface JobContext extends JobDeps {
  readonly jobId: string;
  /** 1 for the first attempt, 2 for the first retry … */
  readonly attempt: number;
  /**
   * Runs `effect` in a transaction together with a receipt for this job (or, for a
   * scheduled job, for this period), unless a receipt is already there: the effect is
   * applied once however often the job runs. Returns whether it ran this time.
   */
  once(effect: (tx: WriteTx) => Promise<void>): Promise<boolean>;
}

export interface JobDefinition<P> {
  /** Queue name: lower-case words joined by hyphens, e.g. `mail-send`. */
  readonly name: string;
  readonly payload: z.ZodType<P>;
  readonly retry: RetryPolicy;
  /** A job still running after this long is presumed dead and retried (pg-boss expireIn). */
  readonly timeoutSeconds: number;
  /** Jobs of this kind one process runs at once. */
  readonly concurrency: number;
  /** A cron expression (UTC, five fields): the job runs once per period across all instances. */
  readonly schedule: string | undefined;
  handle(payload: P, ctx: JobContext): Promise<void>;
  /** Called once for a job whose retries are exhausted; without it, dead letters are only kept. */
  onDeadLetter?(payload: P, ctx: JobContext): Promise<void>;
}

/**
 * Any job, whatever its payload: what queues and runners handle. (The handlers are
 * methods, so a `JobDefinition<P>` is one; the runner parses every payload with the
 * definition's own schema before its handler sees it.)
 */
export type AnyJob = JobDefinition<unknown>;

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export const DEFAULT_RETRY: RetryPolicy = { limit: 5, delaySeconds: 10, backoff: true };

/**
 * @example
 * export const sendDigest = defineJob({
 *   name: 'digest-send',
 *   payload: z.object({ userId: z.uuid() }),
 *   retry: { limit: 5, delaySeconds: 30, backoff: true },
 *   handle: async ({ userId }, ctx) => ctx.once((tx) => markDigestSent(tx, userId)),
 * });
 */
export function defineJob<P>(definition: {
  name: string;
  payload: z.ZodType<P>;
  handle: (payload: P, ctx: JobContext) => Promise<void>;
  retry?: RetryPolicy;
  timeoutSeconds?: number;
  concurrency?: number;
  schedule?: string;
  onDeadLetter?: (payload: P, ctx: JobContext) => Promise<void>;
}): JobDefinition<P> {
  if (!NAME.test(definition.name) || definition.name.length > 40)
    throw new Error(`job name "${definition.name}" must be lower-case words joined by hyphens, at most 40 characters`);
  const retry = definition.retry ?? DEFAULT_RETRY;
  if (!Number.isInteger(retry.limit) || retry.limit < 0 || !Number.isInteger(retry.delaySeconds) || retry.delaySeconds < 0)
    throw new Error(`job "${definition.name}": retry limit and delay must be whole numbers ≥ 0`);
  return Object.freeze({
    name: definition.name,
    payload: definition.payload,
    handle: definition.handle,
    retry,
    timeoutSeconds: definition.timeoutSeconds ?? 300,
    concurrency: definition.concurrency ?? 1,
    schedule: definition.schedule,
    ...(definition.onDeadLetter ? { onDeadLetter: definition.onDeadLetter } : {}),
  });
}

/** The queue a definition's failed jobs go to once their retries are exhausted. */
export function deadLetterQueue(job: Pick<AnyJob, 'name'>): string {
  return `${job.name}-dead`;
}
