/** Builds the PageContext a page needs from the request context. */
import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import type { PageContext } from './layout.js';

export function pageContext(c: Context<AppEnv>): PageContext {
  return { lang: c.get('lang'), url: new URL(c.req.url) };
}
