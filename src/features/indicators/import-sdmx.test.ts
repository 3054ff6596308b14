import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testApp } from '../../../test/support/app.js';
import { forEachEngine } from '../../../test/support/engines.js';
import type { Db } from '../../db/database.js';
import { importSdmx } from './import-sdmx.js';
import { SKIPPED } from './prepare.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const TODAY = '2026-11-30';
const HEADER = 'STRUCTURE,STRUCTURE_ID,ACTION,FREQ,INDICATOR,REF_AREA,SEX,TIME_PERIOD,OBS_VALUE,OBS_STATUS';
const row = (area: string, year: string, value: string, indicator = 'IT_USE_ii99', sex = '_T', action = 'I') =>
  `dataflow,ITU:ICT_HH(1.0),${action},A,${indicator},${area},${sex},${year},${value},A`;

async function stored(db: Db, iso3: string, year: number, indicator = 'internet-use', breakdown = '') {
  const { rows } = await sql<{ value: number; source: string; vintage: string; estimate: boolean }>`
    select o.value, o.source, o.vintage, o.estimate from observations o
    where o.m49 = (select m49 from countries where iso3 = ${iso3}) and o.year = ${year} and o.indicator_code = ${indicator} and o.breakdown = ${breakdown}`.execute(
    db,
  );
  return rows[0];
}

