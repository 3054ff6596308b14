import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../../../test/support/engines.js';
import type { Db } from '../../db/database.js';
import { importSdmx, importWorldBank, WORLD_BANK_API_SOURCE } from './import-external.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURE = path.join(root, 'test/fixtures/worldbank/it-net-user-zs.json');

/** A stand-in for api.worldbank.org serving the recorded response of one indicator, and recording what was asked. */
async function startWorldBank(): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
  const fixture = await readFile(FIXTURE, 'utf8');
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const ok =
      url.pathname === '/v2/country/all/indicator/IT.NET.USER.ZS' &&
      url.searchParams.get('format') === 'json' &&
      url.searchParams.get('per_page') === '20000';
    res.writeHead(ok ? 200 : 404, { 'Content-Type': 'application/json' });
    res.end(ok ? fixture : '[{"message":[{"id":"120","key":"Invalid value","value":"The provided parameter value is not valid"}]}]');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/v2`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function value(db: Db, iso3: string, year: number, indicator = 'internet-use', breakdown = '') {
  return db
    .selectFrom('observations as o')
    .innerJoin('countries as c', 'c.m49', 'o.m49')
    .select(['o.value', 'o.source', 'o.vintage', 'o.estimate'])
    .where('c.iso3', '=', iso3)
    .where('o.year', '=', year)
    .where('o.indicator_code', '=', indicator)
    .where('o.breakdown', '=', breakdown)
    .executeTakeFirst();
}

async function counts(db: Db) {
  const { rows } = await sql<{ o: number; r: number; runs: number }>`select (select count(*)::int from observations) as o,
    (select count(*)::int from observation_revisions) as r, (select count(*)::int from import_runs) as runs`.execute(db);
  return rows[0]!;
}

/** Runs `dcp` as a process against the test database. */
function dcp(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      path.join(root, 'node_modules/.bin/tsx'),
      ['src/main.ts', ...args],
      { cwd: root, env: { ...process.env, LOG_LEVEL: 'silent', ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

const SDMX = `STRUCTURE,STRUCTURE_ID,ACTION,FREQ,INDICATOR,REF_AREA,SEX,TIME_PERIOD,OBS_VALUE,OBS_STATUS
dataflow,ITU:ICT_HH(1.0),I,A,IT_MOB_OWN,404,F,2023,55.5,A
dataflow,ITU:ICT_HH(1.0),I,A,IT_MOB_OWN,404,M,2023,60.1,A
dataflow,ITU:ICT_HH(1.0),I,A,IT_USE_ii99,KEN,_T,2026,38.5,E
dataflow,ITU:ICT_HH(1.0),I,A,IT_USE_ii99,1,_T,2026,72,A
`;

forEachEngine('external importers', (t) => {
  let worldBank: Awaited<ReturnType<typeof startWorldBank>>;
  let dir: string;
  beforeAll(async () => {
    worldBank = await startWorldBank();
    dir = await mkdtemp(path.join(tmpdir(), 'dcp-sdmx-'));
  });
  afterAll(async () => {
    await worldBank.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports the World Bank API layout: countries, a revision, a published aggregate; null values and unknown areas left out', async () => {
    const before = await counts(t.db);
    const summary = await importWorldBank(t.db, worldBank.url, 'IT.NET.USER.ZS');
    expect(worldBank.requests).toEqual(['/v2/country/all/indicator/IT.NET.USER.ZS?format=json&per_page=20000']);
    // KEN 2024 revised (34.9762 → 36.1), KEN 2023 unchanged value (35) but newer vintage, TZA 2025 new.
    expect(summary).toMatchObject({ inserted: 1, revised: 1, unchanged: 1, superseded: 0, publishedAggregates: 1 });
    expect(await value(t.db, 'KEN', 2024)).toEqual({ value: 36.1, source: WORLD_BANK_API_SOURCE, vintage: '2026-07-01', estimate: false });
    expect(await value(t.db, 'TZA', 2025)).toMatchObject({ value: 33, estimate: true });
    expect(await value(t.db, 'KEN', 2025)).toBeUndefined();
    const revision = await t.db
      .selectFrom('observation_revisions')
      .selectAll()
      .where('m49', '=', '404')
      .where('year', '=', 2024)
      .where('indicator_code', '=', 'internet-use')
      .executeTakeFirstOrThrow();
    expect(revision).toMatchObject({ old_value: 34.9762, new_value: 36.1, old_vintage: '2026-03-01', new_vintage: '2026-07-01' });
    const published = await t.db.selectFrom('published_aggregates').selectAll().where('source', '=', WORLD_BANK_API_SOURCE).execute();
    expect(published).toEqual([
      expect.objectContaining({ indicator_code: 'internet-use', group_code: 'WLD', year: 2024, value: 71.2, vintage: '2026-07-01' }),
    ]);
    expect((await counts(t.db)).o).toBe(before.o + 1);
  });

  it('refuses an indicator outside the catalogue and an API error body, writing nothing', async () => {
    const before = await counts(t.db);
    await expect(importWorldBank(t.db, worldBank.url, 'NY.GDP.MKTP.CD')).rejects.toThrow(/not in the catalogue/);
    await expect(importWorldBank(t.db, worldBank.url, 'IT.CEL.SETS.P2')).rejects.toThrow(/HTTP 404/);
    expect(await counts(t.db)).toEqual(before);
  });

  it('imports an SDMX-CSV file with M49 and ISO3 areas and a sex breakdown, deriving gender parity', async () => {
    const file = path.join(dir, 'itu.csv');
    await writeFile(file, SDMX);
    const summary = await importSdmx(t.db, file, { source: 'ITU ICT household survey', vintage: '2026-10-01' });
    expect(summary).toMatchObject({ publishedAggregates: 1 });
    expect(await value(t.db, 'KEN', 2023, 'mobile-ownership', 'sex=female')).toMatchObject({
      value: 55.5,
      source: 'ITU ICT household survey',
      vintage: '2026-10-01',
    });
    expect(await value(t.db, 'KEN', 2026)).toMatchObject({ value: 38.5, estimate: true });
    expect((await value(t.db, 'KEN', 2023, 'mobile-ownership-gender-parity'))?.value).toBeCloseTo(55.5 / 60.1, 10);
  });

  it('refuses a malformed SDMX-CSV file with file, line and field, and changes nothing', async () => {
    const file = path.join(dir, 'bad.csv');
    await writeFile(file, SDMX.replace('60.1', 'sixty'));
    const before = await counts(t.db);
    await expect(importSdmx(t.db, file, { vintage: '2026-10-02' })).rejects.toThrow(
      /bad\.csv:3 \(OBS_VALUE\): expected a number, found "sixty"/,
    );
    await expect(importSdmx(t.db, path.join(dir, 'itu.csv'), { vintage: '1 Oct 2026' })).rejects.toThrow(/--vintage/);
    expect(await counts(t.db)).toEqual(before);
  });

  it('runs both from the dcp command line, with the API address from DCP_WORLDBANK_API_URL', async () => {
    const env = { DATABASE_URL: t.url, DCP_WORLDBANK_API_URL: worldBank.url };
    const again = await dcp(['import', 'worldbank', 'IT.NET.USER.ZS'], env);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ inserted: 0, revised: 0 }); // idempotent
    const bad = await dcp(['import', 'sdmx', path.join(dir, 'bad.csv')], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^dcp: .*bad\.csv:3 \(OBS_VALUE\): expected a number/);
  }, 60_000);
});
