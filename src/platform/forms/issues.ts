/**
 * Zod issues → messages in the reader's language. The API shows Zod's own
 * English text with the field path; a page shows none of that: each issue is
 * read as a general kind of problem (too short, not an e-mail address …) and
 * told in the page's language, with the numbers the schema set.
 *
 * Precedence: a message key the schema itself attached (`params: { i18n }` on
 * a refinement, e.g. "one of the most common passwords"), then the field's
 * message for that kind, then the field's one message, then the general one.
 */
import type { z } from 'zod';
import type { MessageKey } from '../../i18n/i18n.js';
import type { FieldSpec, FormMessage, IssueKind } from './spec.js';

const GENERAL: Readonly<Record<IssueKind, MessageKey>> = {
  required: 'forms.error.required',
  choice: 'forms.error.choice',
  tooShort: 'forms.error.tooShort',
  tooLong: 'forms.error.tooLong',
  email: 'forms.error.email',
  url: 'forms.error.url',
  format: 'forms.error.format',
  number: 'forms.error.number',
  integer: 'forms.error.integer',
  tooSmall: 'forms.error.tooSmall',
  tooBig: 'forms.error.tooBig',
  tooFew: 'forms.error.tooFew',
  tooMany: 'forms.error.tooMany',
  invalid: 'forms.error.invalid',
};

type Issue = z.core.$ZodIssue;

/** The general kind of one issue; `blank` when the field was left empty (then it is simply required). */
export function kindOf(issue: Issue, blank: boolean): IssueKind {
  if (blank) return 'required';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return 'integer';
      if (issue.expected === 'number' || issue.expected === 'bigint') return 'number';
      return 'invalid';
    case 'too_small':
      if (issue.origin === 'string') return 'tooShort';
      if (issue.origin === 'array' || issue.origin === 'set') return 'tooFew';
      return 'tooSmall';
    case 'too_big':
      if (issue.origin === 'string') return 'tooLong';
      if (issue.origin === 'array' || issue.origin === 'set') return 'tooMany';
      return 'tooBig';
    case 'invalid_format':
      if (issue.format === 'email') return 'email';
      if (issue.format === 'url') return 'url';
      return 'format';
    case 'invalid_value':
    case 'invalid_union':
      return 'choice';
    case 'not_multiple_of':
      return 'number';
    default:
      return 'invalid';
  }
}

/** The numbers a message may say ("at least {min} characters"). */
function paramsOf(issue: Issue): Record<string, number> {
  if (issue.code === 'too_small') return { min: Number(issue.minimum) };
  if (issue.code === 'too_big') return { max: Number(issue.maximum) };
  return {};
}

/**
 * A message a refinement attached itself: `ctx.addIssue({ code: 'custom', message, params: { i18n: key, min: 8 } })`;
 * its other numeric params fill the message.
 */
function attached(issue: Issue): FormMessage | undefined {
  const params = (issue as { params?: Record<string, unknown> }).params;
  const key = params?.['i18n'];
  if (typeof key !== 'string') return undefined;
  const numbers = Object.entries(params ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number');
  return { key: key as MessageKey, params: Object.fromEntries(numbers) };
}

/**
 * @example messageFor(issue, { label: 'org.field.name' }, false) // { key: 'forms.error.tooShort', params: { min: 2 } }
 */
export function messageFor(issue: Issue, field: FieldSpec | undefined, blank: boolean): FormMessage {
  const kind = kindOf(issue, blank);
  const own = blank ? undefined : attached(issue);
  if (own) return own;
  return { key: field?.messages?.[kind] ?? field?.message ?? GENERAL[kind], params: paramsOf(issue) };
}
