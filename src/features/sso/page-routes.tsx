/**
 * /sign-in/oidc starts single sign-on; /sign-in/oidc/callback finishes it.
 * Both answer 404 when no provider is configured. The state travels in a
 * short-lived HttpOnly cookie scoped to these paths, so a callback only
 * completes in the browser that began it (no login CSRF).
 */
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { AppError } from '../../http/app-error.js';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { openSession, secureCookies, writeSessionCookie } from '../accounts/index.js';
import type { SignInAlternative } from '../accounts/index.js';
import { beginSignIn, completeSignIn, oidcClient } from './service.js';
import { SsoButton } from './sso-button.js';

const STATE_COOKIE = 'dcp_oidc_state';
const COOKIE_PATH = '/sign-in/oidc';

export function ssoPages(deps: Deps) {
  const settings = deps.config.oidc;
  const app = new Hono<AppEnv>();
  if (!settings) return app;
  const client = oidcClient(settings);

  return app
    .get('/sign-in/oidc', async (c) => {
      const { url, state } = await beginSignIn(deps.db, settings, client, c.req.query('next'));
      setCookie(c, STATE_COOKIE, state, { path: COOKIE_PATH, httpOnly: true, sameSite: 'Lax', secure: secureCookies(c), maxAge: 600 });
      c.header('Cache-Control', 'no-store');
      return c.redirect(url.toString(), 302);
    })
    .get('/sign-in/oidc/callback', async (c) => {
      const cookieState = getCookie(c, STATE_COOKIE);
      deleteCookie(c, STATE_COOKIE, { path: COOKIE_PATH, httpOnly: true, sameSite: 'Lax', secure: secureCookies(c) });
      const query = new URL(c.req.url).searchParams;
      if (!query.has('state')) throw new AppError('validation-failed', 'This address is only for returning from the sign-in provider');
      const result = await completeSignIn(deps.db, settings, client, { query, cookieState, requestId: c.get('requestId') });
      const session = await openSession(deps, result.userId, {
        pendingSecondFactor: result.secondFactorOwed,
        userAgent: c.req.header('user-agent'),
      });
      writeSessionCookie(c, session.cookieValue, session.maxAgeSeconds);
      c.header('Cache-Control', 'no-store');
      // A second factor still owed is asked for by the accounts feature's pages, which know the pending session.
      if (result.step === 'second-factor') return c.redirect(`/sign-in/two-factor?next=${encodeURIComponent(result.returnTo)}`, 303);
      if (result.step === 'enrol') return c.redirect('/account/two-factor', 303);
      return c.redirect(result.returnTo, 303);
    });
}

/** Whether the "sign in with your organisation" button should be shown. */
export function ssoEnabled(deps: Pick<Deps, 'config'>): boolean {
  return deps.config.oidc !== undefined;
}

/**
 * The sign-in page's single-sign-on button when a provider is configured, else
 * undefined; app.ts hands it to the accounts pages.
 * @example accountPages(deps, { signInAlternative: ssoSignInAlternative(deps) })
 */
export function ssoSignInAlternative(deps: Pick<Deps, 'config'>): SignInAlternative | undefined {
  if (!ssoEnabled(deps)) return undefined;
  return ({ lang, next }) => SsoButton({ lang, enabled: true, next });
}
