/**
 * Reads a CSV text with a header row into records that remember their line,
 * so every later validation error can name file, line, column and field.
 */
import { parse } from 'csv-parse/sync';
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
 * Parses `text` and checks that `required` columns are present.
 * @example readTable('a.csv', 'x,y\n1,2\n', ['x']).rows[0] // { line: 2, values: { x: '1', y: '2' } }
 */
export function readTable(file: string, text: string, required: readonly string[] = []): Table {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // csv-parse's type declarations do not model `info: true`, which wraps each record.
    records = parse(text.replace(/^\uFEFF/, ''), {
      info: true,
      relax_column_count: false,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (error) {
    const e = error as { lines?: number; column?: number; message: string };
    throw new FormatError({ file, ...(e.lines ? { line: e.lines } : {}), message: cleanMessage(e.message) });
  }
  const [header, ...body] = records;
  if (!header) throw new FormatError({ file, line: 1, message: 'the file is empty; a header row is required' });
  const columns = header.record.map((c) => c.trim());
  for (const name of required) {
    if (!columns.includes(name)) {
      throw new FormatError({ file, line: 1, field: name, message: `missing column "${name}"` });
    }
  }
  const rows = body.map(({ record, info }) => ({
    line: info.lines - lineSpan(record) + 1,
    values: Object.fromEntries(columns.map((c, i) => [c, (record[i] ?? '').trim()])),
  }));
  return { file, columns, rows };
}

/** Lines a record spans, for quoted cells holding line breaks (ESCO altLabels). */
function lineSpan(record: string[]): number {
  return 1 + record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
}

function cleanMessage(message: string): string {
  return message
    .replace(/^Invalid Record Length: expect (\d+), got (\d+) on line \d+$/, 'expected $1 fields, found $2')
    .replace(/^CsvError: /, '');
}

/**
 * The 1-based column of `field` in `table`, for error messages.
 * @example columnOf(table, 'm49') // 10
 */
export function columnOf(table: Table, field: string): number | undefined {
  const index = table.columns.indexOf(field);
  return index < 0 ? undefined : index + 1;
}

/** A FormatError about one cell. */
export function cellError(table: Table, row: TableRow, field: string, message: string): FormatError {
  const column = columnOf(table, field);
  return new FormatError({ file: table.file, line: row.line, ...(column ? { column } : {}), field, message });
}
