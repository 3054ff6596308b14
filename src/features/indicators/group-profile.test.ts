import { sql } from 'kysely';
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { body, testApp } from '../../../test/support/app.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { INDICATOR_CATALOGUE } from '../../core/indicators/index.js';
import { parseSdmxCsv } from '../../formats/sdmx-csv/index.js';

type GroupProfile = {
  group: { code: string; kind: string; names: Record<string, string>; memberCount: number };
  dataVersion: string;
  indicators: {
    code: string;
    aggregation: string;
    latest: {
      year: number;
      value: number;
      coverage: number;
      estimatedShare: number;
      method: string;
      members: { withData: number; gapFilled: number; total: number };
    } | null;
    published: { value: number; source: string; vintage: string } | null;
    difference: number | null;
    trend: { slope: number; yearsUsed: number[]; model: string } | null;
    band: string | null;
    targetMet: boolean | null;
    gap: number | null;
    projected2030: number | null;
    onTrack: boolean | null;
    yearsToTarget: number | null;
  }[];
};

const internetOf = (p: GroupProfile) => p.indicators.find((i) => i.code === 'internet-use')!;

forEachEngine('group profile API', (t) => {
  const get = (url: string, headers: Record<string, string> = {}) => testApp(t.db).request(url, { headers });

  it("gives the world's latest internet use exactly as the stored aggregate, with the World Bank's figure for that year", async () => {
    const res = await get('/api/v1/groups/WLD/profile');
    expect(res.status).toBe(200);
    const profile = await body<GroupProfile>(res);
    expect(profile.group).toMatchObject({ code: 'WLD', kind: 'world' });
    const {
      rows: [stored],
    } = await sql<{ year: number; value: number; coverage: number; method: string }>`
      select year, value, coverage, method from aggregates
      where group_code = 'WLD' and indicator_code = 'internet-use' and breakdown = '' order by year desc limit 1`.execute(t.db);
    const internet = internetOf(profile);
    expect(internet.latest).toMatchObject({ year: stored!.year, value: stored!.value, coverage: stored!.coverage, method: stored!.method });
    expect(internet.latest!.coverage).toBeGreaterThanOrEqual(2 / 3);
    // 2024 is not published: most of the world's population has no 2024 value yet, and a year
    // that would be mostly estimated is not an aggregate (issue 8: 141 of 190 members filled).
    expect(stored!.year).toBe(2023);
    expect(internet.latest!.estimatedShare).toBeLessThanOrEqual(0.5);
    expect(internet.published).toMatchObject({ value: 67.4 });
    expect(internet.difference).toBeCloseTo(stored!.value - 67.4, 10);
    const { rows: notPublished } =
      await sql`select 1 from aggregates where group_code = 'WLD' and indicator_code = 'internet-use' and year = 2024`.execute(t.db);
    expect(notPublished).toEqual([]);
    // 4G coverage: the source's own world figure exists for the latest year, and sits beside ours.
    const coverage = profile.indicators.find((i) => i.code === 'mobile-coverage-4g')!;
    const {
      rows: [published],
    } = await sql<{ year: number; value: number; source: string; aggregate: number }>`
      select p.year, p.value, p.source, a.value as aggregate from published_aggregates p
      join aggregates a on a.indicator_code = p.indicator_code and a.group_code = p.group_code and a.year = p.year and a.breakdown = p.breakdown
      where p.group_code = 'WLD' and p.indicator_code = 'mobile-coverage-4g' and p.breakdown = ''
      order by p.year desc, p.vintage desc limit 1`.execute(t.db);
    expect(coverage.latest).toMatchObject({ year: published!.year, value: published!.aggregate });
    expect(coverage.published).toMatchObject({ value: published!.value, source: published!.source });
    expect(coverage.difference).toBeCloseTo(published!.aggregate - published!.value, 10);
    expect(internet.band).not.toBeNull();
    expect(internet.gap).toBeCloseTo(100 - stored!.value, 10);
  });

  it("fits the trend on the group's five latest aggregate points, checked by hand and by the database's own regression", async () => {
    const profile = await body<GroupProfile>(await get('/api/v1/groups/WLD/profile'));
    const internet = internetOf(profile);
    const { rows } = await sql<{ year: number; value: number }>`
      select year, value from aggregates where group_code = 'WLD' and indicator_code = 'internet-use' and breakdown = ''
      order by year desc limit 5`.execute(t.db);
    const points = rows.toReversed();
    expect(points).toHaveLength(5);
    expect(points[4]!.year - points[0]!.year).toBeLessThan(10); // all five inside the model's ten-year span
    // Ordinary least squares by hand: slope = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)²; the line passes through (x̄, ȳ).
    const meanYear = points.reduce((s, p) => s + p.year, 0) / 5;
    const meanValue = points.reduce((s, p) => s + p.value, 0) / 5;
    const sxy = points.reduce((s, p) => s + (p.year - meanYear) * (p.value - meanValue), 0);
    const sxx = points.reduce((s, p) => s + (p.year - meanYear) ** 2, 0);
    const slope = sxy / sxx;
    const projected = Math.min(100, Math.max(0, meanValue + slope * (2030 - meanYear)));
    expect(internet.trend?.yearsUsed).toEqual(points.map((p) => p.year));
    expect(internet.trend?.slope).toBeCloseTo(slope, 9);
    expect(internet.projected2030).toBeCloseTo(projected, 9);
    expect(internet.onTrack).toBe(projected >= 95);
    const {
      rows: [db],
    } = await sql<{ slope: number }>`
      select regr_slope(value, year) as slope from (
        select year, value from aggregates where group_code = 'WLD' and indicator_code = 'internet-use' and breakdown = ''
        order by year desc limit 5) last5`.execute(t.db);
    expect(internet.trend?.slope).toBeCloseTo(Number(db!.slope), 9);
    // Years to target: whole years after the latest until the line reaches 95 (ITU "met").
    const crossing = meanYear + (95 - meanValue) / slope;
    expect(internet.yearsToTarget).toBe(Math.max(1, Math.ceil(crossing - points[4]!.year)));
  });

  it('answers every catalogue indicator under its canonical code, whatever code the source used', async () => {
    const profile = await body<GroupProfile>(await get('/api/v1/groups/ldc/profile'));
    expect(profile.group.code).toBe('LDC');
    expect(profile.indicators.map((i) => i.code)).toEqual(INDICATOR_CATALOGUE.map((d) => d.code));
    const aliases = new Set(INDICATOR_CATALOGUE.flatMap((d) => d.aliases.map((a) => a.toLowerCase())));
    expect(profile.indicators.filter((i) => aliases.has(i.code.toLowerCase()))).toEqual([]);
    // Not aggregated (a ratio of shares): present, without a value; context indicators: a value, no target.
    expect(profile.indicators.find((i) => i.code === 'mobile-ownership-gender-parity')).toMatchObject({
      aggregation: 'none',
      latest: null,
      trend: null,
    });
    expect(profile.indicators.find((i) => i.code === 'population')).toMatchObject({ aggregation: 'sum', band: null, targetMet: null });
    expect(profile.indicators.find((i) => i.code === 'population')?.latest?.value).toBeGreaterThan(1e9);
  });

  it('refuses an unknown group with a not-found problem, and leaves the reference group route alone', async () => {
    const missing = await get('/api/v1/groups/ZZZ/profile');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(await body(missing)).toMatchObject({ code: 'not-found' });
    const bad = await get('/api/v1/groups/TOOLONG/profile');
    expect(bad.status).toBe(400);
    expect(await body(bad)).toMatchObject({ fields: [{ field: 'path.code' }] });
    const group = await get('/api/v1/groups/LDC');
    expect(group.status).toBe(200);
    expect(await body<{ members: unknown[] }>(group)).toMatchObject({ code: 'LDC', members: expect.any(Array) });
  });

  it('downloads as CSV and SDMX-CSV, cached per data version', async () => {
    const json = await body<GroupProfile>(await get('/api/v1/groups/002/profile'));
    const res = await get('/api/v1/groups/002/profile', { Accept: 'text/csv' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    const internet = internetOf(json);
    expect(rows.find((r) => r['indicator'] === 'internet-use')).toMatchObject({
      group: '002',
      year: String(internet.latest!.year),
      value: String(internet.latest!.value),
      licence: 'CC-BY-4.0',
    });
    const sdmx = parseSdmxCsv(await (await get('/api/v1/groups/002/profile?format=sdmx-csv')).text());
    expect(sdmx.rows.find((r) => r.values['INDICATOR'] === 'internet-use')?.values).toMatchObject({
      REF_AREA: '002',
      TIME_PERIOD: String(internet.latest!.year),
    });
    const country = await body<{ dataVersion: string }>(await get('/api/v1/countries/KEN/profile'));
    expect(json.dataVersion).toBe(country.dataVersion);
  });
});
