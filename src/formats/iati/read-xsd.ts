/**
 * Reads an XML Schema (the IATI activity schema and the files it includes) into its vocabulary:
 * for every element path reachable from a root element, the attributes and child elements the
 * schema allows there. Only the constructs IATI's schemas use are understood: global and local
 * elements (`name`, `ref`, `type`), named and anonymous complex types, `sequence`, `choice`,
 * `simpleContent` and `complexContent` extensions, attributes by `name` or `ref`.
 *
 * The importer does not read XSDs at run time (formats do no I/O); the drift test checks that
 * schema-vocabulary.ts equals what this reads from the shipped 2.03 schema.
 */
import { SaxesParser } from 'saxes';

interface XsdNode {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XsdNode[];
}

export interface ElementVocabulary {
  readonly attributes: readonly string[];
  readonly children: readonly string[];
}

function parseXsd(text: string): XsdNode {
  const parser = new SaxesParser();
  const root: XsdNode = { tag: '#root', attrs: {}, children: [] };
  const stack: XsdNode[] = [root];
  parser.on('opentag', (tag) => {
    const node: XsdNode = { tag: tag.name.replace(/^xsd?:/, ''), attrs: tag.attributes as Record<string, string>, children: [] };
    stack.at(-1)?.children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(text).close();
  return root;
}

/** The vocabulary of every path under `rootElement`, keyed `root/child/…`. */
export function readXsdVocabulary(schemaTexts: readonly string[], rootElement: string): Record<string, ElementVocabulary> {
  const schemas = schemaTexts.map(parseXsd).flatMap((root) => root.children.filter((c) => c.tag === 'schema'));
  const globalElements = new Map<string, XsdNode>();
  const complexTypes = new Map<string, XsdNode>();
  for (const schema of schemas) {
    for (const child of schema.children) {
      if (child.tag === 'element' && child.attrs['name']) globalElements.set(child.attrs['name'], child);
      if (child.tag === 'complexType' && child.attrs['name']) complexTypes.set(child.attrs['name'], child);
    }
  }

  const vocabulary: Record<string, ElementVocabulary> = {};

  /** Collects attributes and child element declarations of a complex type (or content model). */
  function collect(node: XsdNode, attributes: string[], children: XsdNode[]): void {
    for (const child of node.children) {
      switch (child.tag) {
        case 'sequence':
        case 'choice':
        case 'simpleContent':
        case 'complexContent':
          collect(child, attributes, children);
          break;
        case 'extension': {
          const base = complexTypes.get(child.attrs['base'] ?? '');
          if (base !== undefined) collect(base, attributes, children);
          collect(child, attributes, children);
          break;
        }
        case 'element':
          children.push(child);
          break;
        case 'attribute': {
          const name = child.attrs['name'] ?? child.attrs['ref'];
          if (name !== undefined) attributes.push(name);
          break;
        }
        default:
          break;
      }
    }
  }

  function visit(declaration: XsdNode, path: string, seen: ReadonlySet<XsdNode>): void {
    const element = declaration.attrs['ref'] === undefined ? declaration : globalElements.get(declaration.attrs['ref']);
    if (element === undefined || seen.has(element)) return;
    const attributes: string[] = [];
    const children: XsdNode[] = [];
    const namedType = complexTypes.get(element.attrs['type'] ?? '');
    if (namedType !== undefined) collect(namedType, attributes, children);
    for (const inline of element.children.filter((c) => c.tag === 'complexType')) collect(inline, attributes, children);
    const childNames = children.map((c) => c.attrs['name'] ?? c.attrs['ref'] ?? '');
    vocabulary[path] = { attributes: [...new Set(attributes)].toSorted(), children: [...new Set(childNames)].toSorted() };
    const next = new Set(seen).add(element);
    for (const child of children) visit(child, `${path}/${child.attrs['name'] ?? child.attrs['ref']}`, next);
  }

  const root = globalElements.get(rootElement);
  if (root !== undefined) visit(root, rootElement, new Set());
  return vocabulary;
}
