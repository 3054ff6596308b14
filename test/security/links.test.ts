/**
 * Issue 13, finding 4: links built from the request path. `GET //evil.example`
 * rendered a 404 page whose language links were `href="//evil.example?lang=ar"`,
 * a link to another site on our page. Every link on a page must stay on this
 * site, whatever path or query the request had.
 */
import { expect, it } from 'vitest';
import { testApp } from '../support/app.js';
import { randomAddress } from '../support/auth.js';
import { forEachEngine } from '../support/engines.js';

/** Every href and action on the page, decoded from HTML attribute escaping. */
function links(html: string): string[] {
  return [...html.matchAll(/\b(?:href|action)="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
}

/** A link that leaves the site: a scheme, or a path a browser reads as another host (`//`, `/\`). */
const offSite = (href: string) =>
  /^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('data:') ? true : /^[/\\]{2}|^\/[\t\n\r]*[/\\]/.test(href);

forEachEngine('links built from the request', (t) => {
  const get = (path: string) => testApp(t.db).request(path, { headers: { 'X-Forwarded-For': randomAddress() } });

  for (const path of [
    '//evil.example',
    '/\\evil.example',
    '///evil.example/path',
    '//evil.example/countries?lang=fr',
    '/countries//evil.example',
  ]) {
    it(`keeps every link on the page of ${JSON.stringify(path)} on this site`, async () => {
      const response = await get(path);
      const html = await response.text();
      const hrefs = links(html);
      expect(hrefs.length).toBeGreaterThan(5);
      expect(hrefs.filter(offSite)).toEqual([]);
      expect(html).not.toContain('href="//');
    });
  }

  it('still links the current page in each language, keeping its query', async () => {
    const html = await (await get('/countries?region=002')).text();
    expect(links(html)).toContain('/countries?region=002&lang=ar');
  });
});
