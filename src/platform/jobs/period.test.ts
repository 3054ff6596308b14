import { describe, expect, it } from 'vitest';
import { assertCron, periodOf } from './period.js';

describe('the period of a scheduled job', () => {
  it('is the cron tick at or before the moment the job was created, in UTC', () => {
    expect(periodOf('0 3 * * *', new Date('2026-12-01T03:00:20Z'))).toBe('2026-12-01T03:00:00.000Z');
    expect(periodOf('0 3 * * *', new Date('2026-12-01T02:59:59Z'))).toBe('2026-11-30T03:00:00.000Z');
    expect(periodOf('* * * * *', new Date('2026-12-01T10:15:59.999Z'))).toBe('2026-12-01T10:15:00.000Z');
  });

  it('counts a job created exactly on the tick in that tick', () => {
    expect(periodOf('*/5 * * * *', new Date('2026-12-01T10:15:00.000Z'))).toBe('2026-12-01T10:15:00.000Z');
  });

  it('refuses a schedule that is not five cron fields', () => {
    expect(() => assertCron('0 3 * *', 'x')).toThrow(/five fields/);
    expect(() => assertCron('*/10 * * * * *', 'x')).toThrow(/five fields/);
    expect(() => assertCron('61 * * * *', 'x')).toThrow(/not a cron expression/);
    expect(() => assertCron('17 3 * * *', 'x')).not.toThrow();
  });
});
