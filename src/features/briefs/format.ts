/**
 * Figures in words for the brief: a value with its unit and year, a source with its
 * publication date, a 2030 target, a status. Numbers go through Intl in the reader's language
 * with exactly the indicator's decimals, so the brief shows what the API holds, rounded once.
 */
import { formatDate, formatNumber, t, type MessageKey } from '../../i18n/i18n.js';
import { pick, type Language } from '../../shared/localised.js';
import type { GroupProfileIndicator, ProfileIndicator } from '../indicators/index.js';

type Measured = Pick<ProfileIndicator, 'unit' | 'decimals'>;

const UNIT_KEYS: Record<string, MessageKey> = {
  percent: 'connect.unit.percent',
  'per-100-inhabitants': 'connect.unit.per100',
  'current-usd': 'connect.unit.usd',
  'percent-of-monthly-gni-per-capita': 'connect.unit.gniShare',
};

/** The bare number at the indicator's precision: `35.0`, `35,0`, `٣٥٫٠`. */
export function figure(lang: Language, i: Measured, value: number): string {
  return formatNumber(lang, value, { maximumFractionDigits: i.decimals, minimumFractionDigits: i.decimals });
}

/** The number with its unit: `35.0 %`, `US$ 2,170`. */
export function withUnit(lang: Language, i: Measured, value: number): string {
  return t(lang, UNIT_KEYS[i.unit] ?? 'connect.unit.plain', { value: figure(lang, i, value) });
}

/** `35.0 % (2024)`, `35.0 % (2024, estimate)`, or "no data". */
export function valueInYear(lang: Language, i: Measured, latest: { value: number; year: number; estimate?: boolean } | null): string {
  if (!latest) return t(lang, 'brief.noData');
  const params = { value: withUnit(lang, i, latest.value), year: String(latest.year) };
  return t(lang, latest.estimate ? 'brief.valueEstimate' : 'brief.value', params);
}

/** A group's latest computed aggregate, or "no data" (also for indicators that are never aggregated). */
export function groupValue(lang: Language, i: Measured, g: GroupProfileIndicator | undefined): string {
  return valueInYear(lang, i, g?.latest ?? null);
}

export function dateOf(lang: Language, iso: string): string {
  return formatDate(lang, new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

/** "ITU, published 1 March 2026". */
export function sourceCell(lang: Language, i: ProfileIndicator): string {
  if (!i.latest) return '—';
  return t(lang, 'brief.sourceCell', { source: i.latest.source, date: dateOf(lang, i.latest.vintage) });
}

export function targetText(lang: Language, i: ProfileIndicator): string {
  const target = i.target;
  if (!target) return t(lang, 'connect.noTarget');
  if (target.kind === 'between') {
    return t(lang, 'brief.target.between', { lower: withUnit(lang, i, target.lower), upper: withUnit(lang, i, target.upper) });
  }
  return t(lang, target.kind === 'at-least' ? 'brief.target.atLeast' : 'brief.target.atMost', { value: withUnit(lang, i, target.value) });
}

/** The ITU band of an at-least target, else met / not met; "no data" without a latest value. */
export function statusText(lang: Language, i: ProfileIndicator): string {
  if (!i.latest) return t(lang, 'brief.noData');
  if (!i.target) return t(lang, 'connect.noTarget');
  if (i.band) return t(lang, `connect.band.${i.band}`);
  return t(lang, i.targetMet ? 'connect.status.met' : 'connect.status.notMet');
}

/** On track, or how far away the target is on the recent trend; "—" without a projection (the trend column says why). */
export function outlookText(lang: Language, i: ProfileIndicator): string {
  if (i.targetMet) return t(lang, 'connect.status.met');
  if (i.projected2030 === null || i.onTrack === null) return '—';
  const projected = withUnit(lang, i, i.projected2030);
  if (i.onTrack) return t(lang, 'connect.outlook.onTrack', { value: projected });
  const away = i.yearsToTarget === null ? t(lang, 'connect.outlook.never') : t(lang, 'connect.outlook.years', { years: i.yearsToTarget });
  return `${t(lang, 'connect.outlook.offTrack', { value: projected })}; ${away}`;
}

/** "rising by 1.2 a year", "flat", or "too few recent years". */
export function trendText(lang: Language, i: ProfileIndicator): string {
  if (!i.trend) return t(lang, 'connect.trend.none');
  const digits = Math.max(1, i.decimals);
  const slope = i.trend.slope;
  if (Number(Math.abs(slope).toFixed(digits)) === 0) return t(lang, 'connect.trend.flat');
  const value = formatNumber(lang, Math.abs(slope), { maximumFractionDigits: digits });
  return t(lang, slope > 0 ? 'connect.trend.up' : 'connect.trend.down', { value });
}

export function nameOf(lang: Language, i: { names: Parameters<typeof pick>[0] }): string {
  return pick(i.names, lang);
}
