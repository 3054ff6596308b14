/**
 * The indicator files the platform knows how to read, with what each holds,
 * who published it and when (its vintage). Import order is by vintage, so a
 * newer publication revises an older one and the older value goes to history.
 */
import type { Observation } from '../../core/indicators/index.js';
import type { Table } from '../../formats/csv/read-table.js';
import { parseLong, parseWide } from '../../formats/indicator-csv/index.js';

export interface IndicatorFileSpec {
  readonly file: string;
  /** ISO date the source published this data (first of the month when only the month is known). */
  readonly vintage: string;
  readonly source: string;
  readonly licence: string;
  readonly columns: readonly string[];
  readonly parse: (table: Table) => Observation[];
  /** Source codes of aggregates, mapped to our group codes; other non-country areas are skipped. */
  readonly aggregateCodes: Readonly<Record<string, string>>;
}

export const WORLD_BANK_GROUPS = { WLD: 'WLD', LDC: 'LDC', HIC: 'HIC', UMC: 'UMC', LMC: 'LMC', LIC: 'LIC' };
// The SDG database writes M49 codes without leading zeros.
export const SDG_GROUPS = {
  '1': 'WLD',
  '199': 'LDC',
  '432': 'LLDC',
  '722': 'SIDS',
  '2': '002',
  '19': '019',
  '142': '142',
  '150': '150',
  '9': '009',
};

export const INDICATOR_FILES: readonly IndicatorFileSpec[] = [
  {
    file: 'sdg_ict_indicators_2020_snapshot.csv',
    vintage: '2020-10-19',
    source: 'UN SDG Global Database (ITU custodian), snapshot of October 2020',
    licence: 'CC BY 4.0',
    columns: ['series_code', 'm49', 'iso3', 'sex', 'type_of_speed', 'year', 'value'],
    parse: (table) =>
      parseLong(table, {
        indicator: { column: 'series_code' },
        areaColumns: ['iso3', 'm49'],
        yearColumn: 'year',
        valueColumn: 'value',
        breakdownColumns: { sex: 'sex', type_of_speed: 'speed' },
      }),
    aggregateCodes: SDG_GROUPS,
  },
  {
    file: 'wdi_internet_users_incl_aggregates.csv',
    vintage: '2024-11-29',
    source: 'World Bank WDI IT.NET.USER.ZS (ITU), downloaded November 2024',
    licence: 'CC BY 4.0',
    columns: ['country_code', 'year', 'internet_users_pct'],
    parse: (table) =>
      parseLong(table, {
        indicator: { code: 'internet-use' },
        areaColumns: ['country_code'],
        yearColumn: 'year',
        valueColumn: 'internet_users_pct',
      }),
    aggregateCodes: WORLD_BANK_GROUPS,
  },
  {
    file: 'wb_population_incl_aggregates.csv',
    vintage: '2026-03-01',
    source: 'World Bank WDI SP.POP.TOTL (datasets/population, March 2026)',
    licence: 'CC BY 4.0',
    columns: ['country_code', 'year', 'population'],
    parse: (table) =>
      parseLong(table, { indicator: { code: 'population' }, areaColumns: ['country_code'], yearColumn: 'year', valueColumn: 'population' }),
    aggregateCodes: WORLD_BANK_GROUPS,
  },
  {
    file: 'ict_country_year.csv',
    vintage: '2026-03-01',
    source: 'World Bank WDI (ITU) via Gapminder systema_globalis and datasets/population, March 2026',
    licence: 'CC BY 4.0',
    columns: ['iso3', 'year'],
    parse: (table) =>
      parseWide(table, {
        areaColumn: 'iso3',
        yearColumn: 'year',
        indicators: {
          internet_users_pct: 'internet-use',
          mobile_cellular_subs_per_100: 'mobile-subscriptions',
          fixed_broadband_subs_per_100: 'fixed-broadband-subscriptions',
          gni_per_capita_atlas_usd: 'gni-per-capita',
          population: 'population',
        },
      }),
    aggregateCodes: {},
  },
];
