/** ISO 3166-1 alpha-2 ⇄ alpha-3 lookups built from a table the caller loads (the M49 reference data). */
import type { CountryCodes } from './types.js';

/**
 * A two-way lookup from pairs; codes are compared in capitals.
 * @example countryCodesFromPairs([{ iso2: 'KE', iso3: 'KEN' }]).iso3Of('ke') // 'KEN'
 */
export function countryCodesFromPairs(pairs: Iterable<{ readonly iso2: string; readonly iso3: string }>): CountryCodes {
  const toIso3 = new Map<string, string>();
  const toIso2 = new Map<string, string>();
  for (const { iso2, iso3 } of pairs) {
    if (iso2 === '' || iso3 === '') continue;
    toIso3.set(iso2.toUpperCase(), iso3.toUpperCase());
    toIso2.set(iso3.toUpperCase(), iso2.toUpperCase());
  }
  return {
    iso3Of: (iso2) => toIso3.get(iso2.toUpperCase()),
    iso2Of: (iso3) => toIso2.get(iso3.toUpperCase()),
  };
}
