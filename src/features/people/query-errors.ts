/**
 * A search page's refused filters as the forms stage's errors: the page answers 400 with the
 * same ErrorSummary every form uses, one line per filter naming it by its label, linking to it,
 * and saying in the reader's language what to enter. The refusals themselves are the API's (the
 * query schema's issues and the service's `validation-failed` fields), so the page and the API
 * refuse exactly the same queries. Used by /people and /projects.
 */
import type { ZodError } from 'zod';
import { AppError } from '../../http/app-error.js';
import type { MessageKey } from '../../i18n/i18n.js';
import type { FormError } from '../../platform/forms/index.js';

/** One filter of a page: the element the summary links to, its label and what to enter. */
export interface FilterField {
  readonly id: string;
  readonly label: MessageKey;
  readonly message: MessageKey;
}

/** The API parameter's name of a refusal's path (`query.languages.0` → `languages`). */
const paramOf = (path: readonly PropertyKey[]) => String(path[0] === 'query' ? path[1] : path[0]);

/**
 * The errors of a refused query, one per page field, in the order of `fields`; a parameter the
 * page has no field for (a stale `cursor`) gives a line for the form as a whole.
 * @example filterErrors(zodError, { minShare: { id: 'minShare', label: 'people.finder.minShare', message: 'people.finder.error.minShare' } })
 */
export function filterErrors(
  refusal: ZodError | AppError,
  fields: Readonly<Record<string, FilterField>>,
  other: MessageKey = 'forms.error.invalid',
): FormError[] {
  const params =
    refusal instanceof AppError ? refusal.fields.map((f) => paramOf(f.field.split('.'))) : refusal.issues.map((i) => paramOf(i.path));
  const refused = new Set(params);
  const errors: FormError[] = Object.entries(fields)
    .filter(([param]) => refused.has(param))
    .map(([param, f]) => ({ field: param, id: f.id, label: f.label, message: { key: f.message } }));
  if (params.some((p) => !(p in fields))) errors.push({ field: '', id: '', message: { key: other } });
  return errors;
}

/** The refusal of a search call, or rethrows what is not one. */
export function refusalOf(error: unknown): AppError {
  if (error instanceof AppError && error.code === 'validation-failed') return error;
  throw error;
}
