/**
 * Long indicator tables: one row per observation, with the indicator, area,
 * year and value in columns and optional breakdown columns
 * (`sdg_ict_indicators_2020_snapshot.csv`, the World Bank files).
 */
import type { Observation, ParsedObservations } from '../../core/indicators/index.js';
import { cellError, type Table } from '../csv/read-table.js';
import { EMPTY_CELL, locationOf, numberCell, yearCell } from './parse-number.js';

export interface LongLayout {
  /** Column holding the indicator code, or a fixed code for single-indicator files. */
  readonly indicator: { readonly column: string } | { readonly code: string };
  /** Area columns tried in order; the first non-empty one wins (ISO3, then M49 for aggregates). */
  readonly areaColumns: readonly string[];
  readonly yearColumn: string;
  readonly valueColumn: string;
  /** Breakdown columns and the dimension each holds (sex, speed). */
  readonly breakdownColumns?: Readonly<Record<string, string>>;
}

/**
 * Every row is one value slot: an observation, or counted under `skipped` (an empty value cell).
 * @example parseLong(table, { indicator: { column: 'series_code' }, areaColumns: ['iso3', 'm49'], yearColumn: 'year', valueColumn: 'value' })
 */
export function parseLong(table: Table, layout: LongLayout): ParsedObservations {
  const observations: Observation[] = [];
  let empty = 0;
  for (const row of table.rows) {
    const value = numberCell(table, row, layout.valueColumn);
    if (value === null) {
      empty += 1;
      continue;
    }
    const indicator = 'code' in layout.indicator ? layout.indicator.code : (row.values[layout.indicator.column] ?? '');
    if (indicator === '' && 'column' in layout.indicator)
      throw cellError(table, row, layout.indicator.column, 'an observation needs an indicator');
    const area = layout.areaColumns.map((c) => row.values[c] ?? '').find((a) => a !== '') ?? '';
    if (area === '') throw cellError(table, row, layout.areaColumns[0] ?? 'area', 'an observation needs an area code');
    const breakdown: Record<string, string> = {};
    for (const [column, dimension] of Object.entries(layout.breakdownColumns ?? {})) {
      const v = row.values[column];
      if (v) breakdown[dimension] = v;
    }
    observations.push({
      indicator,
      area,
      year: yearCell(table, row, layout.yearColumn),
      value,
      estimate: false,
      note: null,
      breakdown,
      at: locationOf(table, row, layout.valueColumn),
    });
  }
  return { observations, deletions: [], skipped: empty > 0 ? { [EMPTY_CELL]: empty } : {} };
}
