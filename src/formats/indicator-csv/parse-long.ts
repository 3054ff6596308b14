/**
 * Long indicator tables: one row per observation, with the indicator, area,
 * year and value in columns and optional breakdown columns
 * (`sdg_ict_indicators_2020_snapshot.csv`, the World Bank files).
 */
import type { Observation } from '../../core/indicators/index.js';
import type { Table } from '../csv/read-table.js';
import { numberCell, yearCell } from './parse-number.js';

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
 * @example parseLong(table, { indicator: { column: 'series_code' }, areaColumns: ['iso3', 'm49'], yearColumn: 'year', valueColumn: 'value' })
 */
export function parseLong(table: Table, layout: LongLayout): Observation[] {
  const observations: Observation[] = [];
  for (const row of table.rows) {
    const value = numberCell(table, row, layout.valueColumn);
    if (value === null) continue;
    const indicator = 'code' in layout.indicator ? layout.indicator.code : (row.values[layout.indicator.column] ?? '');
    const area = layout.areaColumns.map((c) => row.values[c] ?? '').find((a) => a !== '') ?? '';
    const breakdown: Record<string, string> = {};
    for (const [column, dimension] of Object.entries(layout.breakdownColumns ?? {})) {
      const v = row.values[column];
      if (v) breakdown[dimension] = v;
    }
    observations.push({ indicator, area, year: yearCell(table, row, layout.yearColumn), value, estimate: false, note: null, breakdown });
  }
  return observations;
}
