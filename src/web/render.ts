/**
 * Renders a page element to a complete HTML response with the doctype. The one
 * place every feature renders a page, so the shell's doctype and encoding stay
 * the same everywhere.
 */
import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** @example return renderPage(c, <HomePage ctx={ctx} />) */
export async function renderPage(
  c: Context,
  page: JSX.Element,
  status: ContentfulStatusCode = 200,
  headers: Record<string, string> = {},
): Promise<Response> {
  const html = await page.toString();
  return c.html(`<!doctype html>${html}`, status, headers);
}
