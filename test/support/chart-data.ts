/**
 * Real figures for the chart tests and the chart measurement script, read straight from
 * ../shared/data (no database): World Bank / ITU internet use by country and year, the World
 * Bank's own aggregates (Sub-Saharan Africa, lower-middle income …) and the M49 names in the six
 * languages. Series come back in the shapes the chart module takes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import { readTable } from '../../src/formats/csv/read-table.js';
import type { LineSeries, MapArea, YearPoint } from '../../src/platform/charts/index.js';
import type { Language } from '../../src/shared/localised.js';

type Indicator =
  'internet_users_pct' | 'mobile_cellular_subs_per_100' | 'fixed_broadband_subs_per_100' | 'gni_per_capita_atlas_usd' | 'population';

function dataFile(name: string): string {
  const dir = loadConfig({}).dataDir;
  if (!dir) throw new Error('the chart tests read the real data in ../shared/data (or DCP_DATA_DIR); none was found');
  return readFileSync(path.join(dir, name), 'utf8');
}

let countryRows: readonly Readonly<Record<string, string>>[] | undefined;
let aggregateRows: readonly Readonly<Record<string, string>>[] | undefined;
let nameRows: readonly Readonly<Record<string, string>>[] | undefined;

function countries() {
  countryRows ??= readTable('ict_country_year.csv', dataFile('ict_country_year.csv')).rows.map((r) => r.values);
  return countryRows;
}

function aggregates() {
  aggregateRows ??= readTable('wdi_internet_users_incl_aggregates.csv', dataFile('wdi_internet_users_incl_aggregates.csv')).rows.map(
    (r) => r.values,
  );
  return aggregateRows;
}

function names() {
  nameRows ??= readTable('un_m49_names_6lang.csv', dataFile('un_m49_names_6lang.csv')).rows.map((r) => r.values);
  return nameRows;
}

function points(rows: readonly Readonly<Record<string, string>>[], field: string, from: number): YearPoint[] {
  return rows
    .filter((r) => Number(r['year']) >= from && r[field] !== '' && r[field] !== undefined)
    .map((r) => ({ year: Number(r['year']), value: Number(r[field]) }));
}

/** One country's series of an indicator from `from` on, years without a value left out. */
export function countrySeries(iso3: string, indicator: Indicator, from = 2000): YearPoint[] {
  return points(
    countries().filter((r) => r['iso3'] === iso3),
    indicator,
    from,
  );
}

/** A World Bank aggregate of internet use (SSF, LMC, WLD …). */
export function aggregateSeries(code: string, from = 2000): YearPoint[] {
  return points(
    aggregates().filter((r) => r['country_code'] === code),
    'internet_users_pct',
    from,
  );
}

/** The M49 name of a country or area in `lang`, by ISO3. */
export function areaName(iso3: string, lang: Language): string {
  const row = names().find((r) => r['iso3'] === iso3 && r['lang'] === lang);
  if (!row) throw new Error(`no ${lang} name for ${iso3}`);
  return row['country_or_area']!;
}

/** Every M49 area with its name in `lang` and its value of `indicator` in `year` (null without one). */
export function mapAreas(lang: Language, indicator: Indicator, year: number): MapArea[] {
  const values = new Map(
    countries()
      .filter((r) => Number(r['year']) === year && r[indicator] !== '')
      .map((r) => [r['iso3']!, Number(r[indicator])]),
  );
  return names()
    .filter((r) => r['lang'] === lang)
    .map((r) => ({ m49: r['m49']!, name: r['country_or_area']!, value: values.get(r['iso3']!) ?? null }));
}

/** Members of an M49 region (by region code, e.g. '002' Africa) with their value in `year`. */
export function regionMembers(
  lang: Language,
  regionCode: string,
  indicator: Indicator,
  year: number,
): { iso3: string; name: string; value: number | null }[] {
  const areas = new Map(mapAreas(lang, indicator, year).map((a) => [a.m49, a]));
  return names()
    .filter((r) => r['lang'] === lang && r['region_code'] === regionCode)
    .map((r) => ({ iso3: r['iso3']!, name: r['country_or_area']!, value: areas.get(r['m49']!)?.value ?? null }));
}

/** A named series for a line chart. */
export function series(name: string, pts: YearPoint[], label?: string): LineSeries {
  return label ? { name, label, points: pts } : { name, points: pts };
}
