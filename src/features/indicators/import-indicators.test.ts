import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { body, testApp } from '../../../test/support/app.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { loadConfig } from '../../config/config.js';
import type { Observation } from '../../core/indicators/index.js';
import type { Db } from '../../db/database.js';
import { importBatches, importIndicators, readIndicatorFiles, type ObservationBatch } from './import-indicators.js';
import { INDICATOR_FILES } from './sources.js';

const dataDir = loadConfig({}).dataDir!;

/** The data files' text, read once. */
const files: Record<string, string> = {};
function readCsv(name: string): Record<string, string>[] {
  return parse(files[name]!, { columns: true, bom: true }) as Record<string, string>[];
}

/** Observation keys each file holds, counted here from the CSV text, independently of the importer's parsers. */
function expectedKeys(m49Iso3: Set<string>): Record<string, Set<string>> {
  const sdgCodes: Record<string, string> = {
    IT_MOB_2GNTWK: 'mobile-coverage-2g',
    IT_MOB_3GNTWK: 'mobile-coverage-3g',
    IT_MOB_4GNTWK: 'mobile-coverage-4g',
    IT_MOB_OWN: 'mobile-ownership',
    IT_NET_BBP: 'fixed-broadband-subscriptions',
    IT_USE_ii99: 'internet-use',
  };
  const speeds: Record<string, string> = {
    anys: '',
    '10mbps': 'speed=10mbps-plus',
    '256kt2mbps': 'speed=256kbps-2mbps',
    '2mt10mbps': 'speed=2mbps-10mbps',
  };
  const sexes: Record<string, string> = { bothsex: '', female: 'sex=female', male: 'sex=male' };
  const keys: Record<string, Set<string>> = {};
  const add = (file: string, indicator: string, iso3: string, year: string, breakdown: string) =>
    (keys[file] ??= new Set()).add(`${indicator}|${iso3}|${year}|${breakdown}`);
  for (const r of readCsv('sdg_ict_indicators_2020_snapshot.csv')) {
    if (!m49Iso3.has(r['iso3']!) || r['value'] === '') continue;
    // Shares above 100 % cannot be true; the importer leaves these six out (sources.ts lists them).
    if (r['units'] === 'percent' && Number(r['value']) > 100) continue;
    add(
      'sdg_ict_indicators_2020_snapshot.csv',
      sdgCodes[r['series_code']!]!,
      r['iso3']!,
      r['year']!,
      r['sex'] ? sexes[r['sex']]! : r['type_of_speed'] ? speeds[r['type_of_speed']]! : '',
    );
  }
  for (const r of readCsv('wdi_internet_users_incl_aggregates.csv')) {
    if (m49Iso3.has(r['country_code']!) && r['internet_users_pct'] !== '')
      add('wdi_internet_users_incl_aggregates.csv', 'internet-use', r['country_code']!, r['year']!, '');
  }
  for (const r of readCsv('wb_population_incl_aggregates.csv')) {
    if (m49Iso3.has(r['country_code']!) && r['population'] !== '')
      add('wb_population_incl_aggregates.csv', 'population', r['country_code']!, r['year']!, '');
  }
  const wide: Record<string, string> = {
    internet_users_pct: 'internet-use',
    mobile_cellular_subs_per_100: 'mobile-subscriptions',
    fixed_broadband_subs_per_100: 'fixed-broadband-subscriptions',
    gni_per_capita_atlas_usd: 'gni-per-capita',
    population: 'population',
  };
  for (const r of readCsv('ict_country_year.csv')) {
    if (!m49Iso3.has(r['iso3']!)) continue;
    for (const [column, indicator] of Object.entries(wide))
      if (r[column] !== '') add('ict_country_year.csv', indicator, r['iso3']!, r['year']!, '');
  }
  return keys;
}

async function counts(db: Db) {
  const { rows } = await sql<{ observations: number; revisions: number; runs: number; aggregates: number }>`select
    (select count(*)::int from observations) as observations, (select count(*)::int from observation_revisions) as revisions,
    (select count(*)::int from import_runs) as runs, (select count(*)::int from aggregates) as aggregates`.execute(db);
  return rows[0]!;
}

