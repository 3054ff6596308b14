import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { forEachEngine } from '../../../test/support/engines.js';
import type { Db } from '../../db/database.js';
import { importWorldBank, WORLD_BANK_API_SOURCE } from './import-worldbank.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURE = path.join(root, 'test/fixtures/worldbank/it-net-user-zs.json');
const FAST = { backoffMs: 10, timeoutMs: 2000, today: '2026-11-30' };

type Handler = (url: URL, res: http.ServerResponse) => void;
const notFound: Handler = (_url, res) => res.writeHead(404).end();

/** A stand-in for api.worldbank.org: each test sets how it answers; every request is recorded. */
async function startWorldBank(): Promise<{ url: string; requests: string[]; answer: (h: Handler) => void; close: () => Promise<void> }> {
  const requests: string[] = [];
  let handler: Handler = notFound;
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    handler(new URL(req.url ?? '/', 'http://localhost'), res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v2`,
    requests,
    answer: (h) => (handler = h),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const json = (res: http.ServerResponse, body: unknown, status = 200) =>
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(typeof body === 'string' ? body : JSON.stringify(body));

function page(indicator: string, rows: [string, string, number | null][], info: Record<string, unknown> = {}) {
  return [
    { page: 1, pages: 1, per_page: 20000, total: rows.length, sourceid: '2', lastupdated: '2026-07-01', ...info },
    rows.map(([iso3, date, amount]) => ({
      indicator: { id: indicator, value: indicator },
      country: { id: iso3.slice(0, 2), value: iso3 },
      countryiso3code: iso3,
      date,
      value: amount,
      unit: '',
      obs_status: '',
      decimal: 1,
    })),
  ];
}

async function value(db: Db, iso3: string, year: number, indicator: string) {
  const { rows } = await sql<{ value: number; source: string; vintage: string }>`
    select o.value, o.source, o.vintage from observations o where o.m49 = (select m49 from countries where iso3 = ${iso3})
      and o.year = ${year} and o.indicator_code = ${indicator} and o.breakdown = ''`.execute(db);
  return rows[0];
}

async function counts(db: Db) {
  const { rows } = await sql<{ o: number; r: number; runs: number }>`select (select count(*)::int from observations) as o,
    (select count(*)::int from observation_revisions) as r, (select count(*)::int from import_runs) as runs`.execute(db);
  return rows[0]!;
}

function dcp(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      path.join(root, 'node_modules/.bin/tsx'),
      ['src/main.ts', ...args],
      { cwd: root, env: { ...process.env, LOG_LEVEL: 'silent', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

forEachEngine('World Bank importer', (t) => {
  let wb: Awaited<ReturnType<typeof startWorldBank>>;
  let fixture: string;
  beforeAll(async () => {
    wb = await startWorldBank();
    fixture = await readFile(FIXTURE, 'utf8');
  });
  beforeEach(() => {
    wb.requests.length = 0;
  });
  afterAll(() => wb.close());

  it("imports countries, a revision and the World Bank's own aggregate, and counts every row it leaves out by reason", async () => {
    wb.answer((url, res) => (url.pathname.endsWith('/IT.NET.USER.ZS') ? json(res, fixture) : json(res, '[{"message":[{"id":"120"}]}]')));
    const before = await counts(t.db);
    const summary = await importWorldBank(t.db, wb.url, 'IT.NET.USER.ZS', FAST);
    expect(wb.requests).toEqual(['/v2/country/all/indicator/IT.NET.USER.ZS?format=json&per_page=20000']);
    // KEN 2024 revised (34.9762 → 36.1), KEN 2023 same value with a newer vintage, TZA 2025 new.
    expect(summary).toMatchObject({ inserted: 1, revised: 1, unchanged: 1, superseded: 0, publishedAggregates: 1 });
    expect(summary.skipped).toEqual({
      'null value (year not published)': 1,
      "area not an M49 country or one of the platform's groups (2 codes: AFE, XKX)": 2,
    });
    const stored = summary.inserted + summary.revised + summary.unchanged + summary.superseded + summary.publishedAggregates;
    expect(stored + Object.values(summary.skipped).reduce((a, b) => a + b, 0)).toBe(summary.values);
    expect(await value(t.db, 'KEN', 2024, 'internet-use')).toEqual({ value: 36.1, source: WORLD_BANK_API_SOURCE, vintage: '2026-07-01' });
    const published = await t.db.selectFrom('published_aggregates').selectAll().where('source', '=', WORLD_BANK_API_SOURCE).execute();
    expect(published).toEqual([expect.objectContaining({ group_code: 'WLD', year: 2024, value: 71.2, vintage: '2026-07-01' })]);
    expect((await counts(t.db)).o).toBe(before.o + 1);
  }, 120_000);

  it('recomputes a derived indicator when its input is revised, with the input’s own vintage (issue 8: monthly GNI kept the old value)', async () => {
    const usa = (await value(t.db, 'USA', 2023, 'gni-per-capita'))!;
    const revised = usa.value + 1200;
    wb.answer((_url, res) => json(res, page('NY.GNP.PCAP.CD', [['USA', '2023', revised]], { lastupdated: '2026-07-15' })));
    const summary = await importWorldBank(t.db, wb.url, 'NY.GNP.PCAP.CD', FAST);
    expect(summary).toMatchObject({ revised: 1 });
    expect(summary.derived.revised).toBeGreaterThanOrEqual(1);
    const monthly = await value(t.db, 'USA', 2023, 'gni-per-capita-monthly');
    expect(monthly?.value).toBeCloseTo(revised / 12, 6);
    expect(monthly?.vintage).toBe('2026-07-15');
    const history = await sql<{ old_value: number; new_value: number }>`select old_value, new_value from observation_revisions
      where indicator_code = 'gni-per-capita-monthly' and year = 2023 and m49 = '840' order by id desc limit 1`.execute(t.db);
    expect(history.rows[0]?.old_value).toBeCloseTo(usa.value / 12, 6);
  }, 120_000);

  it('stops with a clear error when the server ignores the page parameter, instead of asking forever', async () => {
    wb.answer((_url, res) => json(res, page('IT.NET.USER.ZS', [['KEN', '2022', 40]], { page: 1, pages: 3, total: 3, per_page: 1 })));
    const before = await counts(t.db);
    await expect(importWorldBank(t.db, wb.url, 'IT.NET.USER.ZS', FAST)).rejects.toThrow(
      /&page=2 \(\[0\]\.page\): asked for page 2, the API answered page 1; it ignores paging/,
    );
    expect(wb.requests).toHaveLength(2);
    expect(await counts(t.db)).toEqual(before);
  }, 120_000);

  it('refuses a response carrying another indicator than the one asked for (issue 8: GNI stored as mobile subscriptions)', async () => {
    wb.answer((_url, res) => json(res, page('NY.GNP.PCAP.CD', [['KEN', '2022', 2100]])));
    await expect(importWorldBank(t.db, wb.url, 'IT.CEL.SETS.P2', FAST)).rejects.toThrow(
      '([1][0].indicator.id): the API answered with indicator NY.GNP.PCAP.CD, not the IT.CEL.SETS.P2 asked for',
    );
  }, 120_000);

  it('retries a failing API with backoff and imports once it answers', async () => {
    let calls = 0;
    wb.answer((_url, res) =>
      ++calls < 3 ? res.writeHead(503).end('busy') : json(res, page('IT.NET.USER.ZS', [['KEN', '2022', 40.8137]])),
    );
    const summary = await importWorldBank(t.db, wb.url, 'IT.NET.USER.ZS', FAST);
    expect(calls).toBe(3);
    expect(summary.values).toBe(1);
  }, 120_000);

  it('names the URL and the reason when the API cannot be reached or does not answer in time, after its retries', async () => {
    const closed = await startWorldBank();
    await closed.close();
    await expect(importWorldBank(t.db, closed.url, 'IT.NET.USER.ZS', { ...FAST, attempts: 2 })).rejects.toThrow(
      `the World Bank API at ${closed.url}/country/all/indicator/IT.NET.USER.ZS?format=json&per_page=20000 failed 2 times: ECONNREFUSED`,
    );
    wb.answer(() => {}); // never answers
    await expect(importWorldBank(t.db, wb.url, 'IT.NET.USER.ZS', { ...FAST, attempts: 2, timeoutMs: 200 })).rejects.toThrow(
      /failed 2 times: no answer within 0\.2 s; check DCP_WORLDBANK_API_URL/,
    );
    expect(wb.requests).toHaveLength(2);
  }, 120_000);

  it('refuses an indicator outside the catalogue, an API error and a vintage in the future, writing nothing', async () => {
    const before = await counts(t.db);
    wb.answer((_url, res) =>
      json(res, '[{"message":[{"id":"120","key":"Invalid value","value":"The provided parameter value is not valid"}]}]'),
    );
    await expect(importWorldBank(t.db, wb.url, 'NY.GDP.MKTP.CD', FAST)).rejects.toThrow(/not in the catalogue/);
    await expect(importWorldBank(t.db, wb.url, 'IT.CEL.SETS.P2', FAST)).rejects.toThrow(/the API returned an error instead of data: 120/);
    wb.answer((_url, res) => json(res, page('IT.NET.USER.ZS', [['KEN', '2022', 40]], { lastupdated: '2099-01-01' })));
    await expect(importWorldBank(t.db, wb.url, 'IT.NET.USER.ZS', FAST)).rejects.toThrow(
      '(vintage): 2099-01-01 is in the future (today is 2026-11-30)',
    );
    expect(await counts(t.db)).toEqual(before);
  }, 120_000);

  it('runs from the dcp command line with the API address from DCP_WORLDBANK_API_URL, one clear line on failure', async () => {
    wb.answer((url, res) => (url.pathname.endsWith('/IT.NET.USER.ZS') ? json(res, fixture) : res.writeHead(404).end()));
    const env = { DATABASE_URL: t.url, DCP_WORLDBANK_API_URL: wb.url };
    const ok = await dcp(['import', 'worldbank', 'IT.NET.USER.ZS'], env);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ inserted: 0, revised: 0 }); // idempotent
    const bad = await dcp(['import', 'worldbank', 'IT.CEL.SETS.P2'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /^dcp: http:\/\/127\.0\.0\.1:\d+\/v2\/country\/all\/indicator\/IT\.CEL\.SETS\.P2\?format=json&per_page=20000: the API answered HTTP 404\n$/,
    );
  }, 120_000);
});
