/**
 * Numbers in the reader's language. Every number a chart prints goes through here: values with
 * the indicator's decimals, axis ticks with just the decimals their step needs, years without
 * digit grouping. Intl decides the digits and separators (Arabic gets whatever digits Intl
 * gives for `ar`), so a chart and the table below it always agree with the rest of the page.
 */
import type { Language } from '../../shared/localised.js';

const cache = new Map<string, Intl.NumberFormat>();

function formatter(lang: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let found = cache.get(key);
  if (!found) {
    found = new Intl.NumberFormat(lang, options);
    cache.set(key, found);
  }
  return found;
}

/** Decimals must be a small whole number: a chart never prints more precision than its data has. */
export function assertDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) {
    throw new RangeError(`decimals must be a whole number from 0 to 6, got ${decimals}`);
  }
}

/**
 * A value with exactly `decimals` decimals.
 * @example formatValue('fr', 1234.56, 1) // '1 234,6' (narrow no-break space)
 */
export function formatValue(lang: Language, value: number, decimals: number): string {
  return formatter(lang, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/**
 * A class edge: at most `decimals` decimals, and none it does not need.
 * @example formatEdge('en', 50, 1) // '50'; formatEdge('en', 12.25, 1) // '12.3'
 */
export function formatEdge(lang: Language, value: number, decimals: number): string {
  return formatter(lang, { minimumFractionDigits: 0, maximumFractionDigits: decimals }).format(value);
}

/**
 * A calendar year: digits in the reader's language, never grouped.
 * @example formatYear('en', 2024) // '2024'
 */
export function formatYear(lang: Language, year: number): string {
  return formatter(lang, { useGrouping: false }).format(year);
}

/**
 * Decimals a tick step needs: 20 → 0, 2.5 → 1, 0.25 → 2.
 * @example tickDecimals(0.5) // 1
 */
export function tickDecimals(step: number): number {
  if (!(step > 0) || !Number.isFinite(step)) throw new RangeError(`tick step must be positive, got ${step}`);
  let decimals = 0;
  // Round at each step so 0.1 * 10 style float noise cannot ask for 17 decimals.
  while (decimals < 6 && Math.abs(Math.round(step * 10 ** decimals) - step * 10 ** decimals) > 1e-9 * 10 ** decimals) decimals += 1;
  return decimals;
}

/**
 * Formats axis ticks so they share one precision; from a million up they use the language's
 * compact form ("1.2B", "12.3亿", "1,2 Md") to stay narrow.
 * @example formatTicks('en', [0, 25, 50]) // ['0', '25', '50']
 * @example formatTicks('en', [0, 2e9, 4e9]) // ['0', '2B', '4B']
 */
export function formatTicks(lang: Language, ticks: readonly number[]): string[] {
  if (ticks.length === 0) return [];
  const step = ticks.length > 1 ? Math.abs(ticks[1]! - ticks[0]!) : Math.abs(ticks[0]!) || 1;
  const largest = Math.max(...ticks.map(Math.abs));
  if (largest >= 1e6) {
    const compact = formatter(lang, { notation: 'compact', maximumFractionDigits: 1 });
    return ticks.map((t) => compact.format(t));
  }
  const decimals = tickDecimals(step);
  return ticks.map((t) => formatValue(lang, t, decimals));
}
