/**
 * `npm run lighthouse`: Lighthouse 12.2.3 with the system's Chromium on the Connect pages — a
 * country profile, a group, the indicator map and the country brief — with Lighthouse's default
 * mobile profile (Moto G Power screen, simulated slow 4G: 150 ms RTT, 1.6 Mbit/s, 4× CPU
 * slowdown). Prints performance, accessibility, best practices and SEO per page, writes each
 * full report to test-results/lighthouse/, and exits 1 when any score is below 95 (or a page
 * does not answer 200).
 *
 *   npm run lighthouse                                   # a throwaway instance (embedded PostgreSQL, real data)
 *   npm run lighthouse -- --origin http://127.0.0.1:3000 # a running platform
 *   npm run lighthouse -- --path /countries/UGA/brief    # other pages (repeatable)
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import { freePort, startInstance, type Instance } from './security/instance.js';

const PAGES = ['/countries/KEN', '/groups/LDC', '/indicators/internet-use', '/countries/KEN/brief'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const TARGET = 0.95;
const OUT = path.join('test-results', 'lighthouse');
const log = (message: string) => process.stderr.write(`[lighthouse] ${message}\n`);

/** Debian's Chromium with a DevTools port for Lighthouse; stopped by the returned function. */
async function startChromium(): Promise<{ port: number; stop(): void }> {
  const port = await freePort();
  const child = spawn(
    '/usr/bin/chromium',
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      `--remote-debugging-port=${port}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 30_000;
  for (;;) {
    const up = await fetch(`http://127.0.0.1:${port}/json/version`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('Chromium did not open its DevTools port');
    await new Promise((r) => setTimeout(r, 250));
  }
  return { port, stop: () => child.kill('SIGTERM') };
}

async function audit(url: string, port: number) {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  return result;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { origin: { type: 'string' }, path: { type: 'string', multiple: true } } });
  const pages = values.path ?? PAGES;
  let instance: Instance | undefined;
  const origin = values.origin ?? (instance = await startInstance(log)).origin;
  const chromium = await startChromium();
  const rows: string[][] = [];
  let failed = false;
  try {
    await mkdir(OUT, { recursive: true });
    for (const page of pages) {
      const url = `${origin}${page}`;
      const status = (await fetch(url)).status;
      if (status !== 200) {
        rows.push([page, `HTTP ${status}`, '', '', '']);
        failed = true;
        continue;
      }
      log(`auditing ${url}`);
      // A trace that failed to record (NO_NAVSTART, seen on a fresh browser's first load) is Lighthouse's own
      // fault, reported as scores of 0: run it again, at most twice.
      let result = await audit(url, chromium.port);
      for (let retry = 0; retry < 2 && result.lhr.runtimeError; retry++) {
        log(`  ${result.lhr.runtimeError.code}: running again`);
        result = await audit(url, chromium.port);
      }
      const scores = CATEGORIES.map((c) => result.lhr.categories[c]?.score ?? 0);
      if (scores.some((s) => s < TARGET)) failed = true;
      rows.push([page, ...scores.map((s) => String(Math.round(s * 100)))]);
      const below = Object.values(result.lhr.audits).filter(
        (a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative',
      );
      for (const weak of below) log(`  ${page}: ${weak.id} ${weak.score ?? ''} ${weak.displayValue ?? ''}`);
      const metrics = [
        'first-contentful-paint',
        'largest-contentful-paint',
        'total-blocking-time',
        'cumulative-layout-shift',
        'speed-index',
      ];
      log(`  ${metrics.map((m) => `${m} ${result.lhr.audits[m]?.displayValue ?? '-'}`).join(', ')}`);
      await writeFile(path.join(OUT, `${page.replace(/^\//, '').replace(/[^a-zA-Z0-9-]+/g, '_') || 'home'}.json`), result.report as string);
    }
  } finally {
    chromium.stop();
    await instance?.stop();
  }
  const header = ['page', ...CATEGORIES];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  process.stdout.write(
    `${[`Lighthouse 12.2.3, mobile, simulated slow 4G; target ≥ ${TARGET * 100}`, line(header), ...rows.map(line)].join('\n')}\n`,
  );
  process.stdout.write(`Reports: ${OUT}/\n`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`lighthouse: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
