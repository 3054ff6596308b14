/**
 * After an element is mapped, says what in it was not: for every attribute, child element and
 * text the mapping did not read, one of
 * - `extension` (info): in another namespace — IATI allows extension namespaces (D-Portal's
 *   `dstore:`, a publisher's own), and they carry nothing the platform reads;
 * - `not-used` (info): in the 2.03 schema at that place, but the platform has no use for it
 *   (locations, results, CRS data …), its content not read;
 * - `unknown-element` / `unknown-attribute` (warning): not in the 2.03 schema at that place;
 * - `unexpected-text` (warning): text directly inside an element whose text IATI puts in `<narrative>`.
 * Info problems are aggregated per element path or attribute name, with a count.
 */
import { times, type ProblemLog } from './problems.js';
import { SCHEMA_VOCABULARY } from './schema-vocabulary.js';
import type { XmlNode } from './xml-node.js';

function reportAttributes(node: XmlNode, problems: ProblemLog): void {
  const allowed = SCHEMA_VOCABULARY[node.path]?.attributes ?? [];
  for (const attribute of node.attributes) {
    if (node.wasRead(attribute)) continue;
    const where = `${node.path}/@${attribute.name}`;
    if (allowed.includes(attribute.name)) {
      problems.aggregate(
        node.site,
        'not-used',
        where,
        (n) => `@${attribute.name} on <${node.name}> is not used by the platform (${times(n)}; ${where})`,
      );
    } else if (attribute.uri !== '') {
      problems.aggregate(
        node.site,
        'extension',
        attribute.name,
        (n) => `extension attribute ${attribute.name} is not used by the platform (${times(n)})`,
      );
    } else {
      problems.add(
        node.site,
        'unknown-attribute',
        'warning',
        `<${node.name}> has an attribute "${attribute.name}" that IATI 2.03 does not define there; it is not read`,
      );
    }
  }
}

/** Reports the unread parts of `node` and, recursively, of the children the mapping used. */
export function reportUnread(node: XmlNode, problems: ProblemLog): void {
  reportAttributes(node, problems);
  if (!node.textRead && node.text.trim() !== '') {
    problems.add(
      node.site,
      'unexpected-text',
      'warning',
      `text directly inside <${node.name}> is not read (IATI 2 puts text in <narrative> elements)`,
    );
  }
  const allowed = SCHEMA_VOCABULARY[node.path]?.children ?? [];
  for (const child of node.children) {
    if (child.uri !== '') {
      problems.aggregate(
        child.site,
        'extension',
        child.name,
        (n) => `extension element <${child.name}> is not used by the platform (${times(n)})`,
      );
    } else if (child.used) {
      if (!child.settled) reportUnread(child, problems);
    } else if (allowed.includes(child.name)) {
      problems.aggregate(
        child.site,
        'not-used',
        child.path,
        (n) => `<${child.name}> is not used by the platform (${times(n)}; ${child.path})`,
      );
    } else {
      problems.add(
        child.site,
        'unknown-element',
        'warning',
        `<${child.name}> is not an IATI 2.03 element inside <${node.name}>; it is not read`,
      );
    }
  }
}
