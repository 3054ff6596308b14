/**
 * Connect pages on a 2G-like link in Chromium: 35 kbit/s down and up, 1.3 s round trips (CDP
 * `Network.emulateNetworkConditions`, which throttles every request of the page). Measured: the
 * time until the largest contentful paint (the main content on screen), per fresh load.
 *
 * Target: the page as served, the whole stylesheet inline (allowed by its CSP hash).
 * Baseline: the same page as it was before — the stylesheet as a separate request — made by a
 * small rewriting proxy in this process that swaps the inline <style> for the <link> to the
 * hashed stylesheet the platform still serves. Both go over real sockets under the same
 * emulation, alternately, so the ratio compares only where the CSS comes from.
 *
 * Reported in the bench table as "latency" (ms to main content, lower is better) and "req/s"
 * (loads per second, 1000 ÷ mean ms). The goal is p50 ≤ 5000 ms for every Connect page.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { stylesheet } from '../src/web/assets.js';
import type { Benchmark, BenchContext } from './benchmark.js';
import type { Comparison, EndpointResult } from './http.js';

const TWO_G = { offline: false, latency: 1300, downloadThroughput: 35_000 / 8, uploadThroughput: 35_000 / 8 };
const LOADS = 3;

/** The page as it was before the stylesheet was inlined: every HTML answer rewritten, everything else passed on. */
async function linkedStylesheetProxy(origin: string): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    void (async () => {
      const upstream = await fetch(new URL(req.url ?? '/', origin), { headers: { 'Accept-Language': 'en' } });
      const type = upstream.headers.get('content-type') ?? '';
      let body: string | Uint8Array = new Uint8Array(await upstream.arrayBuffer());
      if (type.startsWith('text/html')) {
        body = new TextDecoder().decode(body).replace(/<style>[\s\S]*?<\/style>/, `<link rel="stylesheet" href="${stylesheet.path}">`);
      }
      // Compressed as the platform compresses (hono's compress: gzip from 1 KB), so only the CSS's place differs.
      const gzip = body.length >= 1024 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      if (gzip) body = gzipSync(body);
      res.writeHead(upstream.status, {
        'Content-Type': type,
        ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
        'Cache-Control': 'no-store',
        ...(upstream.headers.get('content-security-policy')
          ? { 'Content-Security-Policy': upstream.headers.get('content-security-policy')! }
          : {}),
      });
      res.end(body);
    })().catch(() => {
      res.writeHead(502).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Milliseconds from navigation start to the largest contentful paint, in a fresh context on the 2G link. */
async function timeToMainContent(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', TWO_G);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    // Evaluated through CDP, which the page's CSP does not govern.
    const lcp = await page.evaluate(
      `new Promise((resolve) => new PerformanceObserver((list) => resolve(list.getEntries().at(-1).startTime)).observe({ type: 'largest-contentful-paint', buffered: true }))`,
    );
    return Number(lcp);
  } finally {
    await context.close();
  }
}

function summary(path: string, times: readonly number[]): EndpointResult {
  const sorted = times.toSorted((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const perSecond = times.map((t) => 1000 / t);
  const spread = (Math.max(...perSecond) - Math.min(...perSecond)) / (1000 / mean);
  return {
    path,
    requestsPerSecond: 1000 / mean,
    requestsPerSecondSpread: spread,
    latencyMs: { p50: at(0.5), p95: at(0.95), p99: at(0.99), mean, max: sorted.at(-1) ?? NaN },
    samples: times.length,
    rounds: [],
  };
}

async function measure(ctx: BenchContext, path: string): Promise<Comparison> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run'],
  });
  const proxy = await linkedStylesheetProxy(ctx.origin);
  try {
    const inline: number[] = [];
    const linked: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      linked.push(await timeToMainContent(browser, `${proxy.origin}${path}`));
      inline.push(await timeToMainContent(browser, `${ctx.origin}${path}`));
      ctx.log(`load ${i + 1}: linked stylesheet ${linked.at(-1)!.toFixed(0)} ms, inline ${inline.at(-1)!.toFixed(0)} ms`);
    }
    const target = summary(`${path} (stylesheet inline)`, inline);
    const baseline = summary(`${path} (stylesheet linked, as before)`, linked);
    return {
      connections: 1,
      durationSeconds: 0,
      warmupSeconds: 0,
      target,
      baseline,
      ratio: {
        requestsPerSecond: target.requestsPerSecond / baseline.requestsPerSecond,
        p50: target.latencyMs.p50 / baseline.latencyMs.p50,
        p95: target.latencyMs.p95 / baseline.latencyMs.p95,
      },
    };
  } finally {
    await proxy.close();
    await browser.close();
  }
}

function onTwoG(name: string, path: string): Benchmark {
  return {
    name,
    description: `${path} on a 2G-like link (35 kbit/s, 1.3 s RTT) in Chromium: ms to largest contentful paint, stylesheet inline vs linked`,
    run: (ctx) => measure(ctx, path),
  };
}

export const briefOn2g = onTwoG('brief-2g', '/countries/KEN/brief');
export const profileOn2g = onTwoG('profile-2g', '/countries/KEN');
