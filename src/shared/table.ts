/**
 * A table read from a file, each row remembering its line, and the error that
 * names a cell. Shared by `core` (which builds reference data from tables) and
 * `formats` (which reads them), so that core never depends on a file format.
 */
import { FormatError } from './format-error.js';

export interface TableRow {
  /** Line of the record in the file (the header is line 1). */
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
}

export interface Table {
  readonly file: string;
  readonly columns: readonly string[];
  readonly rows: readonly TableRow[];
}

/**
 * The 1-based column of `field` in `table`, for error messages.
 * @example columnOf(table, 'm49') // 10
 */
export function columnOf(table: Table, field: string): number | undefined {
  const index = table.columns.indexOf(field);
  return index < 0 ? undefined : index + 1;
}

/** A FormatError about one cell: file, line, column, field and what is wrong. */
export function cellError(table: Table, row: TableRow, field: string, message: string): FormatError {
  const column = columnOf(table, field);
  return new FormatError({ file: table.file, line: row.line, ...(column ? { column } : {}), field, message });
}
