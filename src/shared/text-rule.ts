/**
 * The one rule for text a person could have written: no control character (tab, line feed
 * and carriage return allowed where the text may span lines) and no unpaired surrogate.
 * PostgreSQL cannot store NUL, and the others break CSV, display and logs. Pure, so the
 * request schemas (http/text.ts), the clearinghouse's plausibility checks and the importers
 * all ask the same function.
 */

/**
 * True when `text` holds a control character (other than tab, line feed and
 * carriage return where `multiline`) or an unpaired surrogate, which would
 * break storage, CSV or display.
 * @example hasUnwantedCharacters('Line\u0000', { multiline: true }) // true
 */
export function hasUnwantedCharacters(text: string, options: { multiline: boolean }): boolean {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    // Iterating by code point, a surrogate on its own is one that has no partner.
    if (code >= 0xd800 && code <= 0xdfff) return true;
    const control = code < 0x20 || (code >= 0x7f && code < 0xa0);
    if (!control) continue;
    if (options.multiline && (char === '\n' || char === '\t' || char === '\r')) continue;
    return true;
  }
  return false;
}
