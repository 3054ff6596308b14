/**
 * Cross-site request forgery defence. A state-changing request made with the
 * session cookie must echo the session's token (form field `_csrf` or header
 * `X-CSRF-Token`). Forms shown before sign-in use a double-submit cookie.
 * Bearer-token requests carry no ambient credential and are exempt; anonymous
 * JSON cannot be sent cross-site without a CORS preflight, which we never grant.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../../http/app-error.js';
import type { AppEnv } from '../../http/app-env.js';
import { readAnonymousCsrf, writeAnonymousCsrf } from './cookies.js';
import { randomSecret, sameSecret } from './secrets.js';

export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const CSRF_REFUSAL = 'This form has expired or did not come from this site. Reload the page and try again; nothing was changed.';

function isFormBody(c: Context): boolean {
  const type = c.req.header('content-type') ?? '';
  return /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type);
}

async function presentedToken(c: Context): Promise<string | undefined> {
  const header = c.req.header(CSRF_HEADER);
  if (header) return header;
  if (!isFormBody(c)) return undefined;
  const body = await c.req.parseBody();
  const field = body[CSRF_FIELD];
  return typeof field === 'string' ? field : undefined;
}

/**
 * Refuses (403 `forbidden`, nothing changed) a state-changing request made with
 * the session cookie, or an anonymous form post, that lacks the right token.
 * @example app.use(requireCsrf())
 */
export function requireCsrf(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const actor = c.get('actor');
    if (actor.kind === 'user' && actor.via.kind === 'token') return next();
    const session = c.get('session');
    let expected: string | undefined;
    if (session) expected = session.csrfSecret;
    else if (isFormBody(c)) expected = readAnonymousCsrf(c);
    else return next();
    const given = await presentedToken(c);
    if (!expected || !given || !sameSecret(expected, given)) throw new AppError('forbidden', CSRF_REFUSAL);
    return next();
  };
}

/**
 * The token to put in a form (`<input type="hidden" name="_csrf">`): the
 * session's, or for a visitor not signed in, a double-submit cookie's (set here
 * when missing).
 */
export function csrfToken(c: Context<AppEnv>): string {
  const session = c.get('session');
  if (session) return session.csrfSecret;
  let token = readAnonymousCsrf(c);
  if (!token || !/^[A-Za-z0-9_-]{22,64}$/.test(token)) {
    token = randomSecret(16);
    writeAnonymousCsrf(c, token);
  }
  return token;
}
