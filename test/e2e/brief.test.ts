/**
 * The country brief and offline reading in a real Chromium: screenshots in Arabic and English
 * at 360 and 1280 px under test-results/ (no sideways scrolling, both charts drawn, nothing
 * cut), the printed page (A4 PDF under test-results/: no navigation, the site name and
 * address, the download targets, the charts), and a profile and a brief read again with the
 * network switched off, saying when they were saved.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../src/i18n/i18n.js';
import { launchBrowser } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** Polls an expression in the page (page.waitForFunction would eval, which the site's CSP forbids). */
async function until(page: Page, expression: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const overflow = (page: Page) => page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth').then(Number);

describe('the country brief in the browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('reads at 360 and 1280 px in Arabic and English: no sideways scrolling, both charts drawn', async () => {
    for (const width of [360, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      try {
        const page = await context.newPage();
        for (const lang of ['en', 'ar'] as const) {
          await page.goto(`${server.origin}/countries/KEN/brief?lang=${lang}`);
          await page.screenshot({ path: `test-results/brief-${lang}-${width}.png`, fullPage: true });
          expect(await overflow(page), `${lang} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
          const charts = page.locator('main figure.chart svg.chart-svg');
          expect(await charts.count(), `${lang} at ${width}px`).toBe(2);
          for (let i = 0; i < 2; i++) {
            const box = await charts.nth(i).boundingBox();
            expect(box?.width ?? 0, `chart ${i} is drawn`).toBeGreaterThan(200);
            expect(box!.x, `chart ${i} starts on screen`).toBeGreaterThanOrEqual(0);
            expect(box!.x + box!.width, `chart ${i} ends on screen`).toBeLessThanOrEqual(width);
          }
          // Headings are not cut: each h2 is as wide as its text needs, inside the screen.
          const clipped = Number(
            await page.evaluate(
              "[...document.querySelectorAll('main h1, main h2, main p')].filter((e) => e.scrollWidth > e.clientWidth + 1).length",
            ),
          );
          expect(clipped, `${lang} at ${width}px: headings or paragraphs cut`).toBe(0);
          expect(await page.locator('h1').innerText()).toContain(lang === 'ar' ? 'كينيا' : 'Kenya');
        }
      } finally {
        await context.close();
      }
    }
  }, 90_000);

  it('prints on A4 without navigation, with the site and address, the download targets and the charts', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}/countries/KEN/brief?lang=en`);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('header.site').isVisible()).toBe(false);
      const printed = page.locator('p.printed');
      expect(await printed.isVisible()).toBe(true);
      expect(await printed.innerText()).toBe(`Printed from Digital Cooperation Platform: ${server.origin}/countries/KEN/brief?lang=en`);
      expect(await page.locator('main figure.chart svg').first().isVisible()).toBe(true);
      const after = await page.evaluate("getComputedStyle(document.querySelector('a[href$=\".docx?lang=en\"]'), '::after').content");
      expect(String(after), 'the link target follows the link on paper').toMatch(/attr\(href\)|\/countries\/KEN\/brief\.docx/);
      expect(await page.evaluate("getComputedStyle(document.querySelector('main tbody tr')).breakInside")).toBe('avoid');
      expect(await page.evaluate("getComputedStyle(document.querySelector('main thead')).display")).toBe('table-header-group');
      const pdf = await page.pdf({ path: 'test-results/brief-en.pdf', format: 'A4' });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
      expect(pages, 'A4 pages').toBeGreaterThanOrEqual(3);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('prints every page with the site name and its address, and no navigation', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.emulateMedia({ media: 'print' });
      for (const path of ['/', '/countries/KEN?lang=ar', '/api?lang=zh', '/privacy']) {
        await page.goto(`${server.origin}${path}`);
        expect(await page.locator('header.site').isVisible(), path).toBe(false);
        const printed = await page.locator('p.printed').innerText();
        expect(printed, path).toContain(`${server.origin}${path}`);
      }
    } finally {
      await context.close();
    }
  });

  it('keeps a profile and a brief readable offline, saying when they were saved', async () => {
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    try {
      const page = await context.newPage();
      const brief = `${server.origin}/countries/KEN/brief?lang=fr`;
      const profile = `${server.origin}/countries/UGA?lang=fr`;
      await page.goto(brief);
      // The worker installs after the first visit and keeps the page that registered it.
      await until(page, 'navigator.serviceWorker.controller !== null');
      await page.goto(profile);
      await until(page, "caches.open('dcp-pages-1').then((c) => c.keys()).then((k) => k.length >= 2)");

      await context.setOffline(true);
      for (const url of [brief, profile]) {
        await page.goto(url);
        const note = page.locator('main .offline-note');
        expect(await note.isVisible(), url).toBe(true);
        const text = await note.innerText();
        expect(text).toContain(CATALOGUES.fr['brief.offline.saved'].split('.')[1]!.trim());
        expect(text).toMatch(/\d{4}/);
        expect((await page.locator('h1').innerText()).length).toBeGreaterThan(3);
      }
      await page.goto(brief);
      expect(await page.locator('main figure.chart svg.chart-svg').count(), 'the saved brief keeps its charts').toBe(2);
      // A page never opened is not there offline.
      await expect(page.goto(`${server.origin}/countries/TZA/brief?lang=fr`)).rejects.toThrow(/net::ERR_/);
      await context.setOffline(false);
      await page.goto(brief);
      expect(await page.locator('main .offline-note').count(), 'online: the current page, no notice').toBe(0);
    } finally {
      await context.close();
    }
  }, 60_000);
});
