/**
 * Escaping for the SVG and HTML this module writes by hand. Every piece of text that reaches
 * the output — titles, series names, country names, formatted numbers — passes through
 * `escapeText`; nothing else is ever concatenated into markup. One function serves element
 * content and double-quoted attribute values alike, so a caller can never pick the wrong one.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for XML/HTML element content and for double-quoted attribute values.
 * @example escapeText('<script>"x" & y') // '&lt;script&gt;&quot;x&quot; &amp; y'
 */
export function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Ids the module writes into `id=` and `url(#…)`: a caller's chart id must already be this safe. */
const SAFE_ID = /^[a-z][a-z0-9-]{0,39}$/;

/**
 * Checks a caller's chart id (it prefixes every id inside the SVG, so two charts on one page
 * never share a marker or a pattern).
 * @example assertChartId('trend-it-user') // ok; assertChartId('a b') throws RangeError
 */
export function assertChartId(id: string): void {
  if (!SAFE_ID.test(id)) {
    throw new RangeError(`chart id must match ${SAFE_ID.source} (lower-case letters, digits, hyphens), got ${JSON.stringify(id)}`);
  }
}
