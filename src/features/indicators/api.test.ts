import { sql } from 'kysely';
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { body, testApp } from '../../../test/support/app.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { parseSdmxCsv, sdmxToObservations } from '../../formats/sdmx-csv/index.js';

type Page<T> = { data: T[]; next: string | null };
type Obs = {
  indicator: string;
  iso3: string;
  m49: string;
  year: number;
  breakdown: string | null;
  value: number;
  source: string;
  vintage: string;
  estimate: boolean;
};
type Agg = {
  group: string;
  year: number;
  value: number;
  coverage: number;
  method: string;
  members: { withData: number; total: number };
  published: { value: number; source: string } | null;
  difference: number | null;
};
type Profile = {
  country: { iso3: string; region: string };
  dataVersion: string;
  indicators: {
    code: string;
    latest: { year: number; value: number; source: string; vintage: string } | null;
    band: string | null;
    gap: number | null;
    trend: { slope: number; yearsUsed: number[] } | null;
    projected2030: number | null;
    onTrack: boolean | null;
    yearsToTarget: number | null;
    targetMet: boolean | null;
    ranks: {
      group: string;
      kind: string;
      year: number;
      window: { from: number; to: number };
      rank: number;
      of: number;
      withoutValue: number;
      tied: boolean;
      label: string;
    }[];
  }[];
};

/** Significant digits of a decimal written in a CSV cell: 0.00123 has 3. */
const significant = (cell: string) => cell.replace(/^-?0*\.?0*/, '').replace('.', '').length;

const ICT = 'World Bank WDI (ITU) via Gapminder systema_globalis and datasets/population, March 2026';
const WDI = 'World Bank WDI IT.NET.USER.ZS (ITU), downloaded November 2024';

