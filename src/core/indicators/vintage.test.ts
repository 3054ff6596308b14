import { describe, expect, it } from 'vitest';
import { todayUtc, vintageProblem } from './vintage.js';

describe('vintageProblem', () => {
  it('refuses a date that does not exist (issue 8: 2026-02-30 gave a raw database error)', () => {
    expect(vintageProblem('2026-02-30')).toBe('"2026-02-30" is not a calendar date');
    expect(vintageProblem('2026-13-01')).toBe('"2026-13-01" is not a calendar date');
    expect(vintageProblem('2024-02-29')).toBeNull();
  });

  it('refuses a vintage in the future (issue 8: 2099-01-01 blocked every later revision), allowing one day for time zones', () => {
    expect(vintageProblem('2099-01-01', '2026-11-30')).toBe('2099-01-01 is in the future (today is 2026-11-30)');
    expect(vintageProblem('2026-12-01', '2026-11-30')).toBeNull();
    expect(vintageProblem('2026-12-02', '2026-11-30')).toMatch(/in the future/);
  });

  it('refuses what is not an ISO date', () => {
    expect(vintageProblem('1 Oct 2026')).toBe('expected a date YYYY-MM-DD, found "1 Oct 2026"');
    expect(vintageProblem('1899-12-31')).toMatch(/before 1900/);
  });

  it("gives today's date in UTC", () => {
    expect(todayUtc(new Date('2026-11-30T23:59:00-05:00'))).toBe('2026-12-01');
  });
});
