/**
 * The inclusion budgets of PRODUCT.md, measured for one page in a real browser,
 * so every page the platform grows costs one line in a test:
 *
 *   const report = await checkPageBudgets(browser, origin, '/countries', { lang: 'ar' });
 *
 * It measures and returns a report; it asserts nothing, so a failing test can
 * print every figure at once and the numbers can be tabled across pages.
 *
 * 1. the first HTML response, compressed, as bytes on the wire (≤ 14 KiB, one TCP initial window);
 * 2. everything a first visit transfers in a fresh browser context (≤ 100 KiB);
 * 3. every request goes to the page's own origin (no third parties);
 * 4. axe finds no WCAG 2.1 A/AA violation;
 * 5. with JavaScript off the page shows its <h1> and main content, and a navigation link works;
 * plus the <html lang dir> the page declares.
 */
import http from 'node:http';
import zlib from 'node:zlib';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';

export const BUDGETS = {
  /** Bytes of the compressed HTML body of the first response. */
  firstResponseBytes: 14_336,
  /** Bytes transferred (headers + encoded bodies) by a first visit. */
  firstVisitBytes: 102_400,
} as const;

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface FirstResponse {
  readonly status: number;
  /** Content-Encoding as served; '' when the body went uncompressed. */
  readonly encoding: string;
  /** Body bytes as they crossed the wire (chunk framing aside), before decompression. */
  readonly wireBytes: number;
  /** The HTML after decompression, for context. */
  readonly htmlBytes: number;
}

export interface TransferredRequest {
  readonly url: string;
  readonly status: number | undefined;
  readonly resourceType: string;
  /** Chromium's encodedDataLength: response headers plus the encoded body. */
  readonly bytes: number;
  readonly failed?: string;
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null | undefined;
  readonly help: string;
  readonly nodes: { readonly target: string; readonly html: string; readonly summary: string }[];
}

export interface NoScriptCheck {
  readonly status: number | undefined;
  readonly h1: string;
  /** Characters of visible text in <main>. */
  readonly mainTextLength: number;
  /** The navigation link followed from the page, and where it led. */
  readonly link:
    | {
        readonly text: string;
        readonly href: string;
        /** Path the link points to, and the path the browser ended on. */
        readonly expectedPath: string;
        readonly landedPath: string;
        readonly status: number | undefined;
        readonly h1: string;
      }
    | undefined;
}

export interface PageBudgetReport {
  readonly path: string;
  readonly lang: string | undefined;
  readonly url: string;
  readonly firstResponse: FirstResponse;
  readonly firstVisit: { readonly totalBytes: number; readonly requests: TransferredRequest[] };
  /** URLs the page asked for outside its own origin (data: URLs excepted: they never touch the network). */
  readonly thirdParty: string[];
  readonly axe: AxeViolation[];
  readonly html: { readonly lang: string | null; readonly dir: string | null };
  readonly noScript: NoScriptCheck;
}

/** A cookie every request of the check carries, e.g. a signed-in session: `{ name: 'dcp_session', value }`. */
export interface BudgetCookie {
  readonly name: string;
  readonly value: string;
}

/**
 * Measures one page against the budgets. `lang` is passed as `?lang=`; each
 * browser visit runs in its own fresh context (empty cache, no cookies but
 * `cookies`, so a signed-in page is measured as its person sees it).
 * @example const r = await checkPageBudgets(browser, 'http://127.0.0.1:3000', '/countries/KEN', { lang: 'ar' });
 */
export async function checkPageBudgets(
  browser: Browser,
  origin: string,
  path: string,
  options: { lang?: string; cookies?: readonly BudgetCookie[] } = {},
): Promise<PageBudgetReport> {
  const url = new URL(path, origin);
  if (options.lang) url.searchParams.set('lang', options.lang);
  const href = url.toString();
  const cookies = options.cookies ?? [];

  const firstResponse = await fetchRaw(href, cookies);
  const visit = await firstVisit(browser, href, cookies);
  const noScript = await withoutScript(browser, href, cookies);

  return {
    path,
    lang: options.lang,
    url: href,
    firstResponse,
    firstVisit: { totalBytes: visit.requests.reduce((sum, r) => sum + r.bytes, 0), requests: visit.requests },
    thirdParty: visit.requested.filter((u) => !u.startsWith('data:') && new URL(u).origin !== url.origin),
    axe: visit.axe,
    html: visit.html,
    noScript,
  };
}

