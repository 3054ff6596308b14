/**
 * Plausible ranges: a value outside them is not a number the indicator can take, whatever its
 * type says (internet use of −12.5 % or 250 %, 1.2e29 subscriptions per 100 people). Importers
 * refuse such values with their file, line and column rather than store them, because a stored
 * impossible value flows into ranks, aggregates and the country brief.
 *
 * Ranges go by unit: a share of people cannot leave 0–100; subscriptions per 100 people can pass
 * 100 (several SIM cards each; the highest published is about 420) but not 500; a parity index
 * of 5 would mean five women for every man with the service. Currency and head counts are
 * bounded far above any real country (GNI per capita ≈ 150,000 US$; population ≈ 1.45 billion),
 * and the person count leaves room for the world as a published aggregate (8.1 billion).
 */
import type { IndicatorDefinition, Unit } from './catalogue-types.js';

export interface PlausibleRange {
  readonly min: number;
  readonly max: number;
}

export const PLAUSIBLE_BY_UNIT: Readonly<Record<Unit, PlausibleRange>> = {
  percent: { min: 0, max: 100 },
  'per-100-inhabitants': { min: 0, max: 500 },
  ratio: { min: 0, max: 5 },
  'current-usd': { min: 0, max: 1_000_000 },
  persons: { min: 0, max: 10_000_000_000 },
  'percent-of-monthly-gni-per-capita': { min: 0, max: 5_000 },
};

/** @example plausibleRange(getIndicator('internet-use')) // { min: 0, max: 100 } */
export function plausibleRange(indicator: Pick<IndicatorDefinition, 'unit'>): PlausibleRange {
  return PLAUSIBLE_BY_UNIT[indicator.unit];
}

/**
 * Why `value` cannot be a value of `indicator`, or `null` when it can.
 * @example implausibility(getIndicator('internet-use'), -12.5) // '-12.5 is outside the plausible range 0–100 of internet-use (percent)'
 */
export function implausibility(indicator: Pick<IndicatorDefinition, 'code' | 'unit'>, value: number): string | null {
  if (!Number.isFinite(value)) return `${value} is not a finite number`;
  const range = plausibleRange(indicator);
  if (value >= range.min && value <= range.max) return null;
  return `${value} is outside the plausible range ${range.min}–${range.max} of ${indicator.code} (${indicator.unit})`;
}
