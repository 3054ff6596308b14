/**
 * Cross-site request forgery defence. A state-changing request made with the
 * session cookie must echo the session's token (form field `_csrf` or header
 * `X-CSRF-Token`). Forms shown before sign-in use a double-submit cookie whose
 * value the server issued and signed (HMAC-SHA256 with a key from
 * `server_secrets`, the same on every instance): a value planted by someone
 * else (a sibling subdomain, a man in the middle on plain http) is refused.
 * Bearer-token requests carry no ambient credential and are exempt; anonymous
 * JSON cannot be sent cross-site without a CORS preflight, which we never grant.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../../http/app-error.js';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { readAnonymousCsrf, writeAnonymousCsrf, ANONYMOUS_CSRF_MAX_AGE } from './cookies.js';
import { randomSecret, sameSecret } from './secrets.js';
import { serverSecret } from './server-secrets.js';

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

/** An anonymous token: `nonce.issued.mac`, issued in seconds since the epoch (base 36). */
const ANONYMOUS_TOKEN = /^([A-Za-z0-9_-]{22})\.([0-9a-z]{1,10})\.([A-Za-z0-9_-]{43})$/;

function mac(key: Buffer, nonce: string, issued: string): string {
  return createHmac('sha256', key).update(`anonymous-csrf:${nonce}.${issued}`).digest('base64url');
}

/** A fresh signed token for a visitor not signed in. */
export function issueAnonymousToken(key: Buffer, now = Date.now()): string {
  const nonce = randomSecret(16);
  const issued = Math.floor(now / 1000).toString(36);
  return `${nonce}.${issued}.${mac(key, nonce, issued)}`;
}

/** Seconds since a token this server signed was issued; undefined for anything it did not sign or that has expired. */
export function anonymousTokenAge(key: Buffer, token: string | undefined, now = Date.now()): number | undefined {
  const parts = token === undefined ? null : ANONYMOUS_TOKEN.exec(token);
  if (!parts) return undefined;
  const [, nonce, issued, given] = parts as unknown as [string, string, string, string];
  const expected = Buffer.from(mac(key, nonce, issued));
  if (!timingSafeEqual(expected, Buffer.from(given))) return undefined;
  const age = now / 1000 - parseInt(issued, 36);
  // A little clock skew between instances is fine; a token from the future is not.
  return age >= -300 && age <= ANONYMOUS_CSRF_MAX_AGE ? Math.max(0, age) : undefined;
}

/** The signing key, read once per instance; undefined (not thrown) when the database cannot be reached. */
async function signingKey(deps: Pick<Deps, 'db'>): Promise<Buffer | undefined> {
  return serverSecret(deps.db, 'anonymous-csrf').catch(() => undefined);
}

/**
 * Refuses (403 `forbidden`, nothing changed) a state-changing request made with
 * the session cookie, or an anonymous form post, that lacks the right token.
 * It also makes the signing key available to the pages (`csrfToken`).
 * @example app.use(requireCsrf(deps))
 */
export function requireCsrf(deps: Pick<Deps, 'db'>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // Pages render forms; the API never needs the anonymous key.
    if (!c.req.path.startsWith('/api/')) {
      const key = await signingKey(deps);
      if (key) c.set('csrfKey', key);
    }
    if (SAFE_METHODS.has(c.req.method)) return next();
    const actor = c.get('actor');
    if (actor.kind === 'user' && actor.via.kind === 'token') return next();
    const session = c.get('session');
    let expected: string | undefined;
    if (session) expected = session.csrfSecret;
    else if (isFormBody(c)) {
      const key = c.get('csrfKey') ?? (await signingKey(deps));
      if (!key) throw new AppError('unavailable', 'The database is not reachable; try again shortly');
      const cookie = readAnonymousCsrf(c);
      expected = anonymousTokenAge(key, cookie) === undefined ? undefined : cookie;
    } else return next();
    const given = await presentedToken(c);
    if (!expected || !given || !sameSecret(expected, given)) throw new AppError('forbidden', CSRF_REFUSAL);
    return next();
  };
}

/**
 * The token to put in a form (`<input type="hidden" name="_csrf">`): the
 * session's, or for a visitor not signed in, the signed double-submit cookie's
 * (issued here when missing, not ours, or past half its life, so a form shown
 * now can still be sent hours later).
 */
export function csrfToken(c: Context<AppEnv>): string {
  const session = c.get('session');
  if (session) return session.csrfSecret;
  const key = c.get('csrfKey');
  if (!key) throw new AppError('unavailable', 'The database is not reachable; try again shortly');
  const current = readAnonymousCsrf(c);
  const age = anonymousTokenAge(key, current);
  if (current !== undefined && age !== undefined && age < ANONYMOUS_CSRF_MAX_AGE / 2) return current;
  const token = issueAnonymousToken(key);
  writeAnonymousCsrf(c, token);
  return token;
}
