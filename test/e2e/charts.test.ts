/**
 * Every chart kind in a real Chromium, on a plain page served by a tiny hono app (no database):
 * English and Arabic, at 320 px and 1280 px. Asserts no horizontal overflow, no text drawn
 * outside its chart, no CSP violation under the site's `style-src 'self'`, and no axe
 * WCAG 2.1 A/AA violation with every data table opened; saves a full-page screenshot of each
 * under test-results/ for a person to look at.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLanguage } from '../../src/shared/localised.js';
import { launchBrowser } from '../support/browser.js';
import { chartGallery } from '../support/chart-gallery.js';
import { AXE_TAGS } from './page-budgets.js';

const CSS = {
  '/app.css': readFileSync(new URL('../../src/web/static/app.css', import.meta.url), 'utf8'),
};

/** The test page: the site's stylesheet (the chart styles are its charts section) and one chart of every kind. */
function chartsApp() {
  const app = new Hono();
  app.use(async (c, next) => {
    await next();
    c.header('Content-Security-Policy', "default-src 'self'; style-src 'self'; img-src 'self' data:; script-src 'none'");
  });
  for (const [path, body] of Object.entries(CSS)) app.get(path, (c) => c.body(body, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
  app.get('/', (c) => {
    const requested = c.req.query('lang');
    const lang = isLanguage(requested) ? requested : 'en';
    const figures = chartGallery(lang)
      .map(({ kind, chart }) => `<section><h2>${kind}</h2>${chart.html.toString()}</section>`)
      .join('');
    return c.html(
      `<!doctype html><html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>Charts</title><link rel="stylesheet" href="/app.css"><link rel="icon" href="data:,"></head>` +
        `<body><main id="main" class="wrap"><h1>Charts</h1>${figures}</main></body></html>`,
    );
  });
  return app;
}

// Browser-side code as strings: the project's TypeScript has no DOM library, on purpose.
/** Horizontal overflow of the page in CSS pixels (0 when nothing scrolls sideways). */
const OVERFLOW = 'document.documentElement.scrollWidth - document.documentElement.clientWidth';
const OPEN_DETAILS = "document.querySelectorAll('details').forEach((d) => { d.open = true; })";

interface FigureReport {
  readonly cls: string;
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  /** Texts whose box reaches outside the SVG's view box: cut off on screen. */
  readonly outside: string[];
}

const MEASURE_FIGURES = `[...document.querySelectorAll('figure.chart')].map((f) => {
  const svg = f.querySelector('svg.chart-svg');
  const box = svg ? svg.getBoundingClientRect() : null;
  const view = svg ? svg.viewBox.baseVal : null;
  const outside = svg
    ? [...svg.querySelectorAll('text')]
        .map((t) => ({ text: t.textContent || '', b: t.getBBox() }))
        .filter(({ b }) => b.x < -1 || b.x + b.width > view.width + 1 || b.y < -1 || b.y + b.height > view.height + 1)
        .map(({ text, b }) => text + ' [x ' + Math.round(b.x) + '…' + Math.round(b.x + b.width) + ', y ' + b.y.toFixed(1) + '…' + (b.y + b.height).toFixed(1) + ']')
    : [];
  return { cls: f.className, width: box ? box.width : 0, height: box ? box.height : 0, left: box ? box.left : 0, right: box ? box.right : 0, outside };
})`;

describe('charts in the browser', () => {
  let browser: Browser;
  let server: ReturnType<typeof serve>;
  let origin: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    await new Promise<void>((resolve) => {
      server = serve({ fetch: chartsApp().fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        origin = `http://127.0.0.1:${info.port}`;
        resolve();
      });
    });
    mkdirSync('test-results', { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      if ('closeAllConnections' in server) server.closeAllConnections();
    });
  });

  for (const lang of ['en', 'ar'] as const) {
    for (const width of [320, 1280]) {
      it(
        `shows every chart kind in ${lang} at ${width} px without overflow, clipping, CSP or axe violations`,
        { timeout: 120_000 },
        async () => {
          const context = await browser.newContext({ viewport: { width, height: 900 } });
          try {
            const page = await context.newPage();
            const cspViolations: string[] = [];
            page.on('console', (m) => {
              if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
            });
            const response = await page.goto(`${origin}/?lang=${lang}`, { waitUntil: 'load' });
            expect(response?.status()).toBe(200);

            const figures = await page.evaluate<FigureReport[]>(MEASURE_FIGURES);
            expect(figures.map((f) => f.cls)).toEqual([
              'chart chart-trend',
              'chart chart-spark',
              'chart chart-compare',
              'chart chart-bar',
              'chart chart-map',
            ]);
            for (const f of figures) {
              expect(f.width, f.cls).toBeGreaterThan(100);
              expect(f.height, f.cls).toBeGreaterThan(20);
              expect(f.left, f.cls).toBeGreaterThanOrEqual(0);
              expect(f.right, f.cls).toBeLessThanOrEqual(width);
              expect(f.outside, f.cls).toEqual([]);
            }

            expect(await page.evaluate<number>(OVERFLOW)).toBe(0);

            await page.screenshot({ path: `test-results/charts-${lang}-${width}.png`, fullPage: true });

            // Open every data table so axe checks the tables too, and the page must still not overflow.
            await page.evaluate(OPEN_DETAILS);
            expect(await page.evaluate<number>(OVERFLOW)).toBe(0);
            const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
            expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
            expect(cspViolations).toEqual([]);
          } finally {
            await context.close();
          }
        },
      );
    }
  }

  it('prints on A4 in both directions: every chart within the page width, tables left out', { timeout: 120_000 }, async () => {
    // A4 is 210 mm; with 15 mm margins the printable width is 180 mm, 680 CSS pixels.
    const context = await browser.newContext({ viewport: { width: 680, height: 960 } });
    try {
      const page = await context.newPage();
      await page.emulateMedia({ media: 'print' });
      for (const lang of ['en', 'ar']) {
        await page.goto(`${origin}/?lang=${lang}`, { waitUntil: 'load' });
        expect(await page.evaluate<number>(OVERFLOW)).toBe(0);
        const figures = await page.evaluate<FigureReport[]>(MEASURE_FIGURES);
        for (const f of figures) {
          expect(f.right, f.cls).toBeLessThanOrEqual(680);
          expect(f.outside, f.cls).toEqual([]);
        }
        expect(
          await page.evaluate<number>(
            "[...document.querySelectorAll('.chart-data')].filter((d) => getComputedStyle(d).display !== 'none').length",
          ),
        ).toBe(0);
        await page.screenshot({ path: `test-results/charts-${lang}-print.png`, fullPage: true });
      }
    } finally {
      await context.close();
    }
  });
});
