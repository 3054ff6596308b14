/**
 * The period a scheduled job belongs to: the cron tick at or before the moment the
 * job was created. pg-boss creates a scheduled job once per tick across instances;
 * keying its receipt on the tick makes "once per period" hold even if it did not.
 */
import cronParser from 'cron-parser';

/**
 * The latest tick of `cron` (UTC) at or before `at`, as an ISO string.
 * @example periodOf('0 3 * * *', new Date('2026-12-01T03:00:20Z')) // '2026-12-01T03:00:00.000Z'
 */
export function periodOf(cron: string, at: Date): string {
  const ticks = cronParser.parseExpression(cron, { currentDate: new Date(at.getTime() + 1), tz: 'UTC' });
  return ticks.prev().toDate().toISOString();
}

/** Throws when `cron` is not a valid five-field expression. */
export function assertCron(cron: string, job: string): void {
  if (cron.trim().split(/\s+/).length !== 5)
    throw new Error(`job "${job}": schedule "${cron}" must have five fields (minute hour day month weekday)`);
  try {
    cronParser.parseExpression(cron, { tz: 'UTC' });
  } catch (error) {
    throw new Error(`job "${job}": schedule "${cron}" is not a cron expression (${(error as Error).message})`, { cause: error });
  }
}
