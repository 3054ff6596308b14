/**
 * Writes an SdmxCsvMessage as SDMX-CSV text in its own layout (1.0 or 2.0), delimiter and label
 * mode, so a parsed message serialises back to an equivalent message. What a layout cannot say
 * (an ACTION or a non-dataflow structure in 1.0) is refused rather than silently dropped.
 */
import { csvLine } from './csv-fields.js';
import { formatStructureRef } from './structure-ref.js';
import type { SdmxColumn, SdmxCsvMessage, SdmxCsvRow } from './types.js';

export interface SerialiseOptions {
  /** RFC 4180 says CRLF; pass '\n' for files that live in git. */
  readonly lineEnding?: '\r\n' | '\n';
}

function componentHeader(column: SdmxColumn, message: SdmxCsvMessage): string {
  const separator = message.subFieldSeparator ?? '';
  const bracket = column.multiValued ? '[]' : column.languages !== null ? `[${column.languages.join(separator)}]` : '';
  const label = message.labels === 'both' && column.label !== null ? `: ${column.label}` : '';
  return `${column.id}${bracket}${label}`;
}

function headerFields(message: SdmxCsvMessage): string[] {
  const components = message.columns.flatMap((column) =>
    message.labels === 'name' ? [componentHeader(column, message), column.label ?? column.id] : [componentHeader(column, message)],
  );
  if (message.version === '1.0') return ['DATAFLOW', ...components];
  const structure = message.subFieldSeparator === null ? 'STRUCTURE' : `STRUCTURE[${message.subFieldSeparator}]`;
  return [
    structure,
    'STRUCTURE_ID',
    ...(message.labels === 'name' ? ['STRUCTURE_NAME'] : []),
    ...(message.hasActionColumn ? ['ACTION'] : []),
    ...components,
  ];
}

function withName(id: string, name: string | undefined | null, message: SdmxCsvMessage): string {
  return message.labels === 'both' && name !== undefined && name !== null && name !== '' ? `${id}: ${name}` : id;
}

/** In labels=both a list cell carries "id: name" item by item. */
function componentCell(row: SdmxCsvRow, column: SdmxColumn, message: SdmxCsvMessage): string {
  const value = row.values[column.id] ?? '';
  const label = row.labels[column.id];
  if (message.labels !== 'both' || label === undefined || value === '') return value;
  if (!column.multiValued || message.subFieldSeparator === null) return `${value}: ${label}`;
  const separator = message.subFieldSeparator;
  const names = label.split(separator);
  return value
    .split(separator)
    .map((item, i) => withName(item, names[i], message))
    .join(separator);
}

function rowFields(row: SdmxCsvRow, message: SdmxCsvMessage): string[] {
  const reference = withName(formatStructureRef(row.structure), row.structureName, message);
  const components = message.columns.flatMap((column) =>
    message.labels === 'name' ? [row.values[column.id] ?? '', row.labels[column.id] ?? ''] : [componentCell(row, column, message)],
  );
  if (message.version === '1.0') {
    if (row.structure.type !== 'dataflow') {
      throw new RangeError(`SDMX-CSV 1.0 can only reference dataflows; row ${row.line} references a ${row.structure.type}`);
    }
    if (row.action !== 'I') throw new RangeError(`SDMX-CSV 1.0 has no ACTION column; row ${row.line} has action ${row.action}`);
    return [reference, ...components];
  }
  if (!message.hasActionColumn && row.action !== 'I') {
    throw new RangeError(`the message has no ACTION column; row ${row.line} has action ${row.action}`);
  }
  return [
    row.structure.type,
    reference,
    ...(message.labels === 'name' ? [row.structureName ?? ''] : []),
    ...(message.hasActionColumn ? [row.action] : []),
    ...components,
  ];
}

/**
 * Serialise a message to SDMX-CSV text, ending with a line break.
 *
 * @example
 * serialiseSdmxCsv(parseSdmxCsv(text), { lineEnding: '\n' }); // same message as `text`
 */
export function serialiseSdmxCsv(message: SdmxCsvMessage, options: SerialiseOptions = {}): string {
  if (message.version === '1.0' && message.labels === 'name') {
    throw new RangeError('SDMX-CSV 1.0 has no separate name columns (labels=name); use labels "both" or "id"');
  }
  const listColumn = message.columns.find((column) => column.multiValued || column.languages !== null);
  if (listColumn !== undefined && (message.version === '1.0' || message.subFieldSeparator === null)) {
    throw new RangeError(
      `column ${listColumn.id} holds lists or languages, which need SDMX-CSV 2.0 with a sub-field separator (STRUCTURE[;])`,
    );
  }
  const end = options.lineEnding ?? '\r\n';
  const lines = [headerFields(message), ...message.rows.map((row) => rowFields(row, message))];
  return lines.map((fields) => csvLine(fields, message.delimiter)).join(end) + end;
}
