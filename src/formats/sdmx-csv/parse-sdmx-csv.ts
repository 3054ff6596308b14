/**
 * Reads SDMX-CSV text (1.0 or 2.0 layout, any delimiter, labels or not) into an SdmxCsvMessage.
 * The layout, delimiter and sub-field separator are all announced by the first header cell
 * (`DATAFLOW,` / `STRUCTURE[;];` …), so they are detected rather than configured, and any
 * departure from the layout is a FormatError naming the line, column and what was expected.
 */
import { parse } from 'csv-parse/sync';
import { FormatError } from '../csv/format-error.js';
import { parseStructureRef } from './structure-ref.js';
import type { SdmxAction, SdmxColumn, SdmxCsvMessage, SdmxCsvRow, SdmxCsvVersion, SdmxLabels, SdmxStructureType } from './types.js';

const STRUCTURE_TYPES: readonly SdmxStructureType[] = ['dataflow', 'datastructure', 'dataprovision'];
const ACTIONS: readonly SdmxAction[] = ['I', 'A', 'R', 'D'];
// Coded values are SDMX ids (letters, digits, _ @ $ - and dots for time periods like 2014-01).
const CODED_WITH_NAME = /^([A-Za-z0-9_@$.-]+): ([\s\S]*)$/;
const COMPONENT_HEADER = /^([^[\]:]+?)(?:\[([^\]]*)\])?(?:: ([\s\S]*))?$/;

interface Layout {
  readonly version: SdmxCsvVersion;
  readonly delimiter: string;
  readonly subFieldSeparator: string | null;
}

interface CsvRecord {
  readonly cells: readonly string[];
  readonly line: number;
}

