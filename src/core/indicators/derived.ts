/**
 * Indicators the platform computes from others (parity, monthly income, affordability). They
 * return `null` rather than 0 or Infinity when an input is missing or meaningless, so a missing
 * number can never pass for a measured one.
 */
import type { YearValue } from './types.js';

type Maybe = number | null | undefined;

function usable(value: Maybe): value is number {
  return value !== null && value !== undefined && Number.isFinite(value);
}

/**
 * Gender parity index: the female value divided by the male value (1 = parity; the 2030 band is
 * 0.98–1.02). `null` when either value is missing or the male value is 0.
 *
 * @example
 * genderParityIndex(83.07, 92.62); // ≈ 0.897 (Algeria, mobile ownership 2018)
 * genderParityIndex(40, 0);        // null
 */
export function genderParityIndex(female: Maybe, male: Maybe): number | null {
  if (!usable(female) || !usable(male) || male === 0) return null;
  return female / male;
}

/**
 * Monthly GNI per capita, the denominator of the affordability target.
 *
 * @example
 * gniPerCapitaMonthly(2400); // 200
 */
export function gniPerCapitaMonthly(annual: Maybe): number | null {
  return usable(annual) ? annual / 12 : null;
}

/**
 * Price of a monthly plan as a percentage of monthly GNI per capita (target: under 2 %). Both
 * amounts must be in the same currency, normally current US$ with GNI by the Atlas method.
 * `null` when an input is missing or the income is not positive.
 *
 * @example
 * affordabilityShare(5, 200); // 2.5 — a 5 US$ plan where monthly GNI per capita is 200 US$
 */
export function affordabilityShare(monthlyPrice: Maybe, monthlyGniPerCapita: Maybe): number | null {
  if (!usable(monthlyPrice) || !usable(monthlyGniPerCapita) || monthlyGniPerCapita <= 0) return null;
  return (monthlyPrice / monthlyGniPerCapita) * 100;
}

/**
 * A part as a percentage of its total, e.g. fixed-broadband subscriptions at ≥ 10 Mbit/s among
 * all fixed-broadband subscriptions. `null` when either is missing or the total is not positive:
 * a missing speed tier is unknown, not zero.
 *
 * @example
 * shareOfTotal(36.21, 41.11); // ≈ 88.08 (Germany 2018, per 100 inhabitants both)
 */
export function shareOfTotal(part: Maybe, total: Maybe): number | null {
  if (!usable(part) || !usable(total) || total <= 0) return null;
  return (part / total) * 100;
}

/**
 * Combine two series year by year (e.g. female and male into parity). Years present in only one
 * series, or where `combine` returns null, are left out.
 *
 * @example
 * combineByYear(female, male, genderParityIndex); // [{ year: 2017, value: 0.91 }, …]
 */
export function combineByYear(
  left: readonly YearValue[],
  right: readonly YearValue[],
  combine: (left: number, right: number) => number | null,
): YearValue[] {
  const rightByYear = new Map(right.map((point) => [point.year, point.value]));
  const combined: YearValue[] = [];
  for (const point of left.toSorted((a, b) => a.year - b.year)) {
    const other = rightByYear.get(point.year);
    if (other === undefined) continue;
    const value = combine(point.value, other);
    if (value !== null && Number.isFinite(value)) combined.push({ year: point.year, value });
  }
  return combined;
}

/**
 * Apply a one-input derivation to every point of a series (e.g. annual → monthly GNI).
 *
 * @example
 * mapSeries([{ year: 2023, value: 2400 }], gniPerCapitaMonthly); // [{ year: 2023, value: 200 }]
 */
export function mapSeries(series: readonly YearValue[], derive: (value: number) => number | null): YearValue[] {
  const mapped: YearValue[] = [];
  for (const point of series) {
    const value = derive(point.value);
    if (value !== null && Number.isFinite(value)) mapped.push({ year: point.year, value });
  }
  return mapped;
}