/** Everything an import may change, as one comparable value. */
async function snapshot(db: Db) {
  const { rows } = await sql<{ o: string; r: number; p: string; a: string }>`select
    (select md5(string_agg(concat_ws('|', indicator_code, m49, year, breakdown, value, source, vintage, estimate, note, import_run_id), ',' order by indicator_code, m49, year, breakdown)) from observations) as o,
    (select count(*)::int from observation_revisions) as r,
    (select md5(string_agg(concat_ws('|', indicator_code, group_code, year, value, source, vintage), ',' order by indicator_code, group_code, year, source)) from published_aggregates) as p,
    (select md5(string_agg(concat_ws('|', indicator_code, group_code, year, value), ',' order by indicator_code, group_code, year)) from aggregates) as a`.execute(
    db,
  );
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

forEachEngine('SDMX-CSV importer', (t) => {
  let dir: string;
  let n = 0;
  /** Writes an SDMX-CSV file of these lines (the header first unless given) and returns its path. */
  const file = async (lines: string[], header = HEADER) => {
    const name = path.join(dir, `in-${++n}.csv`);
    await writeFile(name, [header, ...lines].join('\n'));
    return name;
  };
  const refused = async (lines: string[], expected: string | RegExp, options = {}) => {
    const before = await snapshot(t.db);
    await expect(importSdmx(t.db, await file(lines), { vintage: '2026-10-01', today: TODAY, ...options })).rejects.toThrow(expected);
    expect(await snapshot(t.db)).toEqual(before);
  };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dcp-sdmx-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('refuses OBS_VALUE 1e400 with file, line, column and field, and the SEN profile and page still answer (issue 8: 500)', async () => {
    await refused([row('SEN', '2023', '45'), row('SEN', '2024', '1e400')], /in-\d+\.csv:3:9 \(OBS_VALUE\): "1e400" is not a finite number/);
    const app = testApp(t.db);
    expect((await app.request('/api/v1/countries/SEN/profile')).status).toBe(200);
    expect((await app.request('/countries/SEN')).status).toBe(200);
  }, 120_000);

  it('refuses implausible values (internet use −12.5, 250, 1.2e29) naming file, line and column, and changes nothing', async () => {
    expect.hasAssertions();
    for (const value of ['-12.5', '250', '1.2e29']) {
      await refused(
        [row('SEN', '2024', '45'), row('KEN', '2024', value)],
        new RegExp(
          `in-\\d+\\.csv:3:9 \\(OBS_VALUE\\): ${String(Number(value)).replace(/[.+-]/g, '\\$&')} is outside the plausible range 0–100 of internet-use`,
        ),
      );
    }
  }, 120_000);

  it('refuses duplicate rows and a year outside 1900–2100 before the transaction, naming file, line, column and field', async () => {
    expect.hasAssertions();
    await refused(
      [row('KEN', '2024', '36'), row('ken', '2024', '37')],
      /in-\d+\.csv:3:9 \(OBS_VALUE\): internet-use ken 2024 appears twice in the input \(first on line 2\)/,
    );
    await refused([row('KEN', '1850', '36')], /in-\d+\.csv:2:8 \(TIME_PERIOD\): year 1850 is outside 1900–2100/);
  }, 120_000);

  it('refuses a --vintage in the future or that is no date, clearly, from the command line too', async () => {
    await refused([row('KEN', '2024', '36')], '(--vintage): 2099-01-01 is in the future (today is 2026-11-30)', { vintage: '2099-01-01' });
    await refused([row('KEN', '2024', '36')], '(--vintage): "2026-02-30" is not a calendar date', { vintage: '2026-02-30' });
    const cli = await dcp(['import', 'sdmx', await file([row('KEN', '2024', '36')]), '--vintage', '2026-02-30'], { DATABASE_URL: t.url });
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/^dcp: .*in-\d+\.csv \(--vintage\): "2026-02-30" is not a calendar date\n$/);
  }, 120_000);

  it('counts every row it leaves out by reason, and refuses a file of which nothing is usable', async () => {
    const summary = await importSdmx(
      t.db,
      await file([
        row('KEN', '2022-Q1', '36'),
        row('KEN', '2022-M01', '36'),
        row('KEN', '2021', 'NaN'),
        row('XKX', '2022', '50'),
        row('KEN', '2025', '38.5'),
      ]),
      { vintage: '2026-10-01', today: TODAY },
    );
    expect(summary).toMatchObject({ values: 5, inserted: 1 });
    expect(summary.skipped).toEqual({
      'not annual (a quarterly, monthly or other sub-annual period)': 2,
      'OBS_VALUE NaN (the SDMX missing value)': 1,
      "area not an M49 country or one of the platform's groups (1 code: XKX)": 1,
    });
    await refused([row('KEN', 'twenty', '36')], /in-\d+\.csv:2:8 \(TIME_PERIOD\): expected a time period such as 2023/);
    await refused([row('KEN', '2022-Q1', '36'), row('KEN', '2022', 'NaN')], /nothing to import: all 2 values were left out/);
    await refused(
      [row('KEN', '2022', '36', 'GDP_PER_CAPITA')],
      /nothing to import: all 1 values were left out \(indicator GDP_PER_CAPITA not in the catalogue: 1\)/,
    );
  }, 120_000);

  it('accepts REF_AREA as ISO2, ISO3 or M49 in any case, and leaves group rows out as computed aggregates (issue 8)', async () => {
    const summary = await importSdmx(
      t.db,
      await file([
        row('ken', '2019', '23.1'),
        row('KE', '2023', '35', 'mobile-subscriptions'),
        row('404', '2022', '1.5', 'fixed-broadband-subscriptions'),
        row('2', '2022', '30'),
        row('002', '2023', '31'),
      ]),
      { source: 'ITU', vintage: '2026-10-01', today: TODAY },
    );
    expect(summary).toMatchObject({ values: 5, publishedAggregates: 0 });
    expect(summary.skipped).toEqual({ [SKIPPED.groupAggregate]: 2 });
    expect(await stored(t.db, 'KEN', 2023, 'mobile-subscriptions')).toMatchObject({ value: 35, source: 'ITU', vintage: '2026-10-01' });
    expect(await stored(t.db, 'KEN', 2022, 'fixed-broadband-subscriptions')).toMatchObject({ value: 1.5, source: 'ITU' });
  }, 120_000);

  it('applies ACTION=D as a deletion kept in the revision history, and recomputes what derived from the value', async () => {
    expect(await stored(t.db, 'DZA', 2018, 'mobile-ownership-gender-parity')).toBeDefined();
    const summary = await importSdmx(
      t.db,
      await file([row('DZA', '2018', '', 'IT_MOB_OWN', 'F', 'D'), row('DZA', '2019', '', 'IT_MOB_OWN', 'F', 'D')]),
      { vintage: '2026-10-01', today: TODAY },
    );
    expect(summary).toMatchObject({ values: 2, deleted: 1 });
    expect(summary.skipped).toEqual({ 'deletion of a value the platform does not hold': 1 });
    expect(await stored(t.db, 'DZA', 2018, 'mobile-ownership', 'sex=female')).toBeUndefined();
    expect(await stored(t.db, 'DZA', 2018, 'mobile-ownership-gender-parity')).toBeUndefined();
    const { rows } = await sql<{ indicator_code: string; old_value: number; new_value: number | null; new_vintage: string }>`
      select indicator_code, old_value, new_value, new_vintage from observation_revisions
      where m49 = '012' and year = 2018 and new_value is null order by indicator_code`.execute(t.db);
    expect(rows).toEqual([
      { indicator_code: 'mobile-ownership', old_value: 83.0695, new_value: null, new_vintage: '2026-10-01' },
      expect.objectContaining({ indicator_code: 'mobile-ownership-gender-parity', new_value: null }),
    ]);
  }, 120_000);

  it('re-imports its own SDMX-CSV export without changing anything: source, vintage and values kept (issue 8: 6,935 rows re-stamped)', async () => {
    const app = testApp(t.db);
    for (const indicator of ['internet-use', 'mobile-ownership']) {
      const response = await app.request(`/api/v1/indicators/${indicator}/observations?format=sdmx-csv`);
      expect(response.status).toBe(200);
      const text = await response.text();
      const name = path.join(dir, `${indicator}-export.csv`);
      await writeFile(name, text);
      const before = await snapshot(t.db);
      const summary = await importSdmx(t.db, name, { today: TODAY });
      expect(summary).toMatchObject({ inserted: 0, revised: 0, superseded: 0, deleted: 0 });
      expect(summary.unchanged).toBe(text.trim().split('\n').length - 1);
      expect(await snapshot(t.db)).toEqual(before);
    }
  }, 120_000);

  it('leaves every row of the aggregates export out, saying aggregates are computed, and keeps the World Bank comparison series', async () => {
    const response = await testApp(t.db).request('/api/v1/indicators/internet-use/aggregates?format=sdmx-csv');
    const name = path.join(dir, 'aggregates-export.csv');
    await writeFile(name, await response.text());
    const before = await snapshot(t.db);
    await expect(importSdmx(t.db, name, { today: TODAY })).rejects.toThrow(
      /nothing to import: all \d+ values were left out \(group aggregate: the platform computes aggregates from country values and never imports them: \d+\)/,
    );
    expect(await snapshot(t.db)).toEqual(before);
  }, 120_000);
});
