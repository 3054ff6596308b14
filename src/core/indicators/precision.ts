/**
 * Computed numbers (weighted means, a twelfth of an income, a ratio) carry binary floating-point
 * noise such as 44.56399999999985 for 44.564. No source publishes more than about ten significant
 * digits, so values are kept and written with twelve: the noise goes, nothing measured does.
 */

export const SIGNIFICANT_DIGITS = 12;

/**
 * @example withoutFloatNoise(44.56399999999985); // 44.564
 * withoutFloatNoise(1234.5666666666666);          // 1234.56666667
 */
export function withoutFloatNoise(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(SIGNIFICANT_DIGITS)) : value;
}

/**
 * Whether two stored values are the same number up to that noise, so a re-import of our own
 * export (written with twelve digits) changes nothing.
 * @example sameValue(44.56399999999985, 44.564); // true
 */
export function sameValue(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-10 * Math.max(Math.abs(a), Math.abs(b));
}
