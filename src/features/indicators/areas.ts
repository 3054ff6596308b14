/**
 * Reads the area codes sources use — ISO alpha-2, ISO alpha-3 or M49, in any case, M49 with or
 * without its leading zeros ("404", "4", "002", "2") — into a country's M49 key or one of the
 * platform's groups. One resolver for every importer, so `ken`, `KE`, `KEN` and `404` are the same
 * country everywhere and `002` and `2` the same region.
 */
import type { CountryCodes } from '../reference/index.js';

export type ResolvedArea = { readonly kind: 'country'; readonly m49: string } | { readonly kind: 'group'; readonly code: string };

/** M49 codes of groups the platform keys by name (M49 001 is the world, 199 the LDCs …). */
const M49_GROUPS: Readonly<Record<string, string>> = { '001': 'WLD', '199': 'LDC', '432': 'LLDC', '722': 'SIDS' };

export interface AreaResolver {
  /** @example resolver.resolve('ke') // { kind: 'country', m49: '404' } */
  resolve(code: string): ResolvedArea | null;
  /** ISO alpha-3 of a country's M49 code (for exports and messages), or null. */
  iso3Of(m49: string): string | null;
}

/**
 * @example const areas = areaResolver(await countryCodes(db), [...(await groupMemberships(db)).keys()]);
 */
export function areaResolver(countries: readonly CountryCodes[], groups: readonly string[]): AreaResolver {
  const byCode = new Map<string, string>();
  for (const c of countries) {
    byCode.set(c.m49, c.m49);
    if (c.iso2) byCode.set(c.iso2.toUpperCase(), c.m49);
    if (c.iso3) byCode.set(c.iso3.toUpperCase(), c.m49);
  }
  const iso3 = new Map(countries.map((c) => [c.m49, c.iso3]));
  const groupCodes = new Set(groups.map((g) => g.toUpperCase()));
  const group = (code: string): ResolvedArea | null => (groupCodes.has(code) ? { kind: 'group', code } : null);
  return {
    resolve(raw) {
      const code = raw.trim().toUpperCase();
      if (/^\d{1,3}$/.test(code)) {
        const padded = code.padStart(3, '0');
        const m49 = byCode.get(padded);
        if (m49) return { kind: 'country', m49 };
        return group(padded) ?? group(M49_GROUPS[padded] ?? '');
      }
      const m49 = /^[A-Z]{2,3}$/.test(code) ? byCode.get(code) : undefined;
      return m49 ? { kind: 'country', m49 } : group(code);
    },
    iso3Of: (m49) => iso3.get(m49) ?? null,
  };
}
