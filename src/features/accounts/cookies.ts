/**
 * The session cookie: `dcp_session`, HttpOnly, SameSite=Lax, Secure except on
 * plain http to the loopback address (local development and tests).
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export const SESSION_COOKIE = 'dcp_session';
/** Double-submit cookie for forms shown before sign-in (sign-in, sign-up, reset). */
export const ANONYMOUS_CSRF_COOKIE = 'dcp_csrf';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** False only for plain http to the loopback address, where browsers would drop a Secure cookie. */
export function secureCookies(c: Context): boolean {
  const url = new URL(c.req.url);
  return !(url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

export function writeSessionCookie(c: Context, value: string, maxAgeSeconds: number): void {
  setCookie(c, SESSION_COOKIE, value, { path: '/', httpOnly: true, sameSite: 'Lax', secure: secureCookies(c), maxAge: maxAgeSeconds });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Lax', secure: secureCookies(c) });
}

export function readAnonymousCsrf(c: Context): string | undefined {
  return getCookie(c, ANONYMOUS_CSRF_COOKIE);
}

export function writeAnonymousCsrf(c: Context, value: string): void {
  setCookie(c, ANONYMOUS_CSRF_COOKIE, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: secureCookies(c),
    maxAge: 60 * 60 * 24,
  });
}
