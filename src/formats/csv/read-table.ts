/**
 * Reads a CSV text with a header row into records that remember their line,
 * so every later validation error can name file, line, column and field.
 */
import { parse } from 'csv-parse/sync';
import { FormatError } from '../../shared/format-error.js';
import type { Table } from '../../shared/table.js';

// The table types and the cell error are shared with core (src/shared/table.ts).
export { cellError, columnOf, type Table, type TableRow } from '../../shared/table.js';

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
