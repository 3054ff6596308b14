/**
 * Reading single values from attributes and text: the XML Schema lexical forms IATI uses
 * (xsd:date, xsd:decimal, xsd:boolean), codelist codes and multilingual narratives. Each reader
 * reports a bad value where it stands and returns `null`, so the caller decides whether the item
 * survives without it.
 */
import { canonicalLanguage, isDateTime, isIsoDate, isXmlSafe, type MultilingualText, type Narrative } from '../../core/projects/index.js';
import type { Codelist } from './codelists.js';
import { times } from './problems.js';
import type { ReadContext } from './read-context.js';
import type { XmlNode } from './xml-node.js';

/** XML Schema collapses white space in these types before reading them. */
function collapse(value: string): string {
  return value.trim();
}

/** `<budget> @iso-date`, for messages. */
function where(node: XmlNode, attribute?: string): string {
  return attribute === undefined ? `<${node.name}>` : `<${node.name}> @${attribute}`;
}

/** A required attribute: absent or empty is reported with the consequence given. */
export function requiredAttr(node: XmlNode, name: string, ctx: ReadContext, consequence: string): string | null {
  const value = node.attr(name);
  if (value === undefined || collapse(value) === '') {
    ctx.problems.add(node, 'missing-required', 'error', `${where(node)} has no ${name}; ${consequence}`);
    return null;
  }
  return collapse(value);
}

/** An optional attribute, trimmed; empty counts as absent. */
export function optionalAttr(node: XmlNode, name: string): string | null {
  const value = node.attr(name);
  return value === undefined || collapse(value) === '' ? null : collapse(value);
}

/** xsd:date (an optional time zone is dropped: a project date is a calendar day). */
export function readDate(node: XmlNode, name: string, ctx: ReadContext, consequence: string): string | null {
  const raw = requiredAttr(node, name, ctx, consequence);
  if (raw === null) return null;
  const day = /^(\d{4}-\d{2}-\d{2})(Z|[+-]\d{2}:\d{2})?$/.exec(raw)?.[1];
  if (day === undefined || !isIsoDate(day)) {
    ctx.problems.add(
      node,
      'invalid-value',
      'error',
      `${where(node, name)} "${raw}" is not a date YYYY-MM-DD between 1900 and 2200; ${consequence}`,
    );
    return null;
  }
  return day;
}

/** An optional xsd:dateTime kept as written, or `null` (reported) when malformed. */
export function readDateTime(node: XmlNode, name: string, ctx: ReadContext): string | null {
  const raw = optionalAttr(node, name);
  if (raw === null) return null;
  if (!isDateTime(raw)) {
    ctx.problems.add(
      node,
      'invalid-value',
      'warning',
      `${where(node, name)} "${raw}" is not a date and time (xsd:dateTime); it is left out`,
    );
    return null;
  }
  return raw;
}

/** xsd:decimal as a number; `null` (reported) when it is not one. */
export function parseDecimal(raw: string): number | null {
  const text = collapse(raw);
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : null;
}

/** An optional percentage attribute, 0–100. */
export function readPercentage(node: XmlNode, ctx: ReadContext): number | null {
  const raw = optionalAttr(node, 'percentage');
  if (raw === null) return null;
  const value = parseDecimal(raw);
  if (value === null || value < 0 || value > 100) {
    ctx.problems.add(
      node,
      'invalid-value',
      'warning',
      `${where(node, 'percentage')} "${raw}" is not a share from 0 to 100; the share is left out`,
    );
    return null;
  }
  return value;
}

/** An optional xsd:boolean attribute (`1`, `0`, `true`, `false`). */
export function readBoolean(node: XmlNode, name: string, ctx: ReadContext): boolean | null {
  const raw = optionalAttr(node, name);
  if (raw === null) return null;
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  ctx.problems.add(node, 'invalid-value', 'warning', `${where(node, name)} "${raw}" is not a boolean (1, 0, true, false); it is left out`);
  return null;
}

/** An optional code from a codelist the model names; unknown codes are reported and read as `null`. */
export function readCode<Name extends string>(
  node: XmlNode,
  name: string,
  list: Codelist<Name>,
  ctx: ReadContext,
  consequence: string,
): Name | null {
  const raw = optionalAttr(node, name);
  if (raw === null) return null;
  const value = list.nameOf(raw);
  if (value === undefined) {
    ctx.problems.add(
      node,
      'unknown-code',
      'warning',
      `${where(node, name)} "${raw}" is not in the IATI ${list.title} codelist (${list.codes.join(', ')}); ${consequence}`,
    );
    return null;
  }
  return value;
}

/**
 * The canonical form of a language code (`xml:lang`, or a document's `<language code>`), reporting
 * changes once per written form; `null` (reported with `ifInvalid`) when it is not a language code.
 */
export function readLanguage(node: XmlNode, raw: string, ctx: ReadContext, label = 'xml:lang', ifInvalid?: string): string | null {
  const canonical = canonicalLanguage(raw.trim());
  if (canonical === null) {
    const consequence = ifInvalid ?? `the text is read as ${ctx.defaultLanguage ?? 'of unknown language'}`;
    ctx.problems.add(node, 'invalid-value', 'warning', `${label} "${raw}" is not a language code; ${consequence}`);
    return null;
  }
  if (canonical !== raw) {
    ctx.problems.aggregate(
      node.site,
      'language-normalised',
      `${label} ${raw}`,
      (n) => `${label} "${raw}" is read as "${canonical}" (${times(n)})`,
    );
  }
  return canonical;
}

/** Plain text content (telephone, e-mail …), trimmed; `null` when empty or not writable. */
export function readPlainText(node: XmlNode, ctx: ReadContext): string | null {
  const text = node.readText().trim();
  if (text === '') return null;
  if (!isXmlSafe(text)) {
    ctx.problems.add(node, 'invalid-value', 'warning', `${where(node)} holds control characters; it is left out`);
    return null;
  }
  return text;
}

/** The `<narrative>` children of an element: text trimmed, language resolved (own, else default). */
export function readNarratives(node: XmlNode, ctx: ReadContext): MultilingualText {
  const narratives: Narrative[] = [];
  for (const narrative of node.all('narrative')) {
    const rawLang = narrative.attr('xml:lang');
    const lang = rawLang === undefined ? ctx.defaultLanguage : (readLanguage(narrative, rawLang, ctx) ?? ctx.defaultLanguage);
    const text = narrative.readText().trim();
    if (text === '') {
      ctx.problems.add(narrative, 'invalid-value', 'warning', `an empty <narrative> in <${node.name}> is left out`);
    } else if (!isXmlSafe(text)) {
      ctx.problems.add(narrative, 'invalid-value', 'warning', `a <narrative> in <${node.name}> holds control characters; it is left out`);
    } else {
      narratives.push({ lang, text });
    }
  }
  return narratives;
}

/** The one allowed child of that name; extra ones are reported and not read. */
export function single(node: XmlNode, name: string, ctx: ReadContext): XmlNode | undefined {
  const [first, ...extra] = node.all(name);
  for (const duplicate of extra) {
    duplicate.settled = true;
    ctx.problems.add(duplicate, 'duplicate', 'warning', `<${node.name}> may have one <${name}>; this one is not read`);
  }
  return first;
}
