/**
 * Wide indicator tables: one row per area and year, one column per indicator
 * (`ict_country_year.csv`). Empty cells are missing values, not zeros.
 */
import type { Observation } from '../../core/indicators/index.js';
import type { Table } from '../csv/read-table.js';
import { numberCell, yearCell } from './parse-number.js';

export interface WideLayout {
  readonly areaColumn: string;
  readonly yearColumn: string;
  /** Value columns and the indicator code (or alias) each holds. */
  readonly indicators: Readonly<Record<string, string>>;
}

/**
 * @example parseWide(table, { areaColumn: 'iso3', yearColumn: 'year', indicators: { population: 'population' } })
 */
export function parseWide(table: Table, layout: WideLayout): Observation[] {
  const observations: Observation[] = [];
  for (const row of table.rows) {
    const area = row.values[layout.areaColumn] ?? '';
    const year = yearCell(table, row, layout.yearColumn);
    for (const [column, indicator] of Object.entries(layout.indicators)) {
      const value = numberCell(table, row, column);
      if (value !== null) observations.push({ indicator, area, year, value, estimate: false, note: null, breakdown: {} });
    }
  }
  return observations;
}
