/**
 * Background jobs on PostgreSQL (pg-boss 10): a feature declares a job with
 * `defineJob` (name, payload schema, handler, retry policy, optional cron schedule)
 * and sends it with `enqueue`, inside its transaction when it has one. Workers run in
 * `dcp serve` (unless DCP_WORKERS=separate) and in `dcp worker`. Jobs run at least
 * once; handlers apply their effects through `ctx.once` so that they happen once.
 * The platform never imports a feature: the list of jobs is assembled in src/jobs.ts.
 */
export {
  defineJob,
  deadLetterQueue,
  DEFAULT_RETRY,
  type AnyJob,
  type JobContext,
  type JobDefinition,
  type JobDeps,
  type RetryPolicy,
} from './define.js';
export { enqueue, type EnqueueOptions } from './enqueue.js';
export { applyOnce } from './once.js';
export { drainJobs, ensureQueues, JobQueueMissingError, startJobRunner, type JobRunner, type RunnerOptions } from './runner.js';
export { forgetReceiptsJob } from './receipts-job.js';
export { JOB_SCHEMA } from './boss.js';
