/**
 * Cron schedules, checked by one instance at a time. Every worker looks every
 * `intervalSeconds`; a conditional update of pg-boss's `version.cron_on` (the gate
 * pg-boss's own scheduler uses) lets one of them through per interval. For each job
 * whose cron ticked within the last minute (by the database's clock, never the
 * instance's), it sends the job with an id derived from the job's name and the tick:
 * however many instances or intervals see the same tick, one job exists for it. The
 * handler's `ctx.once` then keys on the same tick (run-job.ts).
 *
 * Why not pg-boss's scheduler: it relays through an internal queue whose worker does
 * not await its completion queries, so a database hiccup there would be an unhandled
 * rejection and end the process.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { JOB_SCHEMA } from './boss.js';
import type { AnyJob } from './define.js';
import { enqueue } from './enqueue.js';
import { periodOf } from './period.js';

/** A UUID made from `text` (the job id of one tick of one schedule). */
export function idFor(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Sends the scheduled jobs that are due, if this instance holds this interval's check.
 * Returns the names of the jobs sent.
 * @example await checkSchedules(db, JOBS, 30) // ['mail-forget-finished'] at 03:23 UTC, else []
 */
export async function checkSchedules(db: Db, jobs: readonly AnyJob[], intervalSeconds: number): Promise<string[]> {
  const scheduled = jobs.filter((job) => job.schedule);
  if (scheduled.length === 0) return [];
  const gate = await sql<{ now: Date }>`
    update ${sql.raw(JOB_SCHEMA)}.version set cron_on = now()
    where extract(epoch from now() - coalesce(cron_on, now() - interval '1 week')) > ${intervalSeconds}
    returning now() as now`.execute(db);
  const now = gate.rows[0]?.now;
  if (!now) return [];
  const sent: string[] = [];
  for (const job of scheduled) {
    const tick = periodOf(job.schedule!, now);
    if (now.getTime() - Date.parse(tick) >= 60_000) continue;
    if (await enqueue(db, job, {}, { id: idFor(`${job.name}@${tick}`) })) sent.push(job.name);
  }
  return sent;
}
