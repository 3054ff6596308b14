/**
 * CSV of an insights table: a header row then data rows, RFC 4180 quoting, and
 * a leading apostrophe on a text cell a spreadsheet would run as a formula
 * (a need's title is written by its requester).
 */
import { stringify } from 'csv-stringify/sync';

export type CsvRows = readonly (readonly (string | number)[])[];

const FORMULA = /^[=+\-@\t\r]/;

/** @example toCsv([['topic', 'open'], ['cybersecurity', 3]]) // 'topic,open\r\ncybersecurity,3\r\n' */
export function toCsv(rows: CsvRows): string {
  return stringify(
    rows.map((row) => row.map((cell) => (typeof cell === 'string' && FORMULA.test(cell) ? `'${cell}` : cell))),
    { record_delimiter: '\r\n' },
  );
}
