/** Builds the PageContext a page needs from the request context. */
import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import type { PageContext } from './layout.js';
import type { NavEntry } from './navigation.js';
import { publicAddress } from './public-origin.js';

export function pageContext(c: Context<AppEnv>): PageContext {
  // The actor is unset when an error is rendered before authentication ran.
  const actor = c.get('actor') as AppEnv['Variables']['actor'] | undefined;
  // The navigation is unset when an error is rendered before the middleware ran.
  const nav = (c.get('navigation') as readonly NavEntry[] | undefined) ?? [];
  const url = new URL(c.req.url);
  // Unset in tests that build a bare app without the stage.
  const origin = c.get('publicOrigin') as string | undefined;
  return { lang: c.get('lang'), url, signedIn: actor?.kind === 'user', nav, printedUrl: publicAddress(url, origin) };
}