async function observation(db: Db, iso3: string, year: number, indicator = 'internet-use') {
  return db
    .selectFrom('observations as o')
    .innerJoin('countries as c', 'c.m49', 'o.m49')
    .select(['o.value', 'o.source', 'o.vintage'])
    .where('c.iso3', '=', iso3)
    .where('o.year', '=', year)
    .where('o.indicator_code', '=', indicator)
    .where('o.breakdown', '=', '')
    .executeTakeFirst();
}

function batch(vintage: string, value: number, source = 'Test source', overrides: Partial<Observation> = {}): ObservationBatch {
  return {
    name: `test-${vintage}`,
    file: `test-${vintage}.csv`,
    sha256: 'x',
    rows: 1,
    keepsPublishedAggregates: false,
    source,
    vintage,
    parsed: {
      observations: [
        { indicator: 'IT.NET.USER.ZS', area: 'AGO', year: 2022, value, estimate: false, note: null, breakdown: {}, ...overrides },
      ],
      deletions: [],
      skipped: {},
    },
  };
}

forEachEngine('indicator import', (t) => {
  let keys: Record<string, Set<string>>;
  beforeAll(async () => {
    for (const spec of [...INDICATOR_FILES.map((s) => s.file), 'un_m49_countries.csv'])
      files[spec] = await readFile(path.join(dataDir, spec), 'utf8');
    const m49Iso3 = new Set(
      readCsv('un_m49_countries.csv')
        .map((r) => r['ISO-alpha3 Code']!)
        .filter((c) => c !== ''),
    );
    keys = expectedKeys(m49Iso3);
  });

  it('keeps the revision history of the template import: Angola 2022 internet use 39.3 (WDI, Nov 2024) → 42.1 (Mar 2026)', async () => {
    expect(await observation(t.db, 'AGO', 2022)).toEqual({ value: 42.0719, source: INDICATOR_FILES[3]!.source, vintage: '2026-03-01' });
    const history = await t.db
      .selectFrom('observation_revisions')
      .selectAll()
      .where('indicator_code', '=', 'internet-use')
      .where('m49', '=', '024')
      .where('year', '=', 2022)
      .execute();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      old_value: 39.2935,
      new_value: 42.0719,
      old_vintage: '2024-11-29',
      new_vintage: '2026-03-01',
      old_source: INDICATOR_FILES[1]!.source,
    });
  });

  it('is idempotent: importing the same files again changes nothing', async () => {
    const before = await counts(t.db);
    const summary = await importIndicators(t.db, dataDir);
    expect(summary).toMatchObject({ inserted: 0, revised: 0 });
    const after = await counts(t.db);
    expect(after).toEqual({ ...before, runs: before.runs + 1 });
  }, 120_000);

  it('applies a newer vintage as a revision, and never lets an older vintage overwrite a newer one', async () => {
    const before = await counts(t.db);
    const older = await importBatches(t.db, 'test', [batch('2019-06-30', 1)]);
    expect(older).toMatchObject({ inserted: 0, revised: 0, superseded: 1 });
    expect((await observation(t.db, 'AGO', 2022))?.value).toBe(42.0719);
    expect((await counts(t.db)).revisions).toBe(before.revisions);

    const newer = await importBatches(t.db, 'test', [batch('2026-09-15', 43.5, 'A newer source')]);
    expect(newer).toMatchObject({ inserted: 0, revised: 1, superseded: 0 });
    expect(await observation(t.db, 'AGO', 2022)).toEqual({ value: 43.5, source: 'A newer source', vintage: '2026-09-15' });
    const last = await t.db
      .selectFrom('observation_revisions')
      .selectAll()
      .where('m49', '=', '024')
      .where('year', '=', 2022)
      .where('indicator_code', '=', 'internet-use')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({ old_value: 42.0719, new_value: 43.5, old_vintage: '2026-03-01', new_vintage: '2026-09-15' });
    // Re-importing the files (older than 2026-09-15) leaves the newer value.
    await importIndicators(t.db, dataDir);
    expect((await observation(t.db, 'AGO', 2022))?.value).toBe(43.5);
  }, 120_000);

  it('lets a second source with the same vintage neither overwrite nor flip the value, while the same source may correct itself', async () => {
    const sameDayOtherSource = await importBatches(t.db, 'test', [batch('2026-09-15', 44, 'Another source, same day')]);
    expect(sameDayOtherSource).toMatchObject({ revised: 0, superseded: 1 });
    expect((await observation(t.db, 'AGO', 2022))?.value).toBe(43.5);
    const correction = await importBatches(t.db, 'test', [batch('2026-09-15', 43.7, 'A newer source')]);
    expect(correction).toMatchObject({ revised: 1, superseded: 0 });
    expect((await observation(t.db, 'AGO', 2022))?.value).toBe(43.7);
  }, 60_000);

  it('recomputes a cached profile after any import', async () => {
    const app = testApp(t.db);
    const first = await body<{ dataVersion: string; indicators: { code: string; latest: { year: number; value: number } | null }[] }>(
      await app.request('/api/v1/countries/AGO/profile'),
    );
    await importBatches(t.db, 'test', [batch('2026-10-01', 44.25, 'Test source', { year: 2025 })]);
    const second = await body<typeof first>(await app.request('/api/v1/countries/AGO/profile'));
    expect(second.dataVersion).not.toBe(first.dataVersion);
    expect(second.indicators.find((i) => i.code === 'internet-use')?.latest).toMatchObject({ year: 2025, value: 44.25 });
  }, 60_000);

  it('refuses a malformed indicator file with file:line:column and field, and changes nothing', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dcp-bad-'));
    try {
      for (const spec of INDICATOR_FILES) await copyFile(path.join(dataDir, spec.file), path.join(dir, spec.file));
      const lines = files['ict_country_year.csv']!.split('\n');
      lines[2] = lines[2]!.replace(/^ABW,1991,[^,]*,/, 'ABW,1991,12.5%,');
      await writeFile(path.join(dir, 'ict_country_year.csv'), lines.join('\n'));
      const before = await counts(t.db);
      await expect(importIndicators(t.db, dir)).rejects.toThrow(
        /ict_country_year\.csv:3:3 \(internet_users_pct\): "12\.5%" is not a number/,
      );
      expect(await counts(t.db)).toEqual(before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('loads each file with exactly the observations it holds, counted independently from the CSV text', async () => {
    for (const table of ['observation_revisions', 'aggregates', 'published_aggregates', 'observations'])
      await sql`delete from ${sql.table(table)}`.execute(t.db);
    const batches = (await readIndicatorFiles(dataDir)).toSorted((a, b) => a.vintage.localeCompare(b.vintage));
    const perFile: Record<string, number> = {};
    for (const b of batches) {
      const summary = await importBatches(t.db, 'indicators', [b]);
      perFile[b.name] = summary.inserted + summary.revised + summary.unchanged + summary.superseded;
      expect(perFile[b.name], b.name).toBe(keys[b.name]!.size);
      // Every value slot of the file is stored or counted under a reason: nothing goes missing unexplained.
      const skipped = Object.values(summary.skipped).reduce((a, n) => a + n, 0);
      expect(perFile[b.name]! + summary.publishedAggregates + summary.deleted + skipped, `${b.name} accounts for every value`).toBe(
        summary.values,
      );
      // A long file has one value per row; the wide one one per row and indicator column.
      expect(summary.values, b.name).toBe(readCsv(b.name).length * (b.name === 'ict_country_year.csv' ? 5 : 1));
    }
    console.log(`observations per file: ${JSON.stringify(perFile)}`);
    // Per indicator, the stored rows are the union of every file's keys (plus what is derived).
    const union = new Map<string, Set<string>>();
    for (const set of Object.values(keys)) {
      for (const key of set) {
        const indicator = key.split('|')[0]!;
        if (!union.has(indicator)) union.set(indicator, new Set());
        union.get(indicator)!.add(key);
      }
    }
    const stored = await t.db
      .selectFrom('observations')
      .select((eb) => ['indicator_code', eb.fn.countAll<number>().as('n')])
      .groupBy('indicator_code')
      .execute();
    const byIndicator = Object.fromEntries(stored.map((r) => [r.indicator_code, Number(r.n)]));
    for (const [indicator, set] of union) expect(byIndicator[indicator], indicator).toBe(set.size);
    expect(Object.keys(byIndicator).toSorted()).toEqual(
      [...union.keys(), 'gni-per-capita-monthly', 'mobile-ownership-gender-parity'].toSorted(),
    );
  }, 120_000);
});
