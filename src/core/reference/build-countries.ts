/**
 * Joins the M49 table, its six-language names, the UNTERM formal names and the
 * World Bank's region and income classification into one record per country or
 * area. Every cell is checked; the first bad one stops the build with its place.
 */
import { LANGUAGES, isLanguage, type Language, type Localised } from '../../shared/localised.js';
import { cellError, type Table, type TableRow } from '../../shared/table.js';
import { INCOME_GROUP_BY_LABEL } from './group-names.js';
import type { Country, IncomeGroup } from './types.js';

export const M49_COLUMNS = [
  'Region Code',
  'Sub-region Code',
  'Intermediate Region Code',
  'Country or Area',
  'M49 Code',
  'ISO-alpha2 Code',
  'ISO-alpha3 Code',
  'Least Developed Countries (LDC)',
  'Land Locked Developing Countries (LLDC)',
  'Small Island Developing States (SIDS)',
] as const;
export const NAMES_COLUMNS = ['lang', 'm49', 'country_or_area'] as const;
export const WDI_COLUMNS = ['country_code', 'wb_region', 'wb_income_group', 'is_aggregate'] as const;
export const DATAHUB_COLUMNS = ['M49', 'ISO3166-1-Alpha-3'] as const;

const UNTERM_FORMAL: Record<Language, string> = {
  ar: 'UNTERM Arabic Formal',
  zh: 'UNTERM Chinese Formal',
  en: 'UNTERM English Formal',
  fr: 'UNTERM French Formal',
  ru: 'UNTERM Russian Formal',
  es: 'UNTERM Spanish Formal',
};

export interface CountrySources {
  m49: Table;
  names: Table;
  /** World Bank classification (wdi_internet_users_incl_aggregates.csv); optional. */
  wdi?: Table;
  /** UNTERM formal names (country_codes_datahub.csv); optional. */
  datahub?: Table;
}

/**
 * @example buildCountries({ m49, names }).find((c) => c.iso3 === 'KEN')?.names.fr // 'Kenya'
 */
export function buildCountries(sources: CountrySources): Country[] {
  const names = namesByM49(sources.names);
  const wb = sources.wdi ? worldBankClassification(sources.wdi) : new Map<string, WbClass>();
  const formal = sources.datahub ? formalNames(sources.datahub) : new Map<string, Partial<Localised>>();
  const seen = new Set<string>();
  // ISO codes are unique keys too: a second use is refused here, with its cell, not by the database.
  const isoSeen = new Map<string, string>();
  const once = (t: Table, row: TableRow, field: string, value: string | null, m49: string) => {
    if (value === null) return value;
    const first = isoSeen.get(`${field}:${value}`);
    if (first !== undefined) throw cellError(t, row, field, `${value} appears twice (also M49 ${first})`);
    isoSeen.set(`${field}:${value}`, m49);
    return value;
  };
  return sources.m49.rows.map((row) => {
    const t = sources.m49;
    const m49 = code(t, row, 'M49 Code', /^\d{3}$/, 'must be a three-digit M49 code such as 004');
    if (m49 === null) throw cellError(t, row, 'M49 Code', 'is required');
    if (seen.has(m49)) throw cellError(t, row, 'M49 Code', `${m49} appears twice`);
    seen.add(m49);
    const iso3 = once(
      t,
      row,
      'ISO-alpha3 Code',
      code(t, row, 'ISO-alpha3 Code', /^[A-Z]{3}$/, 'must be three capital letters such as AFG'),
      m49,
    );
    const localNames = names.get(m49);
    if (!localNames) throw cellError(t, row, 'M49 Code', `${m49} has no names in the six-language file`);
    const english = row.values['Country or Area'] ?? '';
    const classification = iso3 ? wb.get(iso3) : undefined;
    return {
      m49,
      iso2: once(t, row, 'ISO-alpha2 Code', code(t, row, 'ISO-alpha2 Code', /^[A-Z]{2}$/, 'must be two capital letters such as AF'), m49),
      iso3,
      names: { ...localNames, en: english || localNames.en },
      formalNames: iso3 ? (formal.get(iso3) ?? null) : null,
      regionCode: code(t, row, 'Region Code', /^\d{3}$/, 'must be a three-digit region code'),
      subRegionCode: code(t, row, 'Sub-region Code', /^\d{3}$/, 'must be a three-digit sub-region code'),
      intermediateRegionCode: code(t, row, 'Intermediate Region Code', /^\d{3}$/, 'must be a three-digit code'),
      ldc: flag(t, row, 'Least Developed Countries (LDC)'),
      lldc: flag(t, row, 'Land Locked Developing Countries (LLDC)'),
      sids: flag(t, row, 'Small Island Developing States (SIDS)'),
      wbRegion: classification?.region ?? null,
      wbIncomeGroup: classification?.income ?? null,
    };
  });
}

