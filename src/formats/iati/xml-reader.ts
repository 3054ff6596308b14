/**
 * Reads XML text with saxes (a maintained, streaming, well-formedness-checking parser that gives
 * the line and column of every tag) and hands over the document element, then each of its children
 * as a small tree once it is closed — one activity at a time, so memory stays bounded by the
 * largest activity, not the file.
 *
 * Hostile input is refused before it costs anything:
 * - size: text longer than `maxLength` is refused before parsing;
 * - DOCTYPE: refused at once. IATI files never need one, and a DOCTYPE is the only door to entity
 *   expansion ("billion laughs") and external entities (XXE). saxes never expands or fetches
 *   entities anyway; an undeclared entity reference is a well-formedness error;
 * - depth: nesting deeper than `maxDepth` is refused at the tag that crosses it (IATI 2.03 needs 9).
 */
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';
import { IatiFormatError, type IatiProblemCode } from './problems.js';
import { XMLNS_NAMESPACE, XSI_NAMESPACE, XmlNode, type XmlAttribute } from './xml-node.js';

export interface XmlLimits {
  /** Longest text accepted, in UTF-16 code units (about characters). */
  readonly maxLength: number;
  /** Deepest element nesting accepted (the document element is depth 1). */
  readonly maxDepth: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = { maxLength: 100 * 1024 * 1024, maxDepth: 40 };

export interface XmlHandlers {
  /** The document element with its attributes (no children yet); may throw to refuse the file. */
  onRoot(root: XmlNode): void;
  /** Each child of the document element, complete, in document order. */
  onChild(child: XmlNode): void;
  /** The XML declaration's `encoding`, when one is given. */
  onEncoding(encoding: string, line: number): void;
}

function refuse(file: string, code: IatiProblemCode, line: number, column: number, message: string): IatiFormatError {
  return new IatiFormatError({ code, severity: 'error', file, line, column, path: null, activity: null, message, count: 1 });
}

function attributesOf(tag: SaxesTagNS): XmlAttribute[] {
  const attributes: XmlAttribute[] = [];
  for (const attribute of Object.values(tag.attributes) as SaxesAttributeNS[]) {
    // Namespace declarations and xsi:schemaLocation hints describe the document, not the activity.
    if (attribute.uri === XMLNS_NAMESPACE || attribute.uri === XSI_NAMESPACE || attribute.name === 'xmlns') continue;
    attributes.push({ name: attribute.name, uri: attribute.uri, value: attribute.value });
  }
  return attributes;
}

/**
 * Parses `text`, calling the handlers as the document streams by; throws IatiFormatError for
 * malformed or refused input with the line and column where it was found.
 */
export function readXml(text: string, file: string, limits: XmlLimits, handlers: XmlHandlers): void {
  if (text.length > limits.maxLength) {
    throw refuse(file, 'too-large', 1, 1, `the file has ${text.length} characters; at most ${limits.maxLength} are read`);
  }
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  // A CSV or JSON upload would only fail at its end ("text outside the root"); say so where it starts.
  const first = /\S/.exec(body);
  if (first !== null && first[0] !== '<') {
    const before = body.slice(0, first.index);
    const line = before.split('\n').length;
    throw refuse(file, 'malformed-xml', line, first.index - before.lastIndexOf('\n'), 'not XML: the file does not start with <');
  }
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlNode[] = [];
  let start = { line: 1, column: 1 };

  parser.on('error', (error) => {
    const message = error.message.replace(/^\d+:\d+: /, '');
    throw refuse(file, 'malformed-xml', parser.line, parser.column, `not well-formed XML: ${message}`);
  });
  parser.on('xmldecl', (declaration) => {
    if (declaration.encoding !== undefined) handlers.onEncoding(declaration.encoding, parser.line);
  });
  parser.on('doctype', () => {
    // saxes reports the DOCTYPE once it has read all of it; point at where it starts.
    const at = text.indexOf('<!DOCTYPE');
    const before = at < 0 ? '' : text.slice(0, at);
    const line = at < 0 ? parser.line : before.split('\n').length;
    const column = at < 0 ? parser.column : at - before.lastIndexOf('\n');
    const message = 'a DOCTYPE declaration is not accepted: IATI files have none, and it can hide entity expansion';
    throw refuse(file, 'doctype-refused', line, column, message);
  });
  parser.on('opentagstart', (tag) => {
    // saxes' column is just past the name; the tag's `<` is one before the name.
    start = { line: parser.line, column: Math.max(1, parser.column - tag.name.length - 1) };
    if (stack.length >= limits.maxDepth) {
      throw refuse(file, 'too-deep', start.line, start.column, `elements are nested deeper than ${limits.maxDepth} levels`);
    }
  });
  parser.on('opentag', (tag) => {
    const parent = stack.at(-1) ?? null;
    const name = tag.uri === '' ? tag.local : tag.name;
    const node = new XmlNode(name, tag.uri, attributesOf(tag), start.line, start.column, parent);
    if (parent === null) handlers.onRoot(node);
    else if (stack.length > 1) parent.children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => {
    const node = stack.pop();
    if (node !== undefined && stack.length === 1) handlers.onChild(node);
  });
  const addText = (data: string) => {
    const current = stack.at(-1);
    if (current !== undefined && stack.length > 1) current.text += data;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);

  parser.write(body);
  parser.close();
}
