/**
 * The session cookie: `dcp_session`, HttpOnly, SameSite=Lax, and Secure as the
 * configuration says (`Config.secureCookies`: https public URL, or production),
 * never as the request's Host header or scheme says — behind a TLS proxy the
 * request arrives as plain http to 127.0.0.1.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../http/app-env.js';

export const SESSION_COOKIE = 'dcp_session';
/** Double-submit cookie for forms shown before sign-in (sign-in, sign-up, reset); its value is signed (csrf.ts). */
export const ANONYMOUS_CSRF_COOKIE = 'dcp_csrf';
/** Seconds the anonymous CSRF cookie, and the signed token in it, stay valid. */
export const ANONYMOUS_CSRF_MAX_AGE = 60 * 60 * 24;

/** Whether cookies carry Secure: from configuration, set on the request by `authenticate`; Secure when unset. */
export function secureCookies(c: Context<AppEnv>): boolean {
  return c.get('secureCookies') !== false;
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
    maxAge: ANONYMOUS_CSRF_MAX_AGE,
  });
}
