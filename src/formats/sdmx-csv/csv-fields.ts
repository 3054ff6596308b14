/**
 * RFC 4180 field quoting for the serialiser. Written here rather than taken from a library
 * because SDMX-CSV needs only this much, and a custom delimiter must be quoted like a comma.
 */

/**
 * Quote a field when it holds the delimiter, a double quote or a line break; double inner quotes.
 * Spaces are data in RFC 4180, so they are neither trimmed nor a reason to quote.
 *
 * @example
 * csvField('Normal, special', ','); // '"Normal, special"'
 * csvField('12,4', ';');            // '12,4'
 */
export function csvField(value: string, delimiter: string): string {
  if (value.includes(delimiter) || /["\r\n]/.test(value)) return `"${value.replaceAll('"', '""')}"`;
  return value;
}

/**
 * One CSV line without its line ending.
 *
 * @example
 * csvLine(['a', 'b "c"'], ','); // 'a,"b ""c"""'
 */
export function csvLine(fields: readonly string[], delimiter: string): string {
  return fields.map((field) => csvField(field, delimiter)).join(delimiter);
}
