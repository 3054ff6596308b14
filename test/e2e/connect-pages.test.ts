/**
 * The country profile as a person sees it, in a real Chromium: Arabic and English at 360 px and
 * 1280 px, with a full-page screenshot of each saved under test-results/ for a person to look at,
 * asserting that the page does not scroll sideways, that the trend charts are there and drawn at
 * a readable size, and that no text is cut off (nothing sticks out of the page or of its chart).
 * Also: the comparison form works with JavaScript off, and the indicator map's image loads.
 */
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

// Browser-side code as strings: the project's TypeScript has no DOM library, on purpose.
const OVERFLOW = 'document.documentElement.scrollWidth - document.documentElement.clientWidth';

/** Charts: how many, how wide, and any label drawn outside its SVG's view box. */
const CHARTS = `[...document.querySelectorAll('main figure.chart')].map((f) => {
  const svg = f.querySelector('svg.chart-svg');
  const view = svg.viewBox.baseVal;
  const outside = [...svg.querySelectorAll('text')]
    .map((t) => ({ text: t.textContent || '', b: t.getBBox() }))
    .filter(({ b }) => b.x < -1 || b.x + b.width > view.width + 1 || b.y < -1 || b.y + b.height > view.height + 1)
    .map(({ text }) => text);
  return { cls: f.className, width: svg.getBoundingClientRect().width, outside };
})`;

/**
 * Text cut off: an element of main whose own box reaches past the viewport (outside a scroll
 * box), or whose text overflows a box that hides overflow.
 */
const CLIPPED = `(() => {
  const width = document.documentElement.clientWidth;
  const inScroll = (el) => el.closest('.scroll, .chart-scroll');
  return [...document.querySelectorAll('main h1, main h2, main h3, main h4, main p, main li, main th, main td, main dt, main dd, main a, main strong')]
    .filter((el) => !inScroll(el) && el.getClientRects().length > 0)
    .filter((el) => {
      const r = el.getBoundingClientRect();
      const hides = getComputedStyle(el).overflowX !== 'visible';
      return r.left < -1 || r.right > width + 1 || (hides && el.scrollWidth > el.clientWidth + 1);
    })
    .map((el) => el.tagName + ': ' + (el.textContent || '').trim().slice(0, 60));
})()`;

describe('the country profile in the browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    mkdirSync('test-results', { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const lang of ['en', 'ar'] as const) {
    it(
      `shows Kenya in ${lang} at 360 px and 1280 px: no sideways scroll, charts present, no text cut off`,
      { timeout: 120_000 },
      async () => {
        for (const width of [360, 1280]) {
          const context = await browser.newContext({ viewport: { width, height: 900 } });
          try {
            const page = await context.newPage();
            const response = await page.goto(`${server.origin}/countries/KEN?lang=${lang}`, { waitUntil: 'load' });
            expect(response?.status()).toBe(200);
            expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
            await page.screenshot({ path: `test-results/profile-KEN-${lang}-${width}.png`, fullPage: true });

            expect(await page.evaluate<number>(OVERFLOW), `${lang} ${width}px scrolls sideways`).toBe(0);
            const charts = await page.evaluate<{ cls: string; width: number; outside: string[] }[]>(CHARTS);
            expect(
              charts.filter((c) => c.cls === 'chart chart-trend').length,
              'a trend chart per indicator with a series',
            ).toBeGreaterThanOrEqual(6);
            for (const c of charts) {
              expect(c.width, `${lang} ${width}px chart width`).toBeGreaterThan(200);
              expect(c.outside, `${lang} ${width}px labels outside a chart`).toEqual([]);
            }
            expect(await page.evaluate<string[]>(CLIPPED), `${lang} ${width}px text cut off`).toEqual([]);
            // The summary in words comes first, before any card.
            expect(await page.locator('main p.summary').count()).toBe(1);
            // On a phone the scorecard is a stack of cards, each value after its column's name.
            const rowDisplay = await page.evaluate<string>(
              "getComputedStyle(document.querySelector('table.stack-table tbody tr')).display",
            );
            expect(rowDisplay, `${lang} ${width}px scorecard rows`).toBe(width === 360 ? 'block' : 'table-row');
          } finally {
            await context.close();
          }
        }
      },
    );
  }

  it('compares countries with the form and JavaScript off, and shows the indicator map image', { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}/compare?lang=en`);
      await page.locator('#countries').fill('KEN, UGA');
      await page.locator('#groups').fill('LDC');
      await Promise.all([page.waitForURL(/countries=KEN/), page.locator('form.compare button[type="submit"]').click()]);
      expect(await page.locator('main figure.chart-compare svg.chart-svg').count()).toBe(1);
      expect(await page.locator('#compare-table ~ div table tbody tr').count()).toBeGreaterThan(10);
      expect(await page.evaluate<number>(OVERFLOW)).toBe(0);

      await page.goto(`${server.origin}/indicators/internet-use?lang=ar`);
      expect(Number(await page.evaluate("document.querySelector('main figure.chart-map img').naturalWidth"))).toBeGreaterThan(500);
      expect(await page.evaluate<number>(OVERFLOW)).toBe(0);
      await page.screenshot({ path: 'test-results/indicator-map-ar-360.png', fullPage: true });
    } finally {
      await context.close();
    }
  });

  /** The country page at `width` with JavaScript off, and its main menu. */
  async function menuAt(width: number, lang: string) {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 700 } });
    const page = await context.newPage();
    await page.goto(`${server.origin}/countries/KEN?lang=${lang}`);
    const nav = page.locator('header.site nav').first();
    return { context, page, nav, summary: nav.locator('summary'), countries: nav.locator('a[href="/countries"]') };
  }

  it('folds the main menu behind "Menu" at 320 px, JavaScript off, and opens it on a tap', { timeout: 60_000 }, async () => {
    const { context, page, summary, countries } = await menuAt(320, 'ar');
    try {
      expect(await summary.isVisible()).toBe(true);
      expect(await countries.isVisible()).toBe(false);
      // Brand, "Menu" and the six languages: well under half of a 700 px screen.
      expect((await page.locator('header.site').boundingBox())?.height).toBeLessThan(300);
      await summary.click();
      expect(await countries.isVisible()).toBe(true);
      await page.screenshot({ path: 'test-results/menu-open-ar-320.png' });
      await Promise.all([page.waitForURL(/\/countries$/), countries.click()]);
      expect(await page.evaluate<number>(OVERFLOW)).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('shows the main menu as a row of links at 1280 px without a "Menu" button', { timeout: 60_000 }, async () => {
    const { context, page, nav, summary } = await menuAt(1280, 'en');
    try {
      expect(await summary.isVisible()).toBe(false);
      const links = await nav.locator('a').all();
      expect(links.length).toBeGreaterThan(8);
      for (const a of links) expect(await a.isVisible()).toBe(true);
      await page.screenshot({ path: 'test-results/menu-en-1280.png' });
    } finally {
      await context.close();
    }
  });
});
