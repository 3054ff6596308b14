import { beforeAll, expect, it } from 'vitest';
import { body, testApp } from '../../../test/support/app.js';
import { randomAddress } from '../../../test/support/auth.js';
import { seedNeed, seedOffering, seedOrganisation } from '../../../test/support/capacity.js';
import { forEachEngine } from '../../../test/support/engines.js';

interface Unfitted {
  examined: number;
  withoutFit: number;
  byStep: Record<string, number>;
  data: { id: string; title: string; step: string }[];
  demo: boolean;
}
interface Thin {
  code: string;
  needs: number;
  offerings: number;
  needsPerOffering: number | null;
}

/**
 * Insights over a small catalogue made for the test: the template database holds no needs or offerings,
 * so every count here comes from what beforeAll posts.
 */
forEachEngine('unmet-demand insights and the country capacity section', (t) => {
  const get = (path: string) => testApp(t.db).request(path, { headers: { 'X-Forwarded-For': randomAddress() } });
  const ids = {} as Record<string, string>;

  beforeAll(async () => {
    const provider = await seedOrganisation(t.db, 'Provider (insights test)');
    const requester = await seedOrganisation(t.db, 'Ministry (insights test)');
    const course = {
      status: 'published',
      topics: ['cybersecurity'],
      audiences: ['public-servants'],
      rolling: true,
      startDate: null,
      endDate: null,
    };
    // Cybersecurity in French for Africa only; spectrum in English for everyone; a pledge (never counted as supply).
    ids.frenchAfrica = await seedOffering(t.db, provider, {
      ...course,
      language: 'fr',
      languages: ['fr'],
      eligibleGroups: ['002'],
      title: 'Cybersécurité pour l’Afrique',
    });
    await seedOffering(t.db, provider, {
      ...course,
      topics: ['spectrum-management'],
      title: 'Spectrum monitoring',
      startDate: '2027-03-01',
      endDate: '2027-03-20',
      rolling: false,
    });
    await seedOffering(t.db, provider, {
      ...course,
      kind: 'financing-pledge',
      language: 'fr',
      languages: ['fr'],
      topics: ['digital-health'],
      title: 'Fonds pour la santé numérique',
      modality: null,
      rolling: false,
      startDate: '2027-01-01',
      endDate: '2029-12-31',
      eligibleCountries: ['NER'],
      pledge: { amount: 500000, currency: 'USD', umcDimension: 'internet-use' },
    });
    const need = { audiences: ['public-servants'] };
    // Fits: French cybersecurity in Niger.
    ids.fits = await seedNeed(t.db, requester, { ...need, topics: ['cybersecurity'], title: 'Cybersécurité au Niger' });
    // Topic: nobody offers digital health.
    ids.topic = await seedNeed(t.db, requester, { ...need, topics: ['digital-health'], title: 'Santé numérique au Niger' });
    // Language: cybersecurity, but in Arabic.
    ids.language = await seedNeed(t.db, requester, {
      ...need,
      country: 'EGY',
      language: 'ar',
      languages: ['ar'],
      topics: ['cybersecurity'],
      title: 'الأمن السيبراني للموظفين',
      description: 'تدريب الموظفين العموميين على الأمن السيبراني.',
    });
    // Eligibility: French cybersecurity, but in France (the offering is for Africa).
    ids.eligibility = await seedNeed(t.db, requester, {
      ...need,
      country: 'FRA',
      topics: ['cybersecurity'],
      title: 'Cybersécurité en France',
    });
    // Dates: English spectrum, but the course ends after the need's timeframe closes.
    ids.dates = await seedNeed(t.db, requester, {
      ...need,
      country: 'KEN',
      language: 'en',
      languages: ['en'],
      title: 'Spectrum training in early 2027',
      description: 'Spectrum monitoring for the regulator.',
      startDate: '2027-01-01',
      endDate: '2027-02-28',
    });
    // Members-only: counted, never listed by title.
    ids.members = await seedNeed(t.db, requester, {
      ...need,
      topics: ['digital-health'],
      visibility: 'members',
      title: 'Hidden health need',
    });
  });

  it('names the constraint that left each open need without a fitting offering, listing public needs only', async () => {
    const response = await get('/api/v1/insights/unfitted-needs');
    expect(response.status).toBe(200);
    const found = await body<Unfitted>(response);
    expect(found.examined).toBe(6);
    expect(found.withoutFit).toBe(5);
    expect(found.byStep).toEqual({ topic: 2, language: 1, eligibility: 1, dates: 1 });
    const steps = Object.fromEntries(found.data.map((n) => [n.id, n.step]));
    expect(steps).toEqual({ [ids.topic!]: 'topic', [ids.language!]: 'language', [ids.eligibility!]: 'eligibility', [ids.dates!]: 'dates' });
    expect(found.data.map((n) => n.title)).not.toContain('Hidden health need');
    expect(found.demo).toBe(false);
  });

  it('puts what is asked and never offered first, counting pledges as no supply', async () => {
    const gaps = await body<{ topics: Thin[]; languages: Thin[] }>(await get('/api/v1/insights/supply-gaps'));
    expect(gaps.topics[0]).toEqual({ code: 'digital-health', needs: 2, offerings: 0, needsPerOffering: null });
    expect(gaps.topics.find((r) => r.code === 'cybersecurity')).toEqual({
      code: 'cybersecurity',
      needs: 3,
      offerings: 1,
      needsPerOffering: 3,
    });
    expect(gaps.languages.find((r) => r.code === 'ar')).toMatchObject({ needs: 1, offerings: 0, needsPerOffering: null });
  });

  it('counts open needs by topic and region, and downloads the same table as CSV with formulas defused', async () => {
    const unmet = await body<{ data: { topic: string; region: string | null; open: number; unmet: number }[] }>(
      await get('/api/v1/insights/unmet-demand'),
    );
    expect(unmet.data.find((r) => r.topic === 'cybersecurity' && r.region === '002')).toEqual({
      topic: 'cybersecurity',
      region: '002',
      open: 2,
      unmet: 0,
    });
    expect(unmet.data.find((r) => r.topic === 'cybersecurity' && r.region === '150')?.open).toBe(1);
    const csv = await get('/api/v1/insights/unmet-demand?format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('topic,region,open,unmet');
    expect(lines).toContain('cybersecurity,002,2,0');
    expect((await get('/api/v1/insights/unmet-demand?format=xml')).status).toBe(400);
  });

  it('lists every month of the trend and no time to a match before any is accepted', async () => {
    const trend = await body<{ data: { month: string; posted: number }[] }>(await get('/api/v1/insights/trend'));
    expect(trend.data).toHaveLength(24);
    expect(trend.data.at(-1)).toMatchObject({ month: new Date().toISOString().slice(0, 7), posted: 6 });
    const time = await body<{ overall: { needs: number; medianDays: number | null } }>(await get('/api/v1/insights/time-to-match'));
    expect(time.overall).toEqual({ needs: 0, medianDays: null });
  });

  it('renders /insights in Arabic with its charts and tables, without JavaScript', async () => {
    const response = await get('/insights?lang=ar');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('dir="rtl"');
    expect(html).toContain('<svg');
    expect(html).toContain('/api/v1/insights/supply-gaps?format=csv');
    expect(html).not.toContain('Hidden health need');
  });

  it('shows a country’s open needs with their best offer on its country page', async () => {
    const html = await (await get('/countries/NER?lang=fr')).text();
    const section = html.slice(html.indexOf('id="capacity-title"'));
    expect(section).toContain('Cybersécurité au Niger');
    expect(section).toContain('Cybersécurité pour l’Afrique');
    expect(section).toContain(`/needs/${ids.fits!}/matches`);
    expect(section).not.toContain('Hidden health need');
    // Niger is far from the internet-use target: the pledge addressing it is named under its gap.
    expect(section).toContain('Fonds pour la santé numérique');
  });

  it('counts unmet demand by topic × language and splits the monthly trend by status, as JSON, CSV and on the page', async () => {
    type Cell = { topic: string; language: string; open: number; unmet: number };
    const cells = async () => (await body<{ data: Cell[] }>(await get('/api/v1/insights/unmet-by-language'))).data;
    const cell = (data: Cell[], topic: string, language: string) => data.find((r) => r.topic === topic && r.language === language);
    let data = await cells();
    expect(cell(data, 'cybersecurity', 'fr')).toEqual({ topic: 'cybersecurity', language: 'fr', open: 2, unmet: 0 });
    expect(cell(data, 'cybersecurity', 'ar')).toMatchObject({ open: 1, unmet: 0 });
    // The French need in France goes unmet (setup: its organisation closes it).
    await t.db
      .updateTable('needs')
      .set({ status: 'closed-unmet', unmet_reason: 'no-offering', status_reason: 'Rien pour la France' })
      .where('id', '=', ids.eligibility!)
      .execute();
    data = await cells();
    expect(cell(data, 'cybersecurity', 'fr')).toMatchObject({ open: 1, unmet: 1 });
    const csv = (await (await get('/api/v1/insights/unmet-by-language?format=csv')).text()).trim().split('\r\n');
    expect(csv[0]).toBe('topic,language,open,unmet');
    expect(csv).toContain('cybersecurity,fr,1,1');

    const trend = await body<{ data: { month: string; posted: number; open: number; unmet: number }[] }>(
      await get('/api/v1/insights/trend'),
    );
    expect(trend.data.at(-1)).toMatchObject({ posted: 6, open: 5, unmet: 1 });
    const html = await (await get('/insights?lang=fr')).text();
    expect(html).toContain('id="demand-languages');
    expect(html).toContain('id="demand-months-open');
    expect(html).toContain('id="demand-months-unmet');
    expect(html).toContain('/api/v1/insights/unmet-by-language?format=csv');
    expect(html).toMatch(/<caption id="topic-language">[^<]*<\/caption>/);
  });
});
