/**
 * Plausibility checks for the values a project holds, shared by the IATI importer (to report a
 * bad value with its line) and by forms and the exporter (to refuse one). Each is a pure predicate.
 */

// XML 1.0 allows tab, line feed, carriage return and everything from U+0020 except surrogates
// and U+FFFE/U+FFFF; anything else cannot be written to an IATI file at all.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Earliest and latest year a project date may have; outside that it is a typo or a placeholder. */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2200;

/** Amounts at or above this (a thousand trillion) are typos, not budgets. */
export const MAX_AMOUNT = 1e15;

/** True when the text can be written into XML 1.0 as it is. */
export function isXmlSafe(text: string): boolean {
  return !NOT_XML_CHAR.test(text);
}

/**
 * A real calendar day `YYYY-MM-DD` between EARLIEST_YEAR and LATEST_YEAR.
 * @example isIsoDate('2024-02-29') // true
 * @example isIsoDate('2023-02-29') // false
 */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An xsd:dateTime with a plausible date part, e.g. `2024-05-01T10:00:00Z`. */
export function isDateTime(value: string): boolean {
  const match = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-](0\d|1[0-4]):[0-5]\d)?$/.exec(value);
  return match !== null && isIsoDate(match[1] ?? '');
}

/** Three capital letters, the shape of an ISO 4217 code (see `isKnownCurrency` for the list). */
export function isCurrencyCode(value: string): boolean {
  return /^[A-Z]{3}$/.test(value);
}

let knownCurrencies: ReadonlySet<string> | undefined;

/**
 * True for a currency the runtime's ICU data knows. Withdrawn currencies (still found in older
 * IATI data) may be missing, so callers warn rather than refuse on `false`.
 */
export function isKnownCurrency(code: string): boolean {
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code);
}

/** A share between 0 and 100 inclusive. */
export function isPercentage(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= 100;
}

/** A finite amount below MAX_AMOUNT in size (negative amounts are corrections and allowed). */
export function isPlausibleAmount(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) < MAX_AMOUNT;
}

/**
 * The canonical form of a language tag (`ENG` → `en`, `pt-br` → `pt-BR`), or `null` when it is
 * not a well-formed BCP 47 tag.
 */
export function canonicalLanguage(tag: string): string | null {
  let canonical: string | undefined;
  try {
    [canonical] = Intl.getCanonicalLocales(tag);
  } catch {
    return null;
  }
  // BCP 47 also allows 5–8 letter language subtags ("english"); no real language code has one.
  return canonical !== undefined && /^[a-z]{2,3}(-|$)/.test(canonical) ? canonical : null;
}

/** ISO 3166-1 alpha-3 shape. */
export function isIso3(value: string): boolean {
  return /^[A-Z]{3}$/.test(value);
}
