/**
 * Renders a page element to a complete HTML response with the doctype.
 */
import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';

/** @example return renderPage(c, <HomePage ctx={ctx} />) */
export async function renderPage(c: Context, page: JSX.Element, status: 200 | 404 | 500 | 503 = 200): Promise<Response> {
  const html = await page.toString();
  return c.html(`<!doctype html>${html}`, status);
}
