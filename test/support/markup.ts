/**
 * Parses the markup a chart renders (SVG inside an HTML figure, all well-formed XML) into a
 * small element tree, so tests assert on elements and attributes instead of snapshots.
 * Parsing fails on anything that is not well-formed, which is itself part of the test.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface El {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly El[];
  /** Text directly inside this element (not its descendants). */
  readonly ownText: string;
}

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
});

function convert(node: Node): El | string {
  const name = Object.keys(node).find((k) => k !== ':@')!;
  const content = node[name];
  if (name === '#text') return String(content);
  const kids = (content as Node[]).map(convert);
  return {
    name,
    attrs: node[':@'] ?? {},
    children: kids.filter((k): k is El => typeof k !== 'string'),
    ownText: kids.filter((k): k is string => typeof k === 'string').join(''),
  };
}

/** @example const figure = parseMarkup(chart.html.toString()); */
export function parseMarkup(markup: string): El {
  const valid = XMLValidator.validate(markup);
  if (valid !== true) throw new Error(`not well-formed: ${valid.err.msg} at line ${valid.err.line}, column ${valid.err.col}`);
  const nodes = parser.parse(markup) as Node[];
  const root = convert(nodes[0]!);
  if (typeof root === 'string') throw new Error('markup starts with text');
  return root;
}

/** Every element below `el` (depth first) that matches. */
export function findAll(el: El, match: (e: El) => boolean): El[] {
  const out: El[] = [];
  const walk = (e: El) => {
    for (const c of e.children) {
      if (match(c)) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

/** Elements by tag name and, optionally, a class they carry. */
export function select(el: El, tag: string, cls?: string): El[] {
  return findAll(el, (e) => e.name === tag && (cls === undefined || (e.attrs['class'] ?? '').split(' ').includes(cls)));
}

/** All text inside `el`, descendants included. */
export function textOf(el: El): string {
  return el.ownText + el.children.map(textOf).join('');
}
