/**
 * Reading a bulk import file — CSV in the template, or JSON (an array of the
 * API's create bodies) — into create bodies that remember where each value
 * came from, so that every problem names the file, line, column and field.
 * Nothing is validated here beyond the file's shape; the transfer services
 * validate every record before writing any.
 */
import { createHash } from 'node:crypto';
import type { ZodError } from 'zod';
import { FormatError, formatProblem, type FormatProblem } from '../../formats/csv/format-error.js';
import { columnOf, readTable } from '../../formats/csv/read-table.js';
import { jsonPositions, positionOf, syntaxErrorOffset } from '../../formats/json/locate.js';
import type { Problem } from '../../core/capacity/plausibility.js';
import { bodyFromRow, columnOfPath, type ColumnSpec } from './csv-template.js';

export interface ImportFile {
  /** Shown in every problem: the path given on the command line, or the upload's name. */
  readonly name: string;
  readonly text: string;
}

/** The most records one file may hold; split larger catalogues. */
export const MAX_RECORDS = 20_000;
/** Problems listed in one error; the count of the rest is given. */
const MAX_LISTED = 50;

/** Every problem found in a file, each located; thrown before anything is written. */
export class ImportProblems extends FormatError {
  override name = 'ImportProblems';
  readonly problems: readonly FormatProblem[];
  constructor(problems: readonly FormatProblem[]) {
    // By line and column, as a person fixes a file from top to bottom.
    const sorted = [...problems].toSorted((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    super(sorted[0]!);
    this.problems = sorted;
    const listed = sorted.slice(0, MAX_LISTED).map(formatProblem);
    const more = problems.length > MAX_LISTED ? [`… and ${problems.length - MAX_LISTED} more problems`] : [];
    this.message = [`${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported:`, ...listed, ...more].join('\n');
  }
}

export interface ImportItem {
  /** The create body as read (not validated). */
  readonly body: Record<string, unknown>;
  /** False when a cell or element could not be read at all (already a problem): do not validate it further. */
  readonly readable: boolean;
  /** Where a field of this record is in the file. */
  readonly locate: (path: readonly (string | number)[], message: string) => FormatProblem;
}

export interface ParsedFile {
  readonly items: ImportItem[];
  /** Problems of the file's shape (unreadable cells, unknown columns). */
  readonly problems: FormatProblem[];
  readonly sha256: string;
}

/** CSV or JSON, by the name's extension, else by the first character. */
function isJson(file: ImportFile): boolean {
  if (/\.json$/i.test(file.name)) return true;
  if (/\.csv$/i.test(file.name)) return false;
  return file.text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('[');
}

/**
 * @example const { items, problems } = parseImportFile({ name: 'offerings.csv', text }, template)
 */
export function parseImportFile(
  file: ImportFile,
  template: { specs: readonly ColumnSpec[]; required: readonly string[]; exportOnly: readonly string[] },
): ParsedFile {
  const sha256 = createHash('sha256').update(file.text).digest('hex');
  const parsed = isJson(file) ? parseJson(file) : parseCsv(file, template);
  if (parsed.items.length === 0 && parsed.problems.length === 0) {
    throw new FormatError({ file: file.name, message: 'the file holds no records' });
  }
  if (parsed.items.length > MAX_RECORDS) {
    throw new FormatError({ file: file.name, message: `${parsed.items.length} records: at most ${MAX_RECORDS} per file; split it` });
  }
  return { ...parsed, sha256 };
}

function parseCsv(
  file: ImportFile,
  template: { specs: readonly ColumnSpec[]; required: readonly string[]; exportOnly: readonly string[] },
) {
  const table = readTable(file.name, file.text, template.required);
  const known = new Set([...template.specs.map((s) => s.column), ...template.exportOnly]);
  const problems: FormatProblem[] = table.columns
    .map((name, i) => ({ name, column: i + 1 }))
    .filter(({ name }) => !known.has(name))
    .map(({ name, column }) => ({
      file: file.name,
      line: 1,
      column,
      field: name,
      message: `unknown column "${name}"; see docs/data/offerings-csv.md`,
    }));
  const items = table.rows.map((row): ImportItem => {
    const { body, problems: cellProblems } = bodyFromRow(template.specs, row.values);
    const at = (column: string | undefined, message: string): FormatProblem => {
      const index = column ? columnOf(table, column) : undefined;
      return { file: file.name, line: row.line, ...(index ? { column: index } : {}), ...(column ? { field: column } : {}), message };
    };
    problems.push(...cellProblems.map((p) => at(p.column, p.message)));
    return { body, readable: cellProblems.length === 0, locate: (path, message) => at(columnOfPath(template.specs, path, body), message) };
  });
  return { items, problems };
}

function parseJson(file: ImportFile) {
  const text = file.text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const offset = syntaxErrorOffset(text);
    const before = offset === undefined ? undefined : text.slice(0, offset);
    const where = before === undefined ? {} : { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
    throw new FormatError({ file: file.name, ...where, message: `not valid JSON: ${String(error).replace(/^SyntaxError: /, '')}` });
  }
  if (!Array.isArray(data))
    throw new FormatError({ file: file.name, line: 1, column: 1, message: 'must be a JSON array of records (create bodies)' });
  const positions = jsonPositions(text);
  const problems: FormatProblem[] = [];
  const items = data.map((element, index): ImportItem => {
    const locate = (path: readonly (string | number)[], message: string): FormatProblem => {
      const position = positionOf(positions, [index, ...path]);
      const field = path.filter((p) => typeof p === 'string').join('.');
      return { file: file.name, ...position, ...(field ? { field } : {}), message };
    };
    if (element === null || typeof element !== 'object' || Array.isArray(element)) {
      problems.push(locate([], 'each element must be an object (a create body)'));
      return { body: {}, readable: false, locate };
    }
    return { body: element as Record<string, unknown>, readable: true, locate };
  });
  return { items, problems };
}

/** Zod issues of one record as located problems. */
export function zodProblems(item: ImportItem, error: ZodError): FormatProblem[] {
  return error.issues.map((issue) => item.locate(issue.path as (string | number)[], issue.message));
}

/** Domain problems (plausibility, vocabulary) of one record as located problems. */
export function domainProblems(item: ImportItem, problems: readonly Problem[]): FormatProblem[] {
  return problems.map((p) => item.locate(p.path, p.message));
}
