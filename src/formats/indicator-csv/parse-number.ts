/** Strict number parsing for indicator cells: empty means no value, anything else must be a finite number. */
import type { InputLocation } from '../../core/indicators/types.js';
import { cellError, columnOf, type Table, type TableRow } from '../csv/read-table.js';

/** Why a value slot of an indicator file held nothing to store (summary keys). */
export const EMPTY_CELL = 'empty cell (no value)';

/**
 * @example numberCell(table, row, 'value') // 42.5, or null for an empty cell
 */
export function numberCell(table: Table, row: TableRow, field: string): number | null {
  const text = row.values[field] ?? '';
  if (text === '') return null;
  const value = Number(text);
  if (Number.isNaN(value)) throw cellError(table, row, field, `"${text}" is not a number`);
  // "1e400" parses to Infinity: a number no indicator can hold, so the file is wrong.
  if (!Number.isFinite(value)) throw cellError(table, row, field, `"${text}" is not a finite number`);
  return value;
}

/** A four-digit year between 1900 and 2100. */
export function yearCell(table: Table, row: TableRow, field: string): number {
  const text = row.values[field] ?? '';
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 1900 || year > 2100) throw cellError(table, row, field, `"${text}" is not a year (1900–2100)`);
  return year;
}

/** The cell's place in the file, carried by the observation for later checks. */
export function locationOf(table: Table, row: TableRow, field: string): InputLocation {
  const column = columnOf(table, field);
  return { line: row.line, ...(column ? { column } : {}), field };
}
