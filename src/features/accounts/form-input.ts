/**
 * Reading and checking form posts of the account pages. Checks return message
 * keys, so each page shows them in its language; the services check again.
 */
import { safeReturnPath } from '../../http/safe-redirect.js';
import type { Context } from 'hono';
import type { MessageKey } from '../../i18n/i18n.js';
import { isCleanText } from '../../http/text.js';
import { passwordProblem } from './passwords.js';
import { DisplayNameSchema } from './schemas.js';

/** The string fields of a urlencoded or multipart body (files are ignored). */
export async function readForm(c: Context): Promise<Record<string, string>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return {};
  const body = await c.req.parseBody();
  return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export function emailError(value: string | undefined): MessageKey | undefined {
  const v = value?.trim() ?? '';
  return v.length > 0 && v.length <= 254 && EMAIL.test(v) && isCleanText(v) ? undefined : 'accounts.error.email';
}

export function newPasswordError(value: string | undefined): MessageKey | undefined {
  const problem = passwordProblem(value ?? '');
  return problem ? `accounts.error.password.${problem}` : undefined;
}

export function displayNameError(value: string | undefined): MessageKey | undefined {
  return DisplayNameSchema.safeParse(value ?? '').success ? undefined : 'accounts.error.displayName';
}

/** A same-site path to return to after sign-in, or the default. Never another origin. */
export function safeNext(value: string | undefined, fallback = '/account'): string {
  return safeReturnPath(value, fallback);
}
