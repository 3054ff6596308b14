/**
 * Wide indicator tables: one row per area and year, one column per indicator
 * (`ict_country_year.csv`). Empty cells are missing values, not zeros.
 */
import type { Observation, ParsedObservations } from '../../core/indicators/index.js';
import { FormatError } from '../csv/format-error.js';
import { cellError, type Table } from '../csv/read-table.js';
import { EMPTY_CELL, locationOf, numberCell, yearCell } from './parse-number.js';

export interface WideLayout {
  readonly areaColumn: string;
  readonly yearColumn: string;
  /** Value columns and the indicator code (or alias) each holds. */
  readonly indicators: Readonly<Record<string, string>>;
}

/**
 * Every row × indicator column is one value slot: an observation, or counted as an empty cell.
 * @example parseWide(table, { areaColumn: 'iso3', yearColumn: 'year', indicators: { population: 'population' } })
 */
export function parseWide(table: Table, layout: WideLayout): ParsedObservations {
  const columns = Object.entries(layout.indicators).filter(([column]) => table.columns.includes(column));
  if (columns.length === 0) {
    const expected = Object.keys(layout.indicators).join(', ');
    throw new FormatError({ file: table.file, line: 1, message: `no indicator column: expected at least one of ${expected}` });
  }
  const observations: Observation[] = [];
  let empty = 0;
  for (const row of table.rows) {
    const area = row.values[layout.areaColumn] ?? '';
    if (area === '') throw cellError(table, row, layout.areaColumn, 'a row needs an area code');
    const year = yearCell(table, row, layout.yearColumn);
    for (const [column, indicator] of columns) {
      const value = numberCell(table, row, column);
      if (value === null) empty += 1;
      else
        observations.push({ indicator, area, year, value, estimate: false, note: null, breakdown: {}, at: locationOf(table, row, column) });
    }
  }
  return { observations, deletions: [], skipped: empty > 0 ? { [EMPTY_CELL]: empty } : {} };
}
