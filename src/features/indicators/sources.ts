/**
 * The indicator files the platform knows how to read, with what each holds,
 * who published it and when (its vintage). Import order is by vintage, so a
 * newer publication revises an older one and the older value goes to history. The World Bank and
 * SDG files also carry their publishers' own group aggregates (WLD, LDC, income groups; M49
 * regions): they are kept beside ours for comparison, never in place of ours.
 */
import type { ParsedObservations } from '../../core/indicators/index.js';
import type { Table } from '../../formats/csv/read-table.js';
import { parseLong, parseWide } from '../../formats/indicator-csv/index.js';

export interface IndicatorFileSpec {
  readonly file: string;
  /** ISO date the source published this data (first of the month when only the month is known). */
  readonly vintage: string;
  readonly source: string;
  readonly licence: string;
  readonly columns: readonly string[];
  readonly parse: (table: Table) => ParsedObservations;
  /**
   * Values the source publishes that cannot be true (a share above 100 %), keyed
   * `code|area|year|breakdown values` as the file writes them, with why: left out and counted,
   * never stored. Any other implausible value refuses the file.
   */
  readonly knownErrors?: ReadonlyMap<string, string>;
}

/** Shares above 100 % in the SDG snapshot (Oct 2020): coverage and ownership measured against an outdated population estimate. */
const SDG_KNOWN_ERRORS = new Map([
  ['IT_MOB_2GNTWK|LCA|2016|', '2G coverage of Saint Lucia 101 %'],
  ['IT_MOB_2GNTWK|LCA|2018|', '2G coverage of Saint Lucia 104 %'],
  ['IT_MOB_OWN|CRI|2016|bothsex', 'mobile ownership in Costa Rica 111.1 %'],
  ['IT_MOB_OWN|CRI|2016|female', 'mobile ownership of women in Costa Rica 109.5 %'],
  ['IT_MOB_OWN|CRI|2016|male', 'mobile ownership of men in Costa Rica 112.9 %'],
  ['IT_MOB_OWN|ZAF|2015|male', 'mobile ownership of men in South Africa 132.8 %'],
]);

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
    knownErrors: SDG_KNOWN_ERRORS,
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
  },
  {
    file: 'wb_population_incl_aggregates.csv',
    vintage: '2026-03-01',
    source: 'World Bank WDI SP.POP.TOTL (datasets/population, March 2026)',
    licence: 'CC BY 4.0',
    columns: ['country_code', 'year', 'population'],
    parse: (table) =>
      parseLong(table, { indicator: { code: 'population' }, areaColumns: ['country_code'], yearColumn: 'year', valueColumn: 'population' }),
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
  },
];
