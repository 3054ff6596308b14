/**
 * One element of an IATI file as the reader keeps it: name, namespace, attributes, children,
 * direct text and position. Reading through its accessors marks what was used, so that after an
 * activity is mapped every attribute, element and text the mapping did not touch can be reported
 * (report-unread.ts) — nothing is dropped without a word.
 */

export interface XmlAttribute {
  /** Qualified name as written (`ref`, `xml:lang`, `dstore:dataset`). */
  readonly name: string;
  /** Namespace URI; empty for IATI's own (unqualified) attributes. */
  readonly uri: string;
  readonly value: string;
}

export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

export class XmlNode {
  readonly children: XmlNode[] = [];
  text = '';
  /** Set when a mapping read this element (its own unread parts are then reported). */
  used = false;
  textRead = false;
  /** Set when a problem about the whole element was already reported: its parts are not walked. */
  settled = false;
  private readonly readAttributes = new Set<string>();

  constructor(
    /** Local name for IATI elements; qualified name (`prefix:local`) for extension elements. */
    readonly name: string,
    readonly uri: string,
    readonly attributes: readonly XmlAttribute[],
    readonly line: number,
    readonly column: number,
    readonly parent: XmlNode | null,
  ) {}

  /** The attribute's value (IATI's unqualified attributes and `xml:…`), marking it read. */
  attr(name: string): string | undefined {
    const found = this.attributes.find((a) => a.name === name && (a.uri === '' || a.uri === XML_NAMESPACE));
    if (found === undefined) return undefined;
    this.readAttributes.add(name);
    return found.value;
  }

  wasRead(attribute: XmlAttribute): boolean {
    return this.readAttributes.has(attribute.name);
  }

  /** IATI (no-namespace) children with that name, marking them used. */
  all(name: string): XmlNode[] {
    const found = this.children.filter((c) => c.uri === '' && c.name === name);
    for (const child of found) child.used = true;
    return found;
  }

  /** The element's own text, marking it read. */
  readText(): string {
    this.textRead = true;
    return this.text;
  }

  /** `iati-activities/iati-activity/budget/value`. */
  get path(): string {
    return this.parent === null ? this.name : `${this.parent.path}/${this.name}`;
  }

  /** The path below the activity (`budget/value`) or below the root, for schema lookups. */
  get site(): { line: number; column: number; path: string } {
    return { line: this.line, column: this.column, path: this.path };
  }
}
