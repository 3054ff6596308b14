/**
 * The forms stage every HTML form goes through:
 *
 *   1. read the posted fields (the CSRF token was already checked by the middleware);
 *   2. validate them with the form's schema — the API's, so a page and the API
 *      accept exactly the same input;
 *   3. invalid: render the page again (400) with the values as typed and the
 *      problems in the reader's language;
 *   4. valid: run the use case; a refusal it throws that the form expects
 *      (a wrong current password, a taken name, too many attempts) is shown
 *      on the form the same way; anything else goes to the error page.
 *
 * The page answers a success with a redirect (303), so a reload never posts twice.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, type ErrorCode } from '../../http/app-error.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { formToken } from './token.js';
import { withError, type FormMessage, type FormSpec, type FormState, type Posted } from './spec.js';
import { echoed, validateForm } from './validate.js';

/** The string fields of a urlencoded or multipart body, without the CSRF token; files are ignored. */
export async function readPosted(c: Context): Promise<Posted> {
  const type = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return {};
  const body = await c.req.parseBody();
  const token = formToken(c).name;
  return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== token));
}

/** A refusal of the use case that the form shows instead of the error page. */
export interface Refusal {
  /** The AppError code it answers. */
  readonly code: ErrorCode;
  /** Only when the error names this failing field (`body.currentPassword`). */
  readonly field?: string;
  /** …and says this about it (`required`), to tell a missing value from a wrong one. */
  readonly problem?: string;
  /** Where to show it: a field's name, or '' for the form as a whole. */
  readonly show: string;
  readonly message: MessageKey;
}

export interface Shown {
  readonly state: FormState;
  readonly status: ContentfulStatusCode;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * The form state that shows `error`, or undefined when the form does not expect it.
 * Too many attempts (429) is always shown on the form, with the wait.
 */
export function showRefusal(
  error: unknown,
  spec: FormSpec<unknown>,
  state: FormState,
  refusals: readonly Refusal[] = [],
): Shown | undefined {
  if (!(error instanceof AppError)) return undefined;
  if (error.code === 'rate-limited') {
    const seconds = Math.max(1, Number(error.headers['Retry-After'] ?? 60) || 60);
    const message: FormMessage = { key: 'forms.error.rateLimited', params: { seconds } };
    return { state: withError(state, undefined, '', message), status: 429, headers: { 'Retry-After': String(seconds) } };
  }
  const names = (r: Refusal) =>
    r.field === undefined || error.fields.some((f) => f.field === r.field && (r.problem === undefined || f.message === r.problem));
  const rule = refusals.find((r) => r.code === error.code && names(r));
  if (!rule) return undefined;
  return { state: withError(state, spec, rule.show, { key: rule.message }), status: error.status as ContentfulStatusCode, headers: {} };
}

export interface FormHandling<T> {
  readonly spec: FormSpec<T>;
  /** The use case with valid data; its response (a 303 to a page) is the answer. */
  readonly run: (data: T, posted: Posted) => Promise<Response>;
  /** The page again, showing `state`, with `status` (400 invalid, 409 refused, 429 too many attempts …). */
  readonly render: (state: FormState, status: ContentfulStatusCode) => Promise<Response>;
  readonly refusals?: readonly Refusal[];
}

/**
 * @example
 * app.post('/organisations', (c) =>
 *   handleForm(c, {
 *     spec: ORGANISATION_FORM,
 *     run: async (input) => c.redirect(`/organisations/${(await service.createOrganisation(db, asker(c), input)).id}`, 303),
 *     render: (form, status) => renderPage(c, <OrganisationFormPage ctx={pageContext(c)} form={form} … />, status),
 *     refusals: [{ code: 'conflict', field: 'body.name', show: 'name', message: 'org.error.nameTaken' }],
 *   }),
 * );
 */
export async function handleForm<T>(c: Context, handling: FormHandling<T>): Promise<Response> {
  const posted = await readPosted(c);
  const valid = validateForm(handling.spec, posted);
  if (!valid.ok) return handling.render(valid.state, 400);
  try {
    return await handling.run(valid.data, posted);
  } catch (error) {
    const shown = showRefusal(
      error,
      handling.spec as FormSpec<unknown>,
      { values: echoed(handling.spec, posted), errors: [] },
      handling.refusals,
    );
    if (!shown) throw error;
    const response = await handling.render(shown.state, shown.status);
    for (const [name, value] of Object.entries(shown.headers)) response.headers.set(name, value);
    return response;
  }
}
