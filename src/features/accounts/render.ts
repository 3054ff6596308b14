/** Renders an account page: never cached (it carries a CSRF token and personal data). */
import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { renderPage } from '../../web/render.js';

export function renderAccountPage(c: Context, page: JSX.Element, status: ContentfulStatusCode = 200): Promise<Response> {
  return renderPage(c, page, status, { 'Cache-Control': 'no-store' });
}
