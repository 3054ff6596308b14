/**
 * Writes XML text line by line with two-space indentation. Text and attribute values are escaped
 * so that a parser gives back exactly the string written: `&` `<` `>` always, `"` in attributes,
 * and carriage returns (and, in attributes, tabs and line feeds) as character references, because
 * XML parsers normalise them otherwise.
 */

const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = { ...TEXT_ESCAPES, '"': '&quot;', '\t': '&#9;', '\n': '&#10;' };

export function escapeText(text: string): string {
  return text.replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

/** Attributes in the order given; `null` values are left out. */
export type Attributes = readonly (readonly [name: string, value: string | null])[];

function attributeText(attributes: Attributes): string {
  return attributes
    .filter((pair): pair is readonly [string, string] => pair[1] !== null)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
}

/**
 * A decimal as xsd:decimal writes it: never in exponent notation (`1e-7` → `0.0000001`).
 * @example formatDecimal(116091.44) // '116091.44'
 */
export function formatDecimal(value: number): string {
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (match === null) return text;
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText);
  const digits = whole + fraction;
  return exponent < 0
    ? `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`
    : `${sign}${digits}${'0'.repeat(Math.max(0, exponent - fraction.length))}`;
}

export class XmlWriter {
  private readonly lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  private depth = 0;

  private line(text: string): void {
    this.lines.push(`${'  '.repeat(this.depth)}${text}`);
  }

  open(name: string, attributes: Attributes = []): void {
    this.line(`<${name}${attributeText(attributes)}>`);
    this.depth += 1;
  }

  close(name: string): void {
    this.depth -= 1;
    this.line(`</${name}>`);
  }

  empty(name: string, attributes: Attributes = []): void {
    this.line(`<${name}${attributeText(attributes)}/>`);
  }

  text(name: string, attributes: Attributes, text: string): void {
    this.line(`<${name}${attributeText(attributes)}>${escapeText(text)}</${name}>`);
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}
