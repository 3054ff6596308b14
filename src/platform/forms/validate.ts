/**
 * Validates posted fields with a form's schema: the typed data, or the form
 * to render again — the values as typed (never the secret ones) and one
 * message per field that is wrong, in the order of the fields on the page.
 */
import { messageFor } from './issues.js';
import type { FormError, FormSpec, FormState, Posted } from './spec.js';

export type Validated<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly state: FormState };

/** The posted values that may go back into the page. */
export function echoed(spec: Pick<FormSpec<unknown>, 'secret'>, posted: Posted): Posted {
  const secret = new Set(spec.secret ?? []);
  return Object.fromEntries(Object.entries(posted).filter(([name]) => !secret.has(name)));
}

/**
 * @example const result = validateForm(ORGANISATION_FORM, { name: 'A', kind: 'academia' });
 * // result.ok === false; result.state.errors[0] → { field: 'name', message: { key: 'forms.error.tooShort', params: { min: 2 } } }
 */
export function validateForm<T>(spec: FormSpec<T>, posted: Posted): Validated<T> {
  const parsed = spec.schema.safeParse(spec.input ? spec.input(posted) : posted);
  if (parsed.success) return { ok: true, data: parsed.data };
  const byField = new Map<string, FormError>();
  for (const issue of parsed.error.issues) {
    const path = typeof issue.path[0] === 'string' ? issue.path[0] : '';
    const field = spec.fields[path];
    // A problem with something the page does not show as a field belongs to the form as a whole.
    const name = field ? path : '';
    if (byField.has(name)) continue; // the first problem of a field is the one to fix first
    const blank = field !== undefined && (posted[name] ?? '').trim() === '';
    byField.set(name, {
      field: name,
      id: field?.id ?? name,
      ...(field ? { label: field.label } : {}),
      message: messageFor(issue, field, blank),
    });
  }
  const order = Object.keys(spec.fields);
  const rank = (e: FormError) => (order.includes(e.field) ? order.indexOf(e.field) : order.length);
  return { ok: false, state: { values: echoed(spec, posted), errors: [...byField.values()].toSorted((a, b) => rank(a) - rank(b)) } };
}