/** The first response as a browser would get it, counted before decompression (Node's fetch would decompress). */
function fetchRaw(href: string, cookies: readonly BudgetCookie[]): Promise<FirstResponse> {
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return new Promise((resolve, reject) => {
    const request = http.get(
      href,
      {
        agent: false,
        headers: {
          'Accept-Encoding': 'gzip, deflate, br',
          Accept: 'text/html,application/xhtml+xml',
          ...(cookie ? { Cookie: cookie } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const raw = Buffer.concat(chunks);
          const encoding = String(response.headers['content-encoding'] ?? '');
          try {
            resolve({ status: response.statusCode ?? 0, encoding, wireBytes: raw.length, htmlBytes: decode(raw, encoding).length });
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    request.on('error', reject);
  });
}

function decode(raw: Buffer, encoding: string): Buffer {
  switch (encoding) {
    case 'gzip':
      return zlib.gunzipSync(raw);
    case 'deflate':
      return zlib.inflateSync(raw);
    case 'br':
      return zlib.brotliDecompressSync(raw);
    case '':
    case 'identity':
      return raw;
    default:
      throw new Error(`Unexpected Content-Encoding ${encoding}`);
  }
}

/** A fresh browser context holding only `cookies` (for this page's origin). */
async function freshContext(
  browser: Browser,
  href: string,
  cookies: readonly BudgetCookie[],
  options: { javaScriptEnabled?: boolean } = {},
) {
  const context = await browser.newContext(options);
  if (cookies.length > 0) await context.addCookies(cookies.map((c) => ({ name: c.name, value: c.value, url: new URL(href).origin })));
  return context;
}

/** A first visit in a fresh context: every transfer through CDP, then axe and the <html> attributes. */
async function firstVisit(browser: Browser, href: string, cookies: readonly BudgetCookie[]) {
  const context = await freshContext(browser, href, cookies);
  try {
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));

    const cdp = await context.newCDPSession(page);
    const byId = new Map<string, { url: string; resourceType: string; status?: number; bytes: number; failed?: string; done?: boolean }>();
    cdp.on('Network.requestWillBeSent', (e) => {
      byId.set(e.requestId, { url: e.request.url, resourceType: e.type ?? 'Other', bytes: 0 });
    });
    cdp.on('Network.responseReceived', (e) => {
      const r = byId.get(e.requestId);
      if (r) r.status = e.response.status;
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = byId.get(e.requestId);
      if (r) {
        r.bytes = e.encodedDataLength;
        r.done = true;
      }
    });
    cdp.on('Network.loadingFailed', (e) => {
      const r = byId.get(e.requestId);
      if (r) {
        r.failed = e.errorText;
        r.done = true;
      }
    });
    await cdp.send('Network.enable');

    await page.goto(href, { waitUntil: 'load' });
    await settled(() => [...byId.values()].filter((r) => r.done !== true && !r.url.startsWith('data:')).length);
    await cdp.detach();
    const requests: TransferredRequest[] = [...byId.values()].map((r) => ({
      url: r.url,
      status: r.status,
      resourceType: r.resourceType,
      bytes: r.bytes,
      ...(r.failed ? { failed: r.failed } : {}),
    }));

    const html = await htmlAttributes(page);
    const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    const axe: AxeViolation[] = results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' '),
        html: n.html.length > 160 ? `${n.html.slice(0, 157)}...` : n.html,
        summary: n.failureSummary ?? '',
      })),
    }));
    return { requests, requested, axe, html };
  } finally {
    await context.close();
  }
}

/**
 * Resolves once nothing has been in flight for `quietMs` (or after `timeoutMs`). Playwright's
 * 'networkidle' waits for 500 ms of silence, a fixed half second on each of ~100 pages; our pages
 * ask for nothing after their load event but the service worker's script, which starts during
 * load, so a shorter quiet window over the requests we already track measures the same visit.
 */
async function settled(pending: () => number, quietMs = 100, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (pending() > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
  }
}

async function htmlAttributes(page: Page) {
  const root = page.locator('html');
  return { lang: await root.getAttribute('lang'), dir: await root.getAttribute('dir') };
}

