/**
 * The one rule for text taken from a request: valid Unicode without control
 * characters. PostgreSQL cannot store NUL at all (the insert fails: a 500),
 * and the other control characters (escape sequences, bell, C1 codes) are
 * never meant in a name or a filter; a lone surrogate half would be stored as
 * U+FFFD, silently changed. Every request schema that takes text builds it
 * from `text()` (one line) or `multilineText()` (descriptions), so a refusal is
 * a 400 naming the field, before any service or query runs.
 */
import { z } from '@hono/zod-openapi';

/** C0 controls, DEL and C1 controls (category Cc), and a surrogate half not in a pair (Cs, seen alone under the u flag). */
const CONTROL = /[\p{Cc}\p{Cs}]/u;
/** The same, but tab, line feed and carriage return are part of multi-line text. */
const CONTROL_BUT_LINES = /[\p{Cs}]|[^\P{Cc}\t\n\r]/u;

export const CONTROL_CHARACTER_MESSAGE = 'must not contain control characters (such as NUL) or broken Unicode';

/** True when `value` is text this platform stores: well-formed, and no control character (line breaks only when `multiline`). */
export function isCleanText(value: string, multiline = false): boolean {
  return !(multiline ? CONTROL_BUT_LINES : CONTROL).test(value);
}

/**
 * A one-line string from a request. Chain length and format checks after it.
 * @example name: text().trim().min(2).max(200)
 */
export function text() {
  return z.string().refine((value) => isCleanText(value), { message: CONTROL_CHARACTER_MESSAGE, abort: true });
}

/**
 * A string that may span lines (tab, line feed and carriage return allowed).
 * @example description: multilineText().trim().max(5000)
 */
export function multilineText() {
  return z.string().refine((value) => isCleanText(value, true), { message: CONTROL_CHARACTER_MESSAGE, abort: true });
}
