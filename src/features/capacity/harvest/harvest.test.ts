/**
 * Harvesting against a local HTTP server serving real-shaped catalogues: a provider's HTML page
 * with schema.org Course JSON-LD (an ItemList, as training registries publish it), a JSON-LD feed
 * (@graph) that changes between runs, CSV in our template, and broken ones. Private addresses
 * are allowed here by configuration (DCP_HARVEST_PRIVATE_ADDRESSES=allow), refused otherwise.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testApp } from '../../../../test/support/app.js';
import { createUser, signInAs } from '../../../../test/support/auth.js';
import { seedOrganisation } from '../../../../test/support/capacity.js';
import { forEachEngine } from '../../../../test/support/engines.js';
import { loadConfig } from '../../../config/config.js';
import { SYSTEM } from '../../audit/index.js';
import { harvestJob } from './harvest-job.js';
import { GONE_REASON, harvestSource, type HarvestReport } from './harvest.js';
import { isInternalAddress } from './fetch-catalogue.js';

const files = new Map<string, { type: string; body: string; status?: number }>();
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const file = files.get(request.url ?? '');
    if (request.url === '/moved') {
      response.writeHead(302, { Location: '/feed.json' }).end();
      return;
    }
    if (!file) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(file.status ?? 200, { 'Content-Type': file.type }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const course = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  '@type': 'Course',
  '@id': `https://academy.example.org/courses/${id}`,
  name,
  description: `${name}: a course for government officials, with exercises and a final assessment.`,
  inLanguage: 'en',
  url: `https://academy.example.org/courses/${id}`,
  provider: { '@type': 'Organization', name: 'Example Academy' },
  about: ['Cybersecurity'],
  audience: { '@type': 'Audience', audienceType: 'Public servants' },
  hasCourseInstance: {
    '@type': 'CourseInstance',
    courseMode: 'online',
    startDate: '2027-02-01',
    endDate: '2027-03-15',
    courseWorkload: 'PT20H',
  },
  offers: { '@type': 'Offer', price: '0', priceCurrency: 'USD' },
  ...extra,
});

const page = (courses: object[]) => `<!doctype html><html lang="en"><head><title>Our courses</title>
<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'ItemList', itemListElement: courses.map((c, i) => ({ '@type': 'ListItem', position: i + 1, item: c })) })}</script>
</head><body><h1>Courses</h1></body></html>`;

const feed = (courses: object[]) => JSON.stringify({ '@context': 'https://schema.org', '@graph': courses });

forEachEngine('harvesting provider catalogues', (t) => {
  const allow = { allowPrivate: true };
  let provider: string;

  async function source(url: string, format: 'json-ld' | 'csv' = 'json-ld'): Promise<string> {
    const row = await t.db
      .insertInto('offering_sources')
      .values({
        organisation_id: provider,
        url,
        format,
        default_topics: ['e-government-digital-public-services'],
        default_audiences: ['policymakers-regulators'],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
  const offeringsOf = (sourceId: string) =>
    t.db
      .selectFrom('offerings')
      .select(['id', 'title', 'status', 'status_reason', 'source_key', 'topics', 'audiences', 'modality', 'duration_hours'])
      .where('source_id', '=', sourceId)
      .orderBy('source_key')
      .execute();

  beforeAll(async () => {
    provider = await seedOrganisation(t.db, 'Example Academy');
  });

  it('reads a provider page of Course JSON-LD: drafts with our vocabulary, its modality, dates, workload and fee', async () => {
    files.set('/courses.html', {
      type: 'text/html; charset=utf-8',
      body: page([
        course('c1', 'Incident response'),
        course('c2', 'Cloud security basics', { about: 'Nothing we list', audience: undefined }),
      ]),
    });
    const id = await source(`${origin}/courses.html`);
    const report = await harvestSource(t.db, SYSTEM, id, allow);
    expect(report).toMatchObject({ error: null, items: 2, created: 2, updated: 0, archived: 0, problems: [] });
    const rows = await offeringsOf(id);
    expect(rows).toMatchObject([
      {
        title: 'Incident response',
        status: 'draft',
        topics: ['cybersecurity'],
        audiences: ['public-servants'],
        modality: 'live-online',
        duration_hours: 20,
      },
      // Naming none of our topics or audiences: the source's defaults.
      {
        title: 'Cloud security basics',
        status: 'draft',
        topics: ['e-government-digital-public-services'],
        audiences: ['policymakers-regulators'],
      },
    ]);
    // A second run finds nothing new.
    expect(await harvestSource(t.db, SYSTEM, id, allow)).toMatchObject({ created: 0, updated: 0, unchanged: 2, archived: 0 });
  });

  it('reads the other kinds a provider publishes — services, expert pools, guides, grants — with level, certificate, languages, dates and cost; reports what it cannot map', async () => {
    const served = [
      course('lvl', 'Advanced threat hunting', {
        educationalLevel: 'Advanced',
        educationalCredentialAwarded: { '@type': 'EducationalOccupationalCredential', credentialCategory: 'Certificate after exam' },
        availableLanguage: ['en', 'fr'],
        hasCourseInstance: [
          {
            '@type': 'CourseInstance',
            courseMode: 'blended',
            startDate: '2027-05-03T09:00:00Z',
            endDate: '2027-05-28',
            courseWorkload: 'PT36H',
          },
          { '@type': 'CourseInstance', courseMode: 'onsite', inLanguage: 'es', startDate: '2027-09-01' },
        ],
        offers: { '@type': 'Offer', priceSpecification: { '@type': 'PriceSpecification', price: 450, priceCurrency: 'EUR' } },
        areaServed: ['Niger', 'MLI'],
      }),
      {
        '@type': 'ProfessionalService',
        '@id': 'https://academy.example.org/services/regulatory-advice',
        name: 'Regulatory advice on spectrum licensing',
        description: 'Our regulators advise a national regulatory authority on licensing and auctions, on request.',
        inLanguage: 'fr',
        about: 'Spectrum management',
        availableChannel: {
          '@type': 'ServiceChannel',
          serviceUrl: 'https://academy.example.org/ask',
          serviceLocation: { '@type': 'Place', name: 'Geneva' },
        },
      },
      {
        '@type': 'Service',
        '@id': 'https://academy.example.org/services/roster',
        serviceType: 'Expert pool',
        name: 'Roster of data protection experts',
        description: 'Vetted experts in data protection law, deployable to ministries for up to three months.',
        inLanguage: 'en',
        availableChannel: { '@type': 'ServiceChannel', serviceUrl: 'https://academy.example.org/roster' },
      },
      {
        '@type': 'DigitalDocument',
        '@id': 'https://academy.example.org/toolkits/cirt',
        name: 'National CIRT establishment toolkit',
        description: 'A step-by-step guide with templates for setting up a national computer incident response team.',
        inLanguage: 'ar',
        about: ['cybersecurity'],
        isAccessibleForFree: true,
      },
      {
        '@type': 'MonetaryGrant',
        '@id': 'https://academy.example.org/grants/rural',
        name: 'Rural connectivity grant for the Sahel',
        description: 'Financing for community networks in rural areas of Niger and Mali, matched one to one.',
        inLanguage: 'en',
        about: ['Broadband policy and regulation', 'affordability'],
        amount: { '@type': 'MonetaryAmount', value: 1500000, currency: 'USD' },
        areaServed: ['NER', 'Mali'],
        temporalCoverage: '2027-01-01/2028-12-31',
      },
      {
        '@type': 'MonetaryGrant',
        '@id': 'https://academy.example.org/grants/vague',
        name: 'A grant with no dimension',
        description: 'Money for something, some day, somewhere in the world.',
        inLanguage: 'en',
        amount: 1000,
        currency: 'USD',
      },
      { '@type': 'Event', '@id': 'https://academy.example.org/events/forum', name: 'Digital forum 2027' },
      { '@type': 'Organization', name: 'Example Academy' },
    ];
    files.set('/kinds.json', { type: 'application/ld+json', body: feed(served) });
    const id = await source(`${origin}/kinds.json`);
    const report = await harvestSource(t.db, SYSTEM, id, allow);
    expect(report).toMatchObject({ error: null, items: 7, created: 5 });
    expect(report.problems).toEqual([
      {
        position: 6,
        key: 'https://academy.example.org/grants/vague',
        message: expect.stringContaining('name the connectivity (UMC) dimension'),
      },
      {
        position: 7,
        key: 'https://academy.example.org/events/forum',
        message: expect.stringMatching(/^@type Event is not something we list; we read Course/),
      },
    ]);
    const rows = await t.db
      .selectFrom('offerings')
      .select([
        'source_key',
        'kind',
        'language',
        'languages',
        'levels',
        'certification',
        'modality',
        'start_date',
        'end_date',
        'rolling',
        'duration_hours',
        'cost_amount',
        'cost_currency',
        'topics',
        'eligible_countries',
        'pledge_amount',
        'pledge_currency',
        'umc_dimension',
      ])
      .where('source_id', '=', id)
      .execute();
    const byKey = new Map(rows.map((r) => [r.source_key!.split('/').slice(-2).join('/'), r]));
    expect(byKey.get('courses/lvl')).toMatchObject({
      kind: 'course',
      levels: ['advanced'],
      certification: 'assessed',
      modality: 'blended',
      languages: ['en', 'fr', 'es'],
      rolling: false,
      duration_hours: 36,
      eligible_countries: ['NER', 'MLI'],
    });
    expect(byKey.get('courses/lvl')).toMatchObject({
      start_date: '2027-05-03',
      end_date: '2027-05-28',
      cost_amount: 450,
      cost_currency: 'EUR',
    });
    expect(byKey.get('services/regulatory-advice')).toMatchObject({
      kind: 'advisory-service',
      language: 'fr',
      modality: 'blended',
      topics: ['spectrum-management'],
      rolling: true,
    });
    expect(byKey.get('services/roster')).toMatchObject({ kind: 'expert-pool', modality: 'live-online' });
    expect(byKey.get('toolkits/cirt')).toMatchObject({
      kind: 'toolkit-guide',
      language: 'ar',
      cost_amount: null,
      topics: ['cybersecurity'],
    });
    expect(byKey.get('grants/rural')).toMatchObject({
      kind: 'financing-pledge',
      rolling: false,
      topics: ['broadband-policy-regulation'],
      eligible_countries: ['NER', 'MLI'],
    });
    expect(byKey.get('grants/rural')).toMatchObject({
      start_date: '2027-01-01',
      end_date: '2028-12-31',
      pledge_amount: 1500000,
      pledge_currency: 'USD',
      umc_dimension: 'affordability',
    });
    expect(byKey.has('grants/vague')).toBe(false);

    // The source registered as CSV that serves this feed: refused as a whole, nothing changes.
    files.set('/kinds-as-csv', { type: 'application/ld+json', body: feed(served) });
    const csv = await source(`${origin}/kinds-as-csv`, 'csv');
    expect((await harvestSource(t.db, SYSTEM, csv, allow)).error).toMatch(
      /registered as CSV, but the address serves application\/ld\+json/,
    );
    expect(await offeringsOf(csv)).toEqual([]);
  });

  it('follows a feed that changes between runs: updates, archives what is gone, brings it back; reports unreadable items and leaves them', async () => {
    files.set('/feed.json', {
      type: 'application/ld+json',
      body: feed([
        course('a', 'Data protection law'),
        course('b', 'Digital ID systems'),
        course('c', 'Spectrum pricing'),
        course('bad', '', { inLanguage: 'English' }),
      ]),
    });
    const id = await source(`${origin}/moved`);
    const first = await harvestSource(t.db, SYSTEM, id, allow);
    expect(first).toMatchObject({ error: null, items: 4, created: 3 });
    expect(first.problems.map((p) => p.message)).toEqual(['name: missing', 'inLanguage: missing or not a language code such as "fr"']);
    expect(first.problems[0]).toMatchObject({ position: 4, key: 'https://academy.example.org/courses/bad' });
    // A coordinator publishes one; the provider changes it and drops another.
    const [a] = await offeringsOf(id);
    await t.db.updateTable('offerings').set({ status: 'published' }).where('id', '=', a!.id).execute();
    files.set('/feed.json', {
      type: 'application/ld+json',
      body: feed([
        course('a', 'Data protection law (2027 edition)'),
        course('c', 'Spectrum pricing'),
        course('d', 'Open data portals', { about: ['e-government-digital-public-services'] }),
      ]),
    });
    const second = await harvestSource(t.db, SYSTEM, id, allow);
    expect(second).toMatchObject({ items: 3, created: 1, updated: 1, unchanged: 1, archived: 1, problems: [] });
    expect(await offeringsOf(id)).toMatchObject([
      { title: 'Data protection law (2027 edition)', status: 'published' },
      { title: 'Digital ID systems', status: 'archived', status_reason: GONE_REASON },
      { title: 'Spectrum pricing', status: 'draft' },
      { title: 'Open data portals', status: 'draft', topics: ['e-government-digital-public-services'] },
    ]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('resource_id', '=', a!.id)
      .where('action', '=', 'offering.harvest-update')
      .execute();
    expect(audit).toHaveLength(1);
    // Back in the catalogue: a draft again, for review.
    files.set('/feed.json', {
      type: 'application/ld+json',
      body: feed([
        course('a', 'Data protection law (2027 edition)'),
        course('b', 'Digital ID systems'),
        course('c', 'Spectrum pricing'),
        course('d', 'Open data portals', { about: ['e-government-digital-public-services'] }),
      ]),
    });
    expect(await harvestSource(t.db, SYSTEM, id, allow)).toMatchObject({ updated: 1, archived: 0 });
    expect((await offeringsOf(id)).find((o) => o.title === 'Digital ID systems')?.status).toBe('draft');
  });

  it('reads CSV in our template, row by row, and names the line of a row it cannot use', async () => {
    files.set('/catalogue.csv', {
      type: 'text/csv',
      body:
        'kind,language,title,summary,topics,audiences,languages,modality,rolling,url\n' +
        'course,fr,Gouvernance des données,Principes et pratiques de gouvernance des données publiques.,data-governance-statistics,public-servants,fr,self-paced-online,true,https://academy.example.org/fr/gouvernance\n' +
        'course,fr,Cours sans thème connu,Un cours dont le thème n’existe pas dans notre vocabulaire.,astrology,public-servants,fr,self-paced-online,true,https://academy.example.org/fr/astro\n',
    });
    const id = await source(`${origin}/catalogue.csv`, 'csv');
    const report = await harvestSource(t.db, SYSTEM, id, allow);
    expect(report).toMatchObject({ error: null, items: 2, created: 1 });
    expect(report.problems).toEqual([
      { position: 3, key: 'https://academy.example.org/fr/astro', message: expect.stringContaining('"astrology" is not a topic') },
    ]);
  });

  it('changes nothing when the catalogue is missing, unreadable or at a refused address, and says why', async () => {
    files.set('/plain.html', { type: 'text/html', body: '<html><body>No structured data here</body></html>' });
    files.set('/broken.json', { type: 'application/json', body: '{"@graph": [ {"@type": "Course", "name": ' });
    const cases: [string, RegExp][] = [
      [`${origin}/gone.json`, /answered HTTP 404/],
      [`${origin}/plain.html`, /no schema\.org JSON-LD/],
      [`${origin}/broken.json`, /not valid JSON/],
    ];
    for (const [url, why] of cases) {
      const id = await source(url);
      const report = await harvestSource(t.db, SYSTEM, id, allow);
      expect(report.error, url).toMatch(why);
      expect(report.created).toBe(0);
    }
    // The production setting: loopback (and every private range) is refused before connecting.
    const local = await source(`${origin}/courses.html?from=production-setting`);
    expect((await harvestSource(t.db, SYSTEM, local, { allowPrivate: false })).error).toMatch(
      /internal address \(127\.0\.0\.1\): refused|127\.0\.0\.1 is an internal address/,
    );
    expect(await offeringsOf(local)).toEqual([]);
    expect(
      ['10.0.0.1', '172.20.1.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1'].every(
        isInternalAddress,
      ),
    ).toBe(true);
    expect(['8.8.8.8', '2001:4860:4860::8888', '172.32.0.1'].some(isInternalAddress)).toBe(false);
  });

  it('through the API: an editor registers a catalogue and harvests it now; the daily job harvests every source', async () => {
    files.set('/api-courses.html', { type: 'text/html', body: page([course('api1', 'E-government services design')]) });
    const editor = await createUser(t.db, { memberships: [{ organisationId: provider, role: 'editor' }] });
    const app = testApp(t.db, { DCP_HARVEST_PRIVATE_ADDRESSES: 'allow' });
    const session = await signInAs(app, editor);
    const headers = { ...session.headers, 'Content-Type': 'application/json', 'X-Forwarded-For': '198.51.100.77' };
    const registered = await app.request('/api/v1/offering-sources', {
      method: 'POST',
      headers,
      body: JSON.stringify({
        providerOrganisationId: provider,
        url: `${origin}/api-courses.html`,
        defaultTopics: ['cybersecurity'],
        defaultAudiences: ['public-servants'],
      }),
    });
    expect(registered.status).toBe(201);
    const { id } = (await registered.json()) as { id: string };
    const run = await app.request(`/api/v1/offering-sources/${id}/harvest`, { method: 'POST', headers });
    expect(((await run.json()) as HarvestReport).created).toBe(1);
    const listed = (await (await app.request(`/api/v1/offering-sources?organisation=${provider}`, { headers })).json()) as {
      data: { id: string; lastReport: HarvestReport | null }[];
    };
    expect(listed.data.find((s) => s.id === id)?.lastReport?.created).toBe(1);

    files.set('/api-courses.html', {
      type: 'text/html',
      body: page([course('api1', 'E-government services design'), course('api2', 'Digital public infrastructure')]),
    });
    const logger = pino({ level: 'silent' });
    await harvestJob.handle(
      {},
      {
        db: t.db,
        config: loadConfig({ DCP_HARVEST_PRIVATE_ADDRESSES: 'allow' }),
        logger,
        jobId: 'test',
        attempt: 1,
        once: async () => false,
      },
    );
    expect(await offeringsOf(id)).toHaveLength(2);
    // The runs, newest first: the job's (one new item), then "harvest now" (the first).
    const runs = (await (await app.request(`/api/v1/offering-sources/${id}/runs`, { headers })).json()) as { data: HarvestReport[] };
    expect(runs.data.map((r) => r.created)).toEqual([1, 1]);
    expect(runs.data[0]!.ranAt > runs.data[1]!.ranAt).toBe(true);
    const changed = await app.request(`/api/v1/offering-sources/${id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({
        url: `${origin}/api-courses.html`,
        format: 'csv',
        defaultTopics: ['cybersecurity'],
        defaultAudiences: ['public-servants'],
      }),
    });
    expect(((await changed.json()) as { format: string }).format).toBe('csv');
    expect((await app.request(`/api/v1/offering-sources/${id}`, { method: 'DELETE', headers })).status).toBe(204);
    expect(await t.db.selectFrom('offering_source_runs').select('id').where('source_id', '=', id).execute()).toEqual([]);
    // Its offerings stay, no longer tied to a source.
    expect(
      await t.db
        .selectFrom('offerings')
        .select('id')
        .where('title', '=', 'Digital public infrastructure')
        .where('source_id', 'is', null)
        .execute(),
    ).toHaveLength(1);
  });
});