forEachEngine('indicators API', (t) => {
  const app = () => testApp(t.db);
  const get = (url: string, headers: Record<string, string> = {}) => app().request(url, { headers });

  it('lists the catalogue with six-language names, targets and the data held', async () => {
    const res = await get('/api/v1/indicators');
    expect(res.status).toBe(200);
    const list =
      await body<
        Page<{ code: string; names: Record<string, string>; target: unknown; observations: { count: number; firstYear: number } }>
      >(res);
    expect(list.next).toBeNull();
    const internet = list.data.find((i) => i.code === 'internet-use')!;
    expect(Object.keys(internet.names).toSorted()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    expect(internet.target).toEqual({ kind: 'at-least', value: 100 });
    expect(internet.observations.count).toBeGreaterThan(5000);
    expect(list.data.map((i) => i.code)).toEqual(
      expect.arrayContaining(['mobile-subscriptions', 'population', 'mobile-ownership-gender-parity']),
    );
  });

  it('answers an alias with the canonical code, and a not-found problem for an unknown code', async () => {
    for (const alias of ['IT.NET.USER.ZS', 'it_use_ii99', 'internet-use']) {
      const res = await get(`/api/v1/indicators/${alias}`);
      expect(res.status, alias).toBe(200);
      expect((await body<{ code: string }>(res)).code).toBe('internet-use');
    }
    const missing = await get('/api/v1/indicators/NY.GDP.MKTP.CD');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(await body(missing)).toMatchObject({ code: 'not-found' });
    const bad = await get('/api/v1/indicators/in%20ternet');
    expect(bad.status).toBe(400);
    expect(await body(bad)).toMatchObject({ code: 'validation-failed', fields: [{ field: 'path.code' }] });
  });

  it("serves Kenya's internet use by alias, filtered by country and years, newest vintage per value", async () => {
    const res = await get('/api/v1/indicators/IT.NET.USER.ZS/observations?countries=ken&years=2020-2024');
    expect(res.status).toBe(200);
    const page = await body<Page<Obs>>(res);
    expect(page.data.map((o) => [o.year, o.value])).toEqual([
      [2020, 27.5774],
      [2021, 38.2459],
      [2022, 40.8137],
      [2023, 35],
      [2024, 34.9762],
    ]);
    expect(page.data.every((o) => o.indicator === 'internet-use' && o.iso3 === 'KEN' && o.breakdown === null)).toBe(true);
    // 2023–24 are in the March 2026 file; it has no 2020–22, so the November 2024 WDI values stand.
    expect(page.data.map((o) => o.source)).toEqual([WDI, WDI, WDI, ICT, ICT]);
    expect(page.data.map((o) => o.vintage)).toEqual(['2024-11-29', '2024-11-29', '2024-11-29', '2026-03-01', '2026-03-01']);
    const single = await body<Page<Obs>>(await get('/api/v1/indicators/internet-use/observations?countries=KEN&years=2023'));
    expect(single.data.map((o) => o.value)).toEqual([35]);
  });

  it('filters by group members and by breakdown, and pages with cursors without repeats', async () => {
    const ldc = await body<Page<Obs>>(await get('/api/v1/indicators/internet-use/observations?groups=LDC&years=2022&limit=500'));
    const [{ n }] = (
      await sql<{ n: number }>`select count(*)::int as n from observations o join group_members g on g.m49 = o.m49
      where g.group_code = 'LDC' and o.indicator_code = 'internet-use' and o.year = 2022 and o.breakdown = ''`.execute(t.db)
    ).rows as [{ n: number }];
    expect(ldc.data).toHaveLength(n);
    expect(n).toBeGreaterThan(30);
    const both = await body<Page<Obs>>(
      await get('/api/v1/indicators/internet-use/observations?groups=002,LDC&countries=KEN,UGA&years=2022'),
    );
    expect(both.data.map((o) => o.iso3)).toEqual(['UGA']); // Kenya is not an LDC

    const female = await body<Page<Obs>>(await get('/api/v1/indicators/mobile-ownership/observations?breakdown=sex=female&limit=500'));
    expect(female.data.length).toBeGreaterThan(0);
    expect(female.data.every((o) => o.breakdown === 'sex=female')).toBe(true);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page<Obs> = await body<Page<Obs>>(
        await get(`/api/v1/indicators/internet-use/observations?groups=SIDS&years=2015-2019&limit=40${cursor ? `&cursor=${cursor}` : ''}`),
      );
      seen.push(...page.data.map((o) => `${o.m49}-${o.year}-${o.breakdown}`));
      cursor = page.next;
      pages += 1;
    } while (cursor);
    expect(pages).toBeGreaterThan(2);
    expect(new Set(seen).size).toBe(seen.length);
    const all = await body<Page<Obs>>(await get('/api/v1/indicators/internet-use/observations?groups=SIDS&years=2015-2019&limit=500'));
    expect(seen).toEqual(all.data.map((o) => `${o.m49}-${o.year}-${o.breakdown}`));
  });

  it('refuses bad filters with the failing field', async () => {
    const cases: [string, number, string][] = [
      ['/api/v1/indicators/internet-use/observations?years=2023-2015', 400, 'query.years'],
      ['/api/v1/indicators/internet-use/observations?years=last', 400, 'query.years'],
      ['/api/v1/indicators/internet-use/observations?countries=KENYA', 400, 'query.countries.0'],
      ['/api/v1/indicators/internet-use/observations?countries=XYZ', 404, 'query.countries'],
      ['/api/v1/indicators/internet-use/observations?groups=ZZZ', 404, 'query.groups'],
      ['/api/v1/indicators/internet-use/observations?cursor=forged', 400, 'query.cursor'],
      ['/api/v1/indicators/internet-use/observations?format=xml', 400, 'query.format'],
      ['/api/v1/indicators/internet-use/aggregates?group=ZZZ', 404, 'query.group'],
    ];
    for (const [url, status, field] of cases) {
      const res = await get(url);
      expect(res.status, url).toBe(status);
      expect((await body<{ fields: { field: string }[] }>(res)).fields?.[0]?.field, url).toBe(field);
    }
  });

  it("serves aggregates with coverage, method and the World Bank's own figure beside ours", async () => {
    const res = await get('/api/v1/indicators/IT.NET.USER.ZS/aggregates?group=WLD&year=2015-2022');
    expect(res.status).toBe(200);
    const page = await body<Page<Agg>>(res);
    expect(page.data.map((a) => a.year)).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022]);
    for (const a of page.data) {
      expect(a.coverage).toBeGreaterThanOrEqual(2 / 3);
      expect(a.coverage).toBeLessThanOrEqual(1);
      expect(a.method).toContain('population-weighted');
      expect(a.published?.source).toBe(WDI);
      expect(a.difference).toBeCloseTo(a.value - a.published!.value, 10);
      expect(Math.abs(a.difference!)).toBeLessThan(3);
    }
    // A group the World Bank does not publish has no reference figure.
    const africa = await body<Page<Agg>>(await get('/api/v1/indicators/internet-use/aggregates?group=002&year=2019'));
    expect(africa.data).toHaveLength(1);
    expect(africa.data[0]).toMatchObject({ group: '002', year: 2019, published: null, difference: null });
    // Every group pages through.
    const all = await body<Page<Agg>>(await get('/api/v1/indicators/internet-use/aggregates?year=2020&limit=500'));
    expect(all.data.map((a) => a.group)).toEqual(expect.arrayContaining(['WLD', '002', 'LDC', 'LLDC', 'SIDS', 'HIC', 'LIC']));
  });

  it('downloads observations as CSV with source and licence columns (Accept or format=)', async () => {
    for (const res of [
      await get('/api/v1/indicators/internet-use/observations?countries=KEN&years=2020-2024', { Accept: 'text/csv' }),
      await get('/api/v1/indicators/internet-use/observations?countries=KEN&years=2020-2024&format=csv'),
    ]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/csv');
      expect(res.headers.get('vary')).toContain('Accept');
      const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
      expect(rows.map((r) => [r['year'], r['value'], r['source'], r['licence']])).toEqual([
        ['2020', '27.5774', WDI, 'CC-BY-4.0'],
        ['2021', '38.2459', WDI, 'CC-BY-4.0'],
        ['2022', '40.8137', WDI, 'CC-BY-4.0'],
        ['2023', '35', ICT, 'CC-BY-4.0'],
        ['2024', '34.9762', ICT, 'CC-BY-4.0'],
      ]);
      expect(rows[4]).toMatchObject({ iso3: 'KEN', m49: '404', breakdown: 'total', vintage: '2026-03-01', estimate: 'false' });
    }
  });

  it('downloads every matching row, not a page, and SDMX-CSV that reads back to the same values', async () => {
    const csv = await get('/api/v1/indicators/internet-use/observations?groups=002&years=2010-2020&limit=5&format=csv');
    const csvRows = parse(await csv.text(), { columns: true }) as unknown[];
    expect(csvRows.length).toBeGreaterThan(400);

    const res = await get('/api/v1/indicators/internet-use/observations?countries=KEN&years=2020-2024', {
      Accept: 'application/vnd.sdmx.data+csv',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/vnd.sdmx.data+csv');
    const message = parseSdmxCsv(await res.text());
    expect(message.version).toBe('2.0');
    expect(message.columns.map((c) => c.id)).toEqual(
      expect.arrayContaining(['REF_AREA', 'TIME_PERIOD', 'OBS_VALUE', 'SOURCE_DETAIL', 'VINTAGE', 'LICENCE']),
    );
    const back = sdmxToObservations(message).observations;
    expect(back.map((o) => [o.indicator, o.area, o.year, o.value])).toEqual([
      ['internet-use', 'KEN', 2020, 27.5774],
      ['internet-use', 'KEN', 2021, 38.2459],
      ['internet-use', 'KEN', 2022, 40.8137],
      ['internet-use', 'KEN', 2023, 35],
      ['internet-use', 'KEN', 2024, 34.9762],
    ]);
    expect(message.rows[3]?.values).toMatchObject({ SOURCE_DETAIL: ICT, VINTAGE: '2026-03-01', LICENCE: 'CC-BY-4.0' });

    const aggregates = await get('/api/v1/indicators/internet-use/aggregates?group=WLD&year=2020&format=sdmx-csv');
    const aggregateMessage = parseSdmxCsv(await aggregates.text());
    expect(aggregateMessage.rows).toHaveLength(1);
    expect(aggregateMessage.rows[0]?.values).toMatchObject({ REF_AREA: 'WLD', TIME_PERIOD: '2020', LICENCE: 'CC-BY-4.0' });
    const aggregateCsv = parse(
      await (await get('/api/v1/indicators/internet-use/aggregates?group=WLD&year=2020', { Accept: 'text/csv' })).text(),
      { columns: true },
    ) as Record<string, string>[];
    expect(Object.keys(aggregateCsv[0]!)).toEqual(
      expect.arrayContaining(['coverage', 'method', 'published_value', 'difference', 'source', 'licence']),
    );

    const catalogueCsv = await get('/api/v1/indicators?format=csv');
    expect(catalogueCsv.headers.get('content-type')).toContain('text/csv');
    expect(await catalogueCsv.text()).toContain('internet-use');
    const catalogueSdmx = await get('/api/v1/indicators', { Accept: 'application/vnd.sdmx.data+csv' });
    expect(catalogueSdmx.status).toBe(406);
  });

  it('writes SDMX code lists (_T for totals, F and M for sex), SDMX-CSV 1.0 on request and numbers without float noise (issue 8)', async () => {
    const owned = parseSdmxCsv(
      await (await get('/api/v1/indicators/mobile-ownership/observations?countries=DZA&years=2018&format=sdmx-csv')).text(),
    );
    expect(owned.rows.map((r) => r.values['SEX']).toSorted()).toEqual(['F', 'M', '_T']);
    const speeds = parseSdmxCsv(
      await (await get('/api/v1/indicators/fixed-broadband-subscriptions/observations?countries=DEU&years=2018&format=sdmx-csv')).text(),
    );
    expect(new Set(speeds.rows.map((r) => r.values['TYPE_OF_SPEED']))).toEqual(new Set(['_T', '256KT2MBPS', '2MT10MBPS', '10MBPS']));

    const v1 = await get('/api/v1/indicators/internet-use/observations?countries=KEN&years=2023', {
      Accept: 'application/vnd.sdmx.data+csv;version=1.0.0',
    });
    expect(v1.status).toBe(200);
    expect(v1.headers.get('content-type')).toBe('application/vnd.sdmx.data+csv; version=1.0.0; charset=utf-8');
    const message = parseSdmxCsv(await v1.text());
    expect(message.version).toBe('1.0');
    expect(message.rows[0]?.values).toMatchObject({ REF_AREA: 'KEN', TIME_PERIOD: '2023', OBS_VALUE: '35' });
    const unsupported = await get('/api/v1/countries/KEN/profile', { Accept: 'application/vnd.sdmx.data+csv;version=3.0.0' });
    expect(unsupported.status).toBe(406);
    expect(unsupported.headers.get('content-type')).toContain('application/problem+json');

    // Computed values (weighted means, monthly GNI) come out with at most twelve significant digits.
    for (const url of [
      '/api/v1/indicators/internet-use/aggregates?format=sdmx-csv',
      '/api/v1/indicators/gni-per-capita-monthly/observations?countries=KEN,USA&format=sdmx-csv',
      '/api/v1/indicators/internet-use/aggregates?format=csv',
    ]) {
      const cells = (parse(await (await get(url)).text(), { relax_column_count: true }) as string[][]).flat();
      const decimals = cells.filter((c) => /^-?\d+\.\d+$/.test(c));
      expect(decimals.length, url).toBeGreaterThan(10);
      expect(
        decimals.filter((c) => significant(c) > 12),
        url,
      ).toEqual([]);
    }
  });

  it('profiles Kenya: latest internet use, trend, band, 2030 outlook and ranks, checked by hand', async () => {
    const res = await get('/api/v1/countries/ken/profile');
    expect(res.status).toBe(200);
    const profile = await body<Profile>(res);
    expect(profile.country).toMatchObject({ iso3: 'KEN', region: '002' });
    const internet = profile.indicators.find((i) => i.code === 'internet-use')!;
    // ict_country_year.csv: KEN,2024,34.9762
    expect(internet.latest).toEqual({ year: 2024, value: 34.9762, source: ICT, vintage: '2026-03-01', estimate: false });
    expect(internet.band).toBe('limited');
    expect(internet.targetMet).toBe(false);
    expect(internet.gap).toBeCloseTo(65.0238, 6);
    // OLS on 2020–2024 (27.5774, 38.2459, 40.8137, 35, 34.9762): mean 35.32264 at 2022, slope 11.5517 / 10 per year.
    expect(internet.trend?.yearsUsed).toEqual([2020, 2021, 2022, 2023, 2024]);
    expect(internet.trend?.slope).toBeCloseTo(1.15517, 6);
    expect(internet.projected2030).toBeCloseTo(35.32264 + 8 * 1.15517, 6);
    expect(internet.onTrack).toBe(false);
    // The line reaches 95 (ITU "target met") in 2022 + 59.67722 / 1.15517 = 2073.66: 50 years after 2024.
    expect(internet.yearsToTarget).toBe(50);

    // Rank in Africa, counted independently: each member's latest value in 2022–2024 (the window
    // ending at Kenya's latest year), then the members above Kenya plus one; members without a
    // value in the window are not ranked but counted.
    const { rows } = await sql<{ higher: number; tied: number; total: number; members: number }>`
      with latest as (
        select distinct on (o.m49) o.m49, o.value
        from observations o join group_members g on g.m49 = o.m49 and g.group_code = '002'
        where o.indicator_code = 'internet-use' and o.breakdown = '' and o.year between 2022 and 2024
        order by o.m49, o.year desc
      )
      select count(*) filter (where value > 34.9762)::int as higher, count(*) filter (where value = 34.9762)::int as tied,
             count(*)::int as total, (select count(*)::int from group_members where group_code = '002') as members
      from latest`.execute(t.db);
    const expected = rows[0]!;
    const africa = internet.ranks.find((r) => r.group === '002')!;
    expect(africa).toMatchObject({
      kind: 'region',
      year: 2024,
      window: { from: 2022, to: 2024 },
      rank: expected.higher + 1,
      of: expected.total,
      withoutValue: expected.members - expected.total,
      tied: expected.tied > 1,
    });
    expect(africa.label).toBe(`${expected.tied > 1 ? '=' : ''}${expected.higher + 1} of ${expected.total}`);
    // The old rule (a value in exactly 2024) compared Kenya with one other country; the window compares most of Africa.
    expect(expected.total).toBeGreaterThan(40);
    expect(internet.ranks.map((r) => r.group)).toEqual(expect.arrayContaining(['002', 'LMC']));

    // Every catalogue indicator is there; context indicators have no target and no rank.
    const population = profile.indicators.find((i) => i.code === 'population')!;
    expect(population.latest?.year).toBeGreaterThanOrEqual(2023);
    expect(population.band).toBeNull();
    expect(population.ranks).toEqual([]);
  });

  it('downloads the profile as CSV and SDMX-CSV, and refuses unknown countries', async () => {
    const csv = parse(await (await get('/api/v1/countries/KEN/profile?format=csv')).text(), { columns: true }) as Record<string, string>[];
    expect(csv.find((r) => r['indicator'] === 'internet-use')).toMatchObject({
      iso3: 'KEN',
      year: '2024',
      value: '34.9762',
      band: 'limited',
      source: ICT,
      licence: 'CC-BY-4.0',
    });
    const sdmx = parseSdmxCsv(await (await get('/api/v1/countries/KEN/profile', { Accept: 'application/vnd.sdmx.data+csv' })).text());
    expect(sdmx.rows.find((r) => r.values['INDICATOR'] === 'internet-use')?.values).toMatchObject({
      REF_AREA: 'KEN',
      TIME_PERIOD: '2024',
      BAND: 'limited',
    });
    expect((await get('/api/v1/countries/XYZ/profile')).status).toBe(404);
    const bad = await get('/api/v1/countries/K1/profile');
    expect(bad.status).toBe(400);
    expect(await body(bad)).toMatchObject({ fields: [{ field: 'path.iso3' }] });
    // The reference route for the country itself still answers.
    expect((await get('/api/v1/countries/KEN')).status).toBe(200);
  });
});
