/**
 * Numbers, dates and targets as the Connect pages write them, in the reader's language: a value
 * with its unit and the indicator's decimals, a publication date (French "1er mars"), the 2030
 * target in words, the trend in words. One module, so a card, a table and a chart caption say the
 * same figure the same way.
 */
import type { Target } from '../../core/indicators/index.js';
import { formatNumber, t, type MessageKey } from '../../i18n/i18n.js';
import type { Language } from '../../shared/localised.js';

const UNIT_KEYS: Record<string, MessageKey> = {
  percent: 'connect.unit.percent',
  'per-100-inhabitants': 'connect.unit.per100',
  'current-usd': 'connect.unit.usd',
  'percent-of-monthly-gni-per-capita': 'connect.unit.gniShare',
};

/** What an axis or a table column says the unit is. */
const AXIS_KEYS: Record<string, MessageKey> = {
  percent: 'profiles.axis.percent',
  'per-100-inhabitants': 'profiles.axis.per100',
  'current-usd': 'profiles.axis.usd',
  'percent-of-monthly-gni-per-capita': 'profiles.axis.gniShare',
  persons: 'profiles.axis.persons',
  ratio: 'profiles.axis.ratio',
};

/** What formatting needs of an indicator (a catalogue entry or a profile row, whose unit is a plain string). */
type Shape = { readonly unit: string; readonly decimals: number };

/** @example valueText('fr', { unit: 'percent', decimals: 1 }, 34.98) // '35,0 %' */
export function valueText(lang: Language, i: Shape, value: number): string {
  const text = formatNumber(lang, value, { maximumFractionDigits: i.decimals, minimumFractionDigits: i.decimals });
  return t(lang, UNIT_KEYS[i.unit] ?? 'connect.unit.plain', { value: text });
}

/** The unit as an axis title or a column heading. @example unitLabel('en', 'percent') // '% of population' */
export function unitLabel(lang: Language, unit: string): string {
  return t(lang, AXIS_KEYS[unit] ?? 'profiles.axis.ratio');
}

/**
 * A publication date, day month year. French writes the first day of a month as an ordinal.
 * @example dateText('fr', '2026-03-01') // '1er mars 2026'
 */
export function dateText(lang: Language, iso: string): string {
  const format = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
  return format
    .formatToParts(new Date(`${iso}T00:00:00Z`))
    .map((p) => (lang === 'fr' && p.type === 'day' && p.value === '1' ? '1er' : p.value))
    .join('');
}

/** A calendar year without digit grouping, in the reader's digits. */
export function yearText(lang: Language, year: number): string {
  return formatNumber(lang, year, { useGrouping: false });
}

/** The 2030 target in words. @example targetText('en', internetUse, { kind: 'at-least', value: 100 }) // '100.0 % or more' */
export function targetText(lang: Language, i: Shape, target: Target): string {
  const whole = { ...i, decimals: Number.isInteger(targetValue(target)) ? 0 : i.decimals };
  if (target.kind === 'at-least') return t(lang, 'profiles.target.atLeast', { value: valueText(lang, whole, target.value) });
  if (target.kind === 'at-most') return t(lang, 'profiles.target.below', { value: valueText(lang, whole, target.value) });
  return t(lang, 'profiles.target.between', {
    lower: valueText(lang, { ...i, decimals: 2 }, target.lower),
    upper: valueText(lang, { ...i, decimals: 2 }, target.upper),
  });
}

function targetValue(target: Target): number {
  return target.kind === 'between' ? target.lower : target.value;
}

/** Whether a yearly change rounds to nothing at the indicator's precision. */
export function isFlat(slope: number, decimals: number): boolean {
  return Number(Math.abs(slope).toFixed(Math.max(1, decimals))) === 0;
}

/**
 * The trend in words: "rising by 1.2 points a year" (percent) or "rising by 3.2 a year".
 * @example trendText('en', internetUse, 1.155) // 'rising by 1.2 points a year'
 */
export function trendText(lang: Language, i: Shape, slope: number): string {
  if (isFlat(slope, i.decimals)) return t(lang, 'connect.trend.flat');
  const step = formatNumber(lang, Math.abs(slope), { maximumFractionDigits: Math.max(1, i.decimals) });
  if (i.unit === 'percent') return t(lang, slope > 0 ? 'profiles.trend.upPoints' : 'profiles.trend.downPoints', { value: step });
  return t(lang, slope > 0 ? 'connect.trend.up' : 'connect.trend.down', { value: step });
}

/**
 * Clauses of one sentence joined as the language joins them (a semicolon, "؛" in Arabic, "；" in Chinese).
 * @example clauses('ar', ['a', 'b']) // 'a؛ b'
 */
export function clauses(lang: Language, parts: readonly string[]): string {
  return parts.reduce((a, b) => t(lang, 'profiles.clauses', { a, b }));
}
