/**
 * The CSRF token every form carries. The accounts feature owns the token (the
 * session's, or a double-submit cookie before sign-in) and the check; the
 * platform must not import a feature, so app.ts hands the token's source to
 * `formTokens()` once, and any page asks `formToken(c)` for the hidden field.
 * The token is made on first use only, so a request that shows no form sets no cookie.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../http/app-env.js';

/** The hidden field a form posts: `<input type="hidden" name={name} value={value}>`. */
export interface FormToken {
  readonly name: string;
  readonly value: string;
}

export interface FormTokenSource {
  /** The field name the CSRF check reads. */
  readonly field: string;
  /** The token for this request (may set a cookie, so it is called only when a form is shown). */
  readonly token: (c: Context<AppEnv>) => string;
}

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by formTokens(): the CSRF field for this request's forms. */
    formToken: () => FormToken;
  }
}

/** @example app.use(formTokens({ field: CSRF_FIELD, token: csrfToken })) // after authentication */
export function formTokens(source: FormTokenSource): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let made: FormToken | undefined;
    c.set('formToken', () => (made ??= { name: source.field, value: source.token(c) }));
    await next();
  };
}

/** The CSRF field for a form on this page. */
export function formToken(c: Context): FormToken {
  const token = c.get('formToken') as (() => FormToken) | undefined;
  if (!token) throw new Error('formToken() needs the formTokens() middleware (see app.ts)');
  return token();
}
