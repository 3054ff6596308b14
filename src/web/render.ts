/**
 * Renders a page element to a complete HTML response with the doctype. The one
 * place every feature renders a page, so the shell's doctype and encoding stay
 * the same everywhere — and where a page that gave the layout no description gets
 * one from its own content (the lead paragraph, else the first paragraph of main).
 */
import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** About what search results show; longer descriptions are cut there anyway. */
const DESCRIPTION_CHARS = 160;

/**
 * The meta description the layout marked `data-from-page`, replaced by the page's own words.
 * The text is already HTML-escaped, so it stays safe inside the attribute.
 */
export function describeFromContent(html: string): string {
  const meta = /<meta name="description" content="[^"]*" data-from-page="lead"\/>/.exec(html);
  if (!meta) return html;
  const main = html.slice(html.indexOf('<main'));
  const paragraph = /<p class="lead"[^>]*>([\s\S]*?)<\/p>/.exec(main) ?? /<p(?: [^>]*)?>([\s\S]*?)<\/p>/.exec(main);
  const text = (paragraph?.[1] ?? '')
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const content = text.length < 20 ? /content="([^"]*)"/.exec(meta[0])![1]! : shorten(text);
  return html.replace(meta[0], `<meta name="description" content="${content}"/>`);
}

/** At most DESCRIPTION_CHARS, cut at a space and never inside an entity such as `&amp;`. */
function shorten(text: string): string {
  if (text.length <= DESCRIPTION_CHARS) return text;
  let cut = text.slice(0, DESCRIPTION_CHARS);
  const space = cut.lastIndexOf(' ');
  if (space > DESCRIPTION_CHARS / 2) cut = cut.slice(0, space);
  cut = cut.replace(/&[#a-z0-9]*$/i, '');
  return `${cut}…`;
}

/** @example return renderPage(c, <HomePage ctx={ctx} />) */
export async function renderPage(
  c: Context,
  page: JSX.Element,
  status: ContentfulStatusCode = 200,
  headers: Record<string, string> = {},
): Promise<Response> {
  const html = await page.toString();
  return c.html(`<!doctype html>${describeFromContent(html)}`, status, headers);
}
