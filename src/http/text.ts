/**
 * The one rule for text taken from a request: valid Unicode without control
 * characters. PostgreSQL cannot store NUL at all (the insert fails: a 500),
 * and the other control characters (escape sequences, bell, C1 codes) are
 * never meant in a name or a filter; a lone surrogate half would be stored as
 * U+FFFD, silently changed. Every request schema that takes text builds it
 * from `text()` (one line), `multilineText()` (descriptions) or `trimmedText()` (trimmed,
 * with bounds and their messages), so a refusal is
 * a 400 naming the field, before any service or query runs.
 */
import { z } from '@hono/zod-openapi';
import { hasUnwantedCharacters } from '../shared/text-rule.js';

export const CONTROL_CHARACTER_MESSAGE = 'must not contain control characters (such as NUL) or broken Unicode';

/** True when `value` is text this platform stores: well-formed, and no control character (line breaks only when `multiline`). */
export function isCleanText(value: string, multiline = false): boolean {
  return !hasUnwantedCharacters(value, { multiline });
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

/** Trimmed text of `min`–`max` characters without control characters (line breaks only where `multiline`). */
export function trimmedText(min: number, max: number, options: { multiline?: boolean } = {}) {
  const multiline = options.multiline ?? false;
  return z
    .string()
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
        .max(max, `must be at most ${max} characters`)
        .refine((s) => !hasUnwantedCharacters(s, { multiline }), {
          message: multiline
            ? 'must not contain control characters other than line breaks and tabs'
            : 'must be one line without control characters',
        }),
    );
}

/** Optional text: absent, null or blank all mean "none". */
export function optionalTrimmedText(max: number, options: { multiline?: boolean } = {}) {
  return z
    .union([z.null(), z.string()])
    .optional()
    .transform((s) => (s === undefined || s === null || s.trim() === '' ? null : s))
    .pipe(z.union([z.null(), trimmedText(1, max, options)]));
}

/** The codes of a controlled list, for z.enum. */
