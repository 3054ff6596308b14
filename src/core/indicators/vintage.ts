/**
 * Vintages: the ISO calendar date a source published its numbers. A newer vintage revises an
 * older one, so a vintage must be a real date and never in the future: a future vintage would
 * outrank every real revision after it, for good.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * What is wrong with `text` as a vintage, or `null` when it is a real date not after `today`
 * (when given). One day of slack over `today` absorbs time zones: a publisher east of UTC may
 * already be on the next date.
 *
 * @example
 * vintageProblem('2026-02-30');                  // '"2026-02-30" is not a calendar date'
 * vintageProblem('2099-01-01', '2026-11-30');    // '2099-01-01 is in the future (today is 2026-11-30)'
 * vintageProblem('2026-03-01', '2026-11-30');    // null
 */
export function vintageProblem(text: string, today?: string): string | null {
  const match = ISO_DATE.exec(text);
  if (!match) return `expected a date YYYY-MM-DD, found "${text}"`;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return `"${text}" is not a calendar date`;
  }
  if (year < 1900) return `${text} is before 1900; a vintage is when the source published the data`;
  if (today !== undefined && text > addDays(today, 1)) return `${text} is in the future (today is ${today})`;
  return null;
}

/** Today's date in UTC, YYYY-MM-DD. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