/** JavaScript off: the <h1> and main content are there, and the first main-navigation link to another page works. */
async function withoutScript(browser: Browser, href: string, cookies: readonly BudgetCookie[]): Promise<NoScriptCheck> {
  const context = await freshContext(browser, href, cookies, { javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    const response = await page.goto(href, { waitUntil: 'load' });
    const h1 = await firstText(page, 'h1');
    const main = page.locator('main');
    const mainTextLength = (await main.count()) > 0 ? (await main.first().innerText()).trim().length : 0;

    // The first <nav> is the main navigation; follow its first link to another path.
    const here = new URL(page.url()).pathname;
    const links = page.locator('nav').first().locator('a[href]');
    // On a narrow screen the menu is folded behind its summary: open it, as a reader would.
    const menu = page.locator('nav').first().locator('summary');
    if ((await menu.count()) > 0 && (await menu.first().isVisible())) await menu.first().click();
    let link: NoScriptCheck['link'];
    for (let i = 0; i < (await links.count()); i++) {
      const a = links.nth(i);
      const target = await a.getAttribute('href');
      if (!target || new URL(target, href).pathname === here) continue;
      const text = (await a.innerText()).trim();
      const [navigation] = await Promise.all([page.waitForResponse((r) => r.request().isNavigationRequest()), a.click()]);
      await page.waitForLoadState('load');
      link = {
        text,
        href: target,
        expectedPath: new URL(target, href).pathname,
        landedPath: new URL(page.url()).pathname,
        status: navigation.status(),
        h1: await firstText(page, 'h1'),
      };
      break;
    }
    return { status: response?.status(), h1, mainTextLength, link };
  } finally {
    await context.close();
  }
}

async function firstText(page: Page, selector: string): Promise<string> {
  const found = page.locator(selector);
  return (await found.count()) > 0 ? (await found.first().innerText()).trim() : '';
}

/**
 * Every way a measured page misses its budgets, in words (empty when it keeps them all): status,
 * first response and first visit bytes, other origins, failed requests, axe, lang and dir, and with
 * JavaScript off its status, <h1>, main content and a working main-navigation link.
 * @example expect(budgetFailures(report, { lang: 'ar' })).toEqual([])
 */
export function budgetFailures(r: PageBudgetReport, page: { readonly lang?: string; readonly status?: number } = {}): string[] {
  const lang = page.lang ?? 'en';
  const status = page.status ?? 200;
  const first = r.firstResponse;
  const ns = r.noScript;
  const failures: string[] = [];
  const check = (ok: boolean, message: string) => {
    if (!ok) failures.push(message);
  };

  check(first.status === status, `HTTP status ${first.status}, expected ${status}`);
  check(
    first.wireBytes <= BUDGETS.firstResponseBytes,
    `first response is ${first.wireBytes} B on the wire (${first.encoding || 'uncompressed'}, ${first.htmlBytes} B of HTML); budget ${BUDGETS.firstResponseBytes} B`,
  );
  check(
    r.firstVisit.totalBytes <= BUDGETS.firstVisitBytes,
    `first visit transfers ${r.firstVisit.totalBytes} B in ${r.firstVisit.requests.length} requests; budget ${BUDGETS.firstVisitBytes} B\n${r.firstVisit.requests.map((q) => `  ${q.bytes} B ${q.status ?? '-'} ${q.url}`).join('\n')}`,
  );
  check(r.thirdParty.length === 0, `requests to other origins: ${r.thirdParty.join(', ')}`);
  const failed = r.firstVisit.requests.filter((q) => q.failed);
  check(failed.length === 0, `failed requests: ${failed.map((q) => `${q.url} (${q.failed ?? ''})`).join(', ')}`);
  check(r.axe.length === 0, `axe WCAG 2.1 A/AA violations:\n${formatViolations(r.axe)}`);
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  check(
    r.html.lang === lang && r.html.dir === dir,
    `<html lang="${r.html.lang ?? ''}" dir="${r.html.dir ?? ''}">, expected lang="${lang}" dir="${dir}"`,
  );

  check(ns.status === status, `with JavaScript off: HTTP status ${ns.status ?? 'none'}, expected ${status}`);
  check(ns.h1 !== '', 'with JavaScript off: no <h1> text');
  check(ns.mainTextLength > 20, `with JavaScript off: main content is ${ns.mainTextLength} characters`);
  if (!ns.link) failures.push('with JavaScript off: no main-navigation link to another page');
  else {
    const { text, href, status: linkStatus, landedPath, expectedPath, h1 } = ns.link;
    check(
      linkStatus === 200 && landedPath === expectedPath && h1 !== '',
      `with JavaScript off: following "${text}" (${href}) gave HTTP ${linkStatus ?? 'none'} at ${landedPath} with <h1> "${h1}"`,
    );
  }
  return failures;
}

function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `  ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${v.nodes.map((n) => `    ${n.target}  ${n.html}\n      ${n.summary.replace(/\n/g, '\n      ')}`).join('\n')}`,
    )
    .join('\n');
}
