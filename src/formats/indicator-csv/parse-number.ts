/** Strict number parsing for indicator cells: empty means no value, anything else must be a finite number. */
import { cellError, type Table, type TableRow } from '../csv/read-table.js';

/**
 * @example numberCell(table, row, 'value') // 42.5, or null for an empty cell
 */
export function numberCell(table: Table, row: TableRow, field: string): number | null {
  const text = row.values[field] ?? '';
  if (text === '') return null;
  const value = Number(text);
  if (!Number.isFinite(value)) throw cellError(table, row, field, `"${text}" is not a number`);
  return value;
}

/** A four-digit year between 1900 and 2100. */
export function yearCell(table: Table, row: TableRow, field: string): number {
  const text = row.values[field] ?? '';
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 1900 || year > 2100) throw cellError(table, row, field, `"${text}" is not a year (1900–2100)`);
  return year;
}