function code(t: Table, row: TableRow, field: string, pattern: RegExp, message: string): string | null {
  const value = row.values[field] ?? '';
  if (value === '') return null;
  if (!pattern.test(value)) throw cellError(t, row, field, `"${value}" ${message}`);
  return value;
}

function flag(t: Table, row: TableRow, field: string): boolean {
  const value = row.values[field] ?? '';
  if (value !== '' && value !== 'x') throw cellError(t, row, field, `"${value}" must be "x" or empty`);
  return value === 'x';
}

function namesByM49(t: Table): Map<string, Localised> {
  const partial = new Map<string, Partial<Localised>>();
  for (const row of t.rows) {
    const lang = row.values['lang'];
    if (!isLanguage(lang)) throw cellError(t, row, 'lang', `"${lang}" must be one of ${LANGUAGES.join(', ')}`);
    const m49 = code(t, row, 'm49', /^\d{3}$/, 'must be a three-digit M49 code');
    const name = row.values['country_or_area'] ?? '';
    if (!m49) throw cellError(t, row, 'm49', 'is required');
    if (!name) throw cellError(t, row, 'country_or_area', 'is required');
    partial.set(m49, { ...partial.get(m49), [lang]: name });
  }
  const complete = new Map<string, Localised>();
  for (const [m49, names] of partial) {
    const missing = LANGUAGES.filter((l) => !names[l]);
    if (missing.length > 0) {
      throw cellError(t, t.rows[0]!, 'lang', `M49 ${m49} has no name in ${missing.join(', ')}`);
    }
    complete.set(m49, names as Localised);
  }
  return complete;
}

interface WbClass {
  region: string | null;
  income: IncomeGroup | null;
}

function worldBankClassification(t: Table): Map<string, WbClass> {
  const result = new Map<string, WbClass>();
  for (const row of t.rows) {
    if (row.values['is_aggregate'] === '1') continue;
    const iso3 = row.values['country_code'] ?? '';
    if (result.has(iso3)) continue;
    const label = row.values['wb_income_group'] ?? '';
    const income = label === '' ? null : INCOME_GROUP_BY_LABEL[label];
    if (income === undefined) throw cellError(t, row, 'wb_income_group', `"${label}" is not a World Bank income group`);
    result.set(iso3, { region: row.values['wb_region'] || null, income });
  }
  return result;
}

function formalNames(t: Table): Map<string, Partial<Localised>> {
  const result = new Map<string, Partial<Localised>>();
  for (const row of t.rows) {
    const iso3 = row.values['ISO3166-1-Alpha-3'] ?? '';
    if (!/^[A-Z]{3}$/.test(iso3)) continue;
    const names: Partial<Localised> = {};
    for (const lang of LANGUAGES) {
      const value = row.values[UNTERM_FORMAL[lang]];
      if (value) names[lang] = value;
    }
    if (Object.keys(names).length > 0) result.set(iso3, names);
  }
  return result;
}
