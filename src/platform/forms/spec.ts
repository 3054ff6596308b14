/**
 * What a form is made of, for the forms stage: the Zod schema the API uses
 * for the same input, the fields as the page names and labels them, and what
 * a failed submission gives back to render — the values as typed and one
 * message per problem, each a message key in the reader's language.
 */
import type { z } from 'zod';
import type { MessageKey } from '../../i18n/i18n.js';
import type { Param } from '../../i18n/icu.js';

/** A message to show, in whatever language the page is rendered in. */
export interface FormMessage {
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, Param>>;
}

/** What went wrong with a field, in general terms (a Zod issue or a refusal, read by the stage). */
export type IssueKind =
  | 'required'
  | 'choice'
  | 'tooShort'
  | 'tooLong'
  | 'email'
  | 'url'
  | 'format'
  | 'number'
  | 'integer'
  | 'tooSmall'
  | 'tooBig'
  | 'tooFew'
  | 'tooMany'
  | 'invalid';

export interface FieldSpec {
  /** The visible label, also the start of the field's line in the error summary. */
  readonly label: MessageKey;
  /** The element id the summary links to, when it is not the field's name (two forms on one page). */
  readonly id?: string;
  /** One message for any problem with this field ("Enter an e-mail address such as …"). */
  readonly message?: MessageKey;
  /** Messages for particular problems, before `message` and the general ones. */
  readonly messages?: Partial<Readonly<Record<IssueKind, MessageKey>>>;
}

/** Posted form fields, as strings (files and the CSRF token left out). */
export type Posted = Readonly<Record<string, string>>;

export interface FormSpec<T> {
  /** The schema that validates the same input in the API (or, for a page-only form, the one beside its route). */
  readonly schema: z.ZodType<T>;
  /** The fields by the name they are posted under; a schema path's first segment names one. */
  readonly fields: Readonly<Record<string, FieldSpec>>;
  /** Posted strings → the schema's input (blank optional fields to null, lists split …); by default the strings as posted. */
  readonly input?: (posted: Posted) => unknown;
  /** Fields never sent back into the page (passwords, codes). */
  readonly secret?: readonly string[];
}

/** One problem to show: on a field (linked from the summary to `id`), or on the form as a whole (`field` ''). */
export interface FormError {
  readonly field: string;
  readonly id: string;
  readonly label?: MessageKey;
  readonly message: FormMessage;
}

/** A form as a page renders it: the values to fill in and the problems to show. */
export interface FormState {
  readonly values: Posted;
  readonly errors: readonly FormError[];
}

/** A form shown for the first time, with `values` filled in (an edit form) or empty. */
export function freshForm(values: Posted = {}): FormState {
  return { values, errors: [] };
}

/** The message for `field`, if it has a problem. */
export function errorOf(state: FormState | undefined, field: string): FormMessage | undefined {
  return state?.errors.find((e) => e.field === field)?.message;
}

export function hasErrors(state: FormState | undefined): boolean {
  return (state?.errors.length ?? 0) > 0;
}

/** The same form with one more problem (a refusal from the service, shown like a validation error). */
export function withError(
  state: FormState,
  spec: Pick<FormSpec<unknown>, 'fields'> | undefined,
  field: string,
  message: FormMessage,
): FormState {
  const fieldSpec = spec?.fields[field];
  const error: FormError = {
    field,
    id: fieldSpec?.id ?? field,
    ...(fieldSpec ? { label: fieldSpec.label } : {}),
    message,
  };
  return { ...state, errors: [...state.errors.filter((e) => e.field !== field), error] };
}
