/**
 * Chooses the interface language: `?lang=` (remembered in a cookie), else the
 * cookie, else Accept-Language, else English.
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { negotiate } from '../i18n/i18n.js';
import { isLanguage, type Language } from '../shared/localised.js';

export const LANG_COOKIE = 'lang';

export type LocaleEnv = { Variables: { lang: Language } };

export function locale(): MiddlewareHandler<LocaleEnv> {
  return async (c, next) => {
    const asked = c.req.query('lang');
    let lang: Language;
    if (isLanguage(asked)) {
      lang = asked;
      setCookie(c, LANG_COOKIE, asked, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'Lax', httpOnly: true });
    } else {
      const remembered = getCookie(c, LANG_COOKIE);
      lang = isLanguage(remembered) ? remembered : (negotiate(c.req.header('accept-language')) ?? 'en');
    }
    c.set('lang', lang);
    await next();
    c.header('Vary', 'Accept-Language, Cookie', { append: true });
    if (!c.res.headers.has('Content-Language')) c.header('Content-Language', lang);
  };
}
