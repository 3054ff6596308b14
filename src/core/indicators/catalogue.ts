/**
 * Lookup over the indicator catalogue. Importers meet many names for one series (WDI
 * `IT.NET.USER.ZS`, SDG `IT_USE_ii99`, a CSV column `internet_users_pct`); everything after the
 * import speaks only the catalogue's short code, and this module is the one place that maps.
 */
import { CATALOGUE_ENTRIES } from './catalogue-entries.js';
import type { IndicatorDefinition } from './catalogue-types.js';

export type { Breakdown, BreakdownValue, IndicatorDefinition, IndicatorSource, Unit } from './catalogue-types.js';

export const INDICATOR_CATALOGUE: readonly IndicatorDefinition[] = CATALOGUE_ENTRIES;

function normalise(name: string): string {
  return name.trim().toLowerCase();
}

function buildIndex(entries: readonly IndicatorDefinition[]): ReadonlyMap<string, IndicatorDefinition> {
  const index = new Map<string, IndicatorDefinition>();
  for (const entry of entries) {
    for (const name of [entry.code, ...entry.aliases]) {
      const key = normalise(name);
      const clash = index.get(key);
      // A shared alias would make imports ambiguous; fail at load, not on the first bad import.
      if (clash !== undefined) throw new Error(`catalogue: "${name}" names both ${clash.code} and ${entry.code}`);
      index.set(key, entry);
    }
  }
  return index;
}

const BY_NAME = buildIndex(INDICATOR_CATALOGUE);

/**
 * The catalogue entry for a platform code or any source alias (case-insensitive), or `null`.
 *
 * @example
 * findIndicator('it.net.user.zs')?.code; // 'internet-use'
 */
export function findIndicator(codeOrAlias: string): IndicatorDefinition | null {
  return BY_NAME.get(normalise(codeOrAlias)) ?? null;
}

/**
 * The platform code for a code or source alias, or `null` when the catalogue does not know it.
 *
 * @example
 * resolveIndicatorCode('IT_USE_ii99');        // 'internet-use'
 * resolveIndicatorCode('internet_users_pct'); // 'internet-use'
 * resolveIndicatorCode('NY.GDP.MKTP.CD');     // null
 */
export function resolveIndicatorCode(codeOrAlias: string): string | null {
  return findIndicator(codeOrAlias)?.code ?? null;
}

/**
 * The entry for a platform code, throwing when it is not one: use where the code is a constant
 * in our own code, so a typo fails loudly.
 *
 * @example
 * getIndicator('internet-use').target; // { kind: 'at-least', value: 100 }
 */
export function getIndicator(code: string): IndicatorDefinition {
  const entry = findIndicator(code);
  if (entry === null || entry.code !== code) throw new Error(`unknown indicator code "${code}"`);
  return entry;
}

/**
 * The platform code of a breakdown value given by a source (`bothsex` → `total`), or `null`.
 *
 * @example
 * resolveBreakdownValue(getIndicator('fixed-broadband-subscriptions'), 'speed', '10mbps'); // '10mbps-plus'
 */
export function resolveBreakdownValue(indicator: IndicatorDefinition, dimension: string, sourceValue: string): string | null {
  const breakdown = indicator.breakdowns.find((b) => b.dimension === dimension);
  const wanted = normalise(sourceValue);
  const value = breakdown?.values.find((v) => normalise(v.code) === wanted || v.aliases.some((alias) => normalise(alias) === wanted));
  return value?.code ?? null;
}