function detectLayout(text: string, file: string): Layout {
  const match = /^"?(STRUCTURE|DATAFLOW)(?:\[([^\]]*)\])?"?([^A-Za-z0-9_"[])/.exec(text);
  if (match === null) {
    throw new FormatError({
      file,
      line: 1,
      column: 1,
      message: 'not SDMX-CSV: the first header must be STRUCTURE (2.0) or DATAFLOW (1.0) followed by the field separator',
    });
  }
  const [, first, bracket, delimiter] = match;
  if (delimiter === '\n' || delimiter === '\r' || delimiter === undefined) {
    throw new FormatError({
      file,
      line: 1,
      message: 'the header has only one column; SDMX-CSV needs at least the structure columns and one component',
    });
  }
  const version: SdmxCsvVersion = first === 'STRUCTURE' ? '2.0' : '1.0';
  if (version === '1.0' && bracket !== undefined) {
    throw new FormatError({
      file,
      line: 1,
      column: 1,
      message: 'DATAFLOW takes no [separator]; sub-field separators exist only in SDMX-CSV 2.0 (STRUCTURE[;])',
    });
  }
  const subFieldSeparator = bracket === undefined || bracket === '' ? null : bracket.charAt(0);
  return { version, delimiter, subFieldSeparator };
}

function readRecords(text: string, delimiter: string, file: string): CsvRecord[] {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // csv-parse's declarations do not model `info: true`, which wraps each record with its position.
    parsed = parse(text, { delimiter, info: true, skip_empty_lines: true }) as unknown as typeof parsed;
  } catch (error) {
    const e = error as { lines?: number; message: string };
    const message = e.message.replace(/^Invalid Record Length: expect (\d+), got (\d+) on line \d+$/, 'expected $1 fields, found $2');
    throw new FormatError({ file, ...(e.lines ? { line: e.lines } : {}), message });
  }
  // csv-parse reports the line a record ends on, and counts the \r and the \n of a CRLF inside a
  // quoted cell as two lines (and carries that into later records); undo both to get start lines.
  let overcount = 0;
  return parsed.map(({ record, info }) => {
    const counted = record.reduce((n, cell) => n + (cell.match(/[\r\n]/g)?.length ?? 0), 0);
    const crlf = record.reduce((n, cell) => n + (cell.match(/\r\n/g)?.length ?? 0), 0);
    const line = info.lines - counted - overcount;
    overcount += crlf;
    return { cells: record, line };
  });
}

function parseComponentHeader(header: string, separator: string | null, file: string, column: number): SdmxColumn {
  const match = COMPONENT_HEADER.exec(header);
  const id = match?.[1]?.trim();
  if (match === null || id === undefined || id === '') {
    throw new FormatError({ file, line: 1, column, message: `cannot read the column header "${header}"` });
  }
  const bracket = match[2];
  const label = match[3] ?? null;
  if (bracket === undefined) return { id, label, multiValued: false, languages: null };
  if (bracket === '') return { id, label, multiValued: true, languages: null };
  if (separator === null) {
    throw new FormatError({
      file,
      line: 1,
      column,
      field: id,
      message: `"${header}" lists languages, but the first header declares no sub-field separator (STRUCTURE[;])`,
    });
  }
  return { id, label, multiValued: false, languages: bracket.split(separator) };
}

interface HeaderLayout {
  readonly labels: SdmxLabels;
  readonly hasStructureName: boolean;
  readonly hasAction: boolean;
  /** Index of the first component cell. */
  readonly firstComponent: number;
  readonly columns: readonly SdmxColumn[];
}

function readHeader(header: readonly string[], layout: Layout, file: string): HeaderLayout {
  let index = 1;
  let hasStructureName = false;
  let hasAction = false;
  if (layout.version === '2.0') {
    if (header[1] !== 'STRUCTURE_ID') {
      throw new FormatError({
        file,
        line: 1,
        column: 2,
        message: `expected STRUCTURE_ID as the second header, found "${header[1] ?? ''}"`,
      });
    }
    index = 2;
    if (header[index] === 'STRUCTURE_NAME') {
      hasStructureName = true;
      index += 1;
    }
    if (header[index] === 'ACTION') {
      hasAction = true;
      index += 1;
    }
  }
  const firstComponent = index;
  const columns: SdmxColumn[] = [];
  const step = hasStructureName ? 2 : 1;
  if (hasStructureName && (header.length - firstComponent) % 2 !== 0) {
    throw new FormatError({
      file,
      line: 1,
      message: 'with STRUCTURE_NAME (labels=name) every component column must be followed by its name column; the count is odd',
    });
  }
  for (let i = firstComponent; i < header.length; i += step) {
    const column = parseComponentHeader(header[i] ?? '', layout.subFieldSeparator, file, i + 1);
    // With labels=name the component's name is the header of the column that follows it.
    columns.push(hasStructureName ? { ...column, label: header[i + 1] ?? null } : column);
  }
  const seen = new Set<string>();
  for (const column of columns) {
    if (seen.has(column.id)) throw new FormatError({ file, line: 1, field: column.id, message: `column "${column.id}" appears twice` });
    seen.add(column.id);
  }
  const labels: SdmxLabels = hasStructureName ? 'name' : columns.some((c) => c.label !== null) ? 'both' : 'id';
  return { labels, hasStructureName, hasAction, firstComponent, columns };
}

/**
 * In labels=both, "A: Annual" is the id A with its name; a list splits item by item. Without the
 * data structure a free-text cell that starts with one word and ": " looks the same and is split
 * too; serialising joins it back, so the text survives a round trip either way.
 */
function splitCodedCell(cell: string, column: SdmxColumn, separator: string | null): { value: string; label: string | null } {
  if (column.languages !== null) return { value: cell, label: null };
  const items = column.multiValued && separator !== null ? cell.split(separator) : [cell];
  const split = items.map((item) => CODED_WITH_NAME.exec(item));
  if (split.some((m) => m === null)) return { value: cell, label: null };
  const join = separator ?? '';
  return {
    value: split.map((m) => m?.[1] ?? '').join(join),
    label: split.map((m) => m?.[2] ?? '').join(join),
  };
}

function readRow(record: CsvRecord, layout: Layout, header: HeaderLayout, file: string): SdmxCsvRow {
  const { cells, line } = record;
  const fail = (column: number, field: string, message: string): FormatError => new FormatError({ file, line, column, field, message });

  let type: SdmxStructureType = 'dataflow';
  let refCell = cells[0] ?? '';
  let refColumn = 1;
  if (layout.version === '2.0') {
    const typeCell = (cells[0] ?? '').toLowerCase();
    const known = STRUCTURE_TYPES.find((t) => t === typeCell);
    if (known === undefined) throw fail(1, 'STRUCTURE', `expected dataflow, datastructure or dataprovision, found "${cells[0] ?? ''}"`);
    type = known;
    refCell = cells[1] ?? '';
    refColumn = 2;
  }
  const parsedRef = parseStructureRef(type, refCell);
  if (parsedRef === null) {
    throw fail(refColumn, layout.version === '2.0' ? 'STRUCTURE_ID' : 'DATAFLOW', `expected AGENCY:ID(VERSION), found "${refCell}"`);
  }
  let structureName = parsedRef.name;
  let index = refColumn;
  if (header.hasStructureName) {
    structureName = cells[index] === '' ? null : (cells[index] ?? null);
    index += 1;
  }
  let action: SdmxAction = 'I';
  if (header.hasAction) {
    const cell = (cells[index] ?? '').trim().toUpperCase();
    const known = ACTIONS.find((a) => a === cell);
    if (cell !== '' && known === undefined) throw fail(index + 1, 'ACTION', `expected one of I, A, R, D, found "${cells[index] ?? ''}"`);
    action = known ?? 'I';
  }

  const values: { [id: string]: string } = {};
  const labels: { [id: string]: string } = {};
  const step = header.hasStructureName ? 2 : 1;
  header.columns.forEach((column, i) => {
    const at = header.firstComponent + i * step;
    const cell = cells[at] ?? '';
    if (header.labels === 'name') {
      const name = cells[at + 1] ?? '';
      if (name !== '') labels[column.id] = name;
    }
    if (cell === '') return;
    if (header.labels === 'both') {
      const split = splitCodedCell(cell, column, layout.subFieldSeparator);
      values[column.id] = split.value;
      if (split.label !== null) labels[column.id] = split.label;
    } else {
      values[column.id] = cell;
    }
  });
  return { line, structure: parsedRef.ref, structureName, action, values, labels };
}

/**
 * Parse an SDMX-CSV message. `file` names the input in error messages.
 *
 * @example
 * const message = parseSdmxCsv(
 *   'STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,TIME_PERIOD,OBS_VALUE\n' +
 *   'dataflow,WB:WDI(1.0),I,A,KEN,2023,40.8\n',
 * );
 * message.version;          // '2.0'
 * message.rows[0]?.values;  // { FREQ: 'A', REF_AREA: 'KEN', TIME_PERIOD: '2023', OBS_VALUE: '40.8' }
 */
export function parseSdmxCsv(text: string, file = 'SDMX-CSV message'): SdmxCsvMessage {
  const body = text.replace(/^\uFEFF/, '');
  const layout = detectLayout(body, file);
  const [headerRecord, ...records] = readRecords(body, layout.delimiter, file);
  if (headerRecord === undefined) throw new FormatError({ file, line: 1, message: 'the message is empty' });
  const headerCells = headerRecord.cells.map((cell, i) => (i === 0 ? cell.replace(/\[[^\]]*\]$/, '') : cell));
  const header = readHeader(headerCells, layout, file);
  return {
    version: layout.version,
    delimiter: layout.delimiter,
    subFieldSeparator: layout.subFieldSeparator,
    labels: header.labels,
    hasActionColumn: header.hasAction,
    columns: header.columns,
    rows: records.map((record) => readRow(record, layout, header, file)),
  };
}
