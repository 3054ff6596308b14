/**
 * The clearinghouse pages in process, as a browser without JavaScript uses them: the catalogues
 * with facets in several languages, a record with its JSON-LD, the create and edit forms through
 * the forms stage, the workflow buttons per role, the 409 stale-version screen, and /needs/new
 * prefilled from a country profile's gap. (Budgets, axe and 320 px: test/e2e/pages.test.ts.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/support/app.js';
import { createUser, type TestUser } from '../../../test/support/auth.js';
import { seedNeed, seedOffering, seedOrganisation } from '../../../test/support/capacity.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { Browser, signedInBrowsers } from '../../../test/support/forms.js';

/** The ids the error summary links to. */
const summaryTargets = (html: string) =>
  [...(/<div class="error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '').matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
const jsonLdOf = (html: string) =>
  JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? 'null') as Record<string, unknown> | null;
const buttons = (html: string) => [...html.matchAll(/name="transition" value="([a-z-]+)"/g)].map((m) => m[1]);

/** A form of the offering as a provider fills it in. */
function offeringForm(organisation: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    organisation,
    kind: 'course',
    language: 'en',
    title: 'Incident response for national CIRTs',
    summary: 'Hands-on incident handling, triage and coordination for national CIRT staff.',
    description: '',
    'topics.cybersecurity': 'on',
    'audiences.public-servants': 'on',
    'languages.en': 'on',
    'languages.fr': 'on',
    modality: 'blended',
    eligibleCountries: '',
    eligibleGroups: 'LDC; SIDS',
    'fee.amount': '',
    'fee.currency': '',
    rolling: 'on',
    url: 'https://academy.example.org/cirt',
    ...extra,
  };
}

forEachEngine('clearinghouse pages', (t) => {
  const app = () => testApp(t.db);
  let provider: string;
  let editor: TestUser;
  let coordinator: TestUser;

  const as = signedInBrowsers(app);

  beforeAll(async () => {
    provider = await seedOrganisation(t.db, 'Pages Cyber Academy');
    editor = await createUser(t.db, { memberships: [{ organisationId: provider, role: 'editor' }] });
    coordinator = await createUser(t.db, { platformRole: 'coordinator' });
  });

  describe('the catalogues', () => {
    let ldcCourse: string;
    let chinese: string;
    let draft: string;
    beforeAll(async () => {
      ldcCourse = await seedOffering(t.db, provider, {
        status: 'published',
        title: 'Cyber drills for least developed countries',
        topics: ['cybersecurity'],
        eligibleGroups: ['LDC'],
        languages: ['fr', 'en'],
      });
      chinese = await seedOffering(t.db, provider, {
        status: 'published',
        language: 'zh',
        title: '国家网络安全战略制定培训',
        summary: '面向政府官员的国家网络安全战略制定与实施培训课程。',
        topics: ['cybersecurity'],
        languages: ['zh'],
      });
      draft = await seedOffering(t.db, provider, { title: 'Unfinished cyber draft', topics: ['cybersecurity'] });
    });

    it('searches with facets through a GET form: repeated checkboxes, counts, the country an offering is open to', async () => {
      const browser = new Browser(app());
      const { response, html } = await browser.get('/offerings?q=cyber+drills&topics=cybersecurity&topics=digital-health&eligibleFor=NER');
      expect(response.status).toBe(200);
      expect(html).toContain(`href="/offerings/${ldcCourse}"`);
      expect(html).not.toContain(draft);
      expect(html).toMatch(/<input type="checkbox" id="f-topics-\d+" name="topics" value="cybersecurity" checked/);
      expect(html).toMatch(/<option value="NER" selected/);
      expect(html).toMatch(/Cybersecurity <span class="count">\(\d+\)<\/span>/);
      // Niger is an LDC: the course for LDCs is open to it; for a country outside every group it lists, it is not.
      expect((await browser.get('/offerings?q=cyber+drills&eligibleFor=FRA')).html).not.toContain(ldcCourse);
    });

    it('finds 网络安全 inside a Chinese title, in the Chinese interface, and names facets in Arabic', async () => {
      const browser = new Browser(app());
      const zh = await browser.get(`/offerings?q=${encodeURIComponent('网络安全')}&lang=zh`);
      expect(zh.html).toContain('<html lang="zh" dir="ltr">');
      expect(zh.html).toContain(`href="/offerings/${chinese}"`);
      expect(zh.html).toContain('能力建设服务');
      const ar = await browser.get('/offerings?topics=cybersecurity&lang=ar');
      expect(ar.html).toContain('<html lang="ar" dir="rtl">');
      expect(ar.html).toContain('المواضيع');
      expect(ar.html).toContain('الأمن السيبراني');
    });

    it('answers a bad filter with 400 and what to fix, never a 500', async () => {
      const { response, html } = await new Browser(app()).get('/offerings?eligibleFor=Niger&sort=best');
      expect(response.status).toBe(400);
      expect(html).toMatch(/eligibleFor|sort/);
      expect((await new Browser(app()).get('/needs?limit=5000&cursor=%00')).response.status).toBeLessThan(500);
    });

    it('pages on with a next link that keeps the filters', async () => {
      for (let i = 0; i < 21; i += 1)
        await seedOffering(t.db, provider, { status: 'published', title: `Paging course number ${i}`, topics: ['digital-health'] });
      const { html } = await new Browser(app()).get('/offerings?topics=digital-health&sort=newest');
      const next = /<a rel="next" href="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
      expect(next).toMatch(/^\/offerings\?topics=digital-health&sort=newest&cursor=/);
      const second = await new Browser(app()).get(next!);
      expect(second.response.status).toBe(200);
      expect(second.html.match(/<li>\s*<h2/g)?.length ?? [...second.html.matchAll(/class="meta"/g)].length).toBeGreaterThan(0);
    });
  });

  describe('a record', () => {
    it('carries schema.org JSON-LD: Course for a course, MonetaryGrant for a financing pledge; hostile text cannot end the script', async () => {
      const course = await seedOffering(t.db, provider, {
        status: 'published',
        title: 'Course </script><script>alert(1)</script>',
        rolling: true,
        startDate: null,
        endDate: null,
        durationHours: 12.5,
        fee: { amount: 150, currency: 'USD' },
      });
      const page = await new Browser(app()).get(`/offerings/${course}`);
      expect(page.html).not.toContain('<script>alert(1)</script>');
      const ld = jsonLdOf(page.html)!;
      expect(ld).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'Course',
        name: 'Course </script><script>alert(1)</script>',
        provider: { '@type': 'Organization', name: 'Pages Cyber Academy' },
        hasCourseInstance: [{ '@type': 'CourseInstance', courseMode: 'blended', courseWorkload: 'PT12H30M' }],
        offers: [{ '@type': 'Offer', category: 'Paid', price: 150, priceCurrency: 'USD' }],
      });
      const pledge = await seedOffering(t.db, provider, {
        status: 'published',
        kind: 'financing-pledge',
        title: 'Rural connectivity fund pledge',
        pledge: { amount: 2_000_000, currency: 'EUR', umcDimension: 'affordability' },
        eligibleCountries: ['NER', 'MLI'],
      });
      expect(jsonLdOf((await new Browser(app()).get(`/offerings/${pledge}`)).html)).toMatchObject({
        '@type': 'MonetaryGrant',
        funder: { name: 'Pages Cyber Academy' },
        amount: { '@type': 'MonetaryAmount', value: 2_000_000, currency: 'EUR' },
        areaServed: ['NER', 'MLI'],
      });
    });

    it('hides drafts and members-only needs from those who may not see them (404)', async () => {
      const draft = await seedOffering(t.db, provider);
      expect((await new Browser(app()).get(`/offerings/${draft}`)).response.status).toBe(404);
      expect((await (await as(editor)).get(`/offerings/${draft}`)).response.status).toBe(200);
      const hidden = await seedNeed(t.db, provider, { visibility: 'members' });
      expect((await new Browser(app()).get(`/needs/${hidden}`)).response.status).toBe(404);
      expect((await (await as(coordinator)).get(`/needs/${hidden}`)).response.status).toBe(200);
      expect((await new Browser(app()).get('/offerings/not-a-uuid')).response.status).toBe(404);
    });
  });

  describe('listing and review through the forms', () => {
    it('offers a provider’s editor the harvested-catalogue pages from the catalogue; a visitor sees neither link', async () => {
      const browser = await as(editor);
      const catalogue = await browser.get('/offerings');
      expect(catalogue.html).toContain('href="/offerings/new"');
      expect(catalogue.html).toContain('<a href="/offering-sources">');
      const sources = await browser.get('/offering-sources');
      expect(sources.response.status).toBe(200);
      expect(sources.html).toContain('<h1');
      const visitor = await new Browser(app()).get('/offerings');
      expect(visitor.html).not.toContain('href="/offering-sources"');
    });

    it('a provider lists an offering as a draft, submits it; a coordinator returns it with a reason, then publishes it', async () => {
      const browser = await as(editor);
      const form = await browser.get('/offerings/new');
      expect(form.html).toContain(`<option value="${provider}"`);
      const created = await browser.post('/offerings', offeringForm(provider), form.html);
      expect(created.response.status).toBe(303);
      const location = created.response.headers.get('location')!;
      const id = /\/offerings\/([0-9a-f-]{36})\?done=1$/.exec(location)?.[1];
      expect(id).toBeDefined();
      const stored = await t.db.selectFrom('offerings').selectAll().where('id', '=', id!).executeTakeFirstOrThrow();
      expect(stored).toMatchObject({
        status: 'draft',
        title: 'Incident response for national CIRTs',
        topics: ['cybersecurity'],
        languages: ['en', 'fr'],
        eligible_groups: ['LDC', 'SIDS'],
        rolling: true,
        cost_amount: null,
      });

      const own = await browser.get(location);
      expect(own.html).toContain('Your change has been saved.');
      expect(buttons(own.html)).toEqual(['submit', 'archive']);
      await browser.post(`/offerings/${id}/transitions`, { transition: 'submit', version: '1' }, own.html);

      const reviewer = await as(coordinator);
      const review = await reviewer.get(`/offerings/${id}`);
      expect(buttons(review.html)).toEqual(['publish', 'return', 'archive']);
      const noReason = await reviewer.post(`/offerings/${id}/transitions`, { transition: 'return', reason: '' }, review.html);
      expect(noReason.response.status).toBe(400);
      expect(summaryTargets(noReason.html)).toEqual(['reason']);
      expect((await t.db.selectFrom('offerings').select('status').where('id', '=', id!).executeTakeFirstOrThrow()).status).toBe(
        'in-review',
      );
      const returned = await reviewer.post(`/offerings/${id}/transitions`, { transition: 'return', reason: 'Add the dates' }, review.html);
      expect(returned.response.status).toBe(303);
      expect((await browser.get(`/offerings/${id}`)).html).toContain('Add the dates');

      const again = await browser.get(`/offerings/${id}`);
      await browser.post(`/offerings/${id}/transitions`, { transition: 'submit' }, again.html);
      const published = await reviewer.post(
        `/offerings/${id}/transitions`,
        { transition: 'publish' },
        (await reviewer.get(`/offerings/${id}`)).html,
      );
      expect(published.response.status).toBe(303);
      const publicView = await new Browser(app()).get(`/offerings/${id}`);
      expect(publicView.response.status).toBe(200);
      expect(buttons(publicView.html)).toEqual([]);
      expect(publicView.html).not.toContain(`/offerings/${id}/edit`);
    });

    it('shows every problem linked to its field, keeps what was typed, and stores nothing', async () => {
      const browser = await as(editor);
      const before = await t.db.selectFrom('offerings').select(t.db.fn.countAll().as('n')).executeTakeFirstOrThrow();
      const page = await browser.get('/offerings/new?lang=fr');
      const refused = await browser.post(
        '/offerings?lang=fr',
        offeringForm(provider, {
          title: 'A',
          'topics.cybersecurity': '',
          'fee.amount': '-5',
          'fee.currency': 'USD',
          url: 'javascript:alert(1)',
        }),
        page.html,
      );
      expect(refused.response.status).toBe(400);
      expect(summaryTargets(refused.html)).toEqual(['title', 'topics', 'fee-amount', 'url']);
      expect(refused.html).toContain('value="javascript:alert(1)"');
      expect(refused.html).toContain('<html lang="fr" dir="ltr">');
      expect(await t.db.selectFrom('offerings').select(t.db.fn.countAll().as('n')).executeTakeFirstOrThrow()).toEqual(before);
      // Someone with no organisation to write for is told so, and cannot post for another's.
      const outsider = await as(await createUser(t.db));
      const lonely = await outsider.get('/offerings/new');
      expect(lonely.html).toContain('Create an organisation first');
      const forbidden = await outsider.post('/offerings', offeringForm(provider), lonely.html);
      expect(forbidden.response.status).toBe(403);
    });

    it('a stale save comes back with 409, what changed and the current values; saving again then works', async () => {
      const id = await seedOffering(t.db, provider, { title: 'Original title' });
      const browser = await as(editor);
      const form = await browser.get(`/offerings/${id}/edit`);
      expect(form.html).toContain('name="version" value="1"');
      expect(form.html).toContain('value="Original title"');
      // A colleague saves first, through the same form.
      const colleague = await as(await createUser(t.db, { memberships: [{ organisationId: provider, role: 'owner' }] }));
      const theirs = await colleague.get(`/offerings/${id}/edit`);
      const first = await colleague.post(
        `/offerings/${id}/edit`,
        { ...offeringForm(provider, { title: 'Changed by a colleague' }), version: '1' },
        theirs.html,
      );
      expect(first.response.status).toBe(303);
      const fields = Object.fromEntries(
        [...form.html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
      );
      const stale = await browser.post(
        `/offerings/${id}/edit`,
        { ...fields, ...offeringForm(provider, { title: 'My better title' }), version: '1' },
        form.html,
      );
      expect(stale.response.status).toBe(409);
      expect(stale.html).toContain('Someone saved this while you were editing');
      expect(stale.html).toMatch(/<dt>Title<\/dt>\s*<dd>Changed by a colleague<\/dd>/);
      expect(stale.html).toContain('value="My better title"');
      expect(stale.html).toContain('name="version" value="2"');
      const saved = await browser.post(
        `/offerings/${id}/edit`,
        { ...offeringForm(provider, { title: 'My better title' }), version: '2' },
        stale.html,
      );
      expect(saved.response.status).toBe(303);
      expect(await t.db.selectFrom('offerings').select(['title', 'version']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({
        title: 'My better title',
        version: 3,
      });
    });
  });

  describe('needs', () => {
    it('/needs/new takes country, topic and evidence from a country profile’s gap, ignoring what is not valid', async () => {
      const browser = await as(editor);
      const { html } = await browser.get('/needs/new?country=ner&topic=cybersecurity&topic=bogus&evidence=/countries/NER');
      expect(html).toMatch(/<option value="NER" selected/);
      expect(html).toMatch(/name="topics\.cybersecurity" checked/);
      expect(html).not.toContain('topics.bogus');
      expect(html).toContain('value="/countries/NER"');
      const hostile = await browser.get('/needs/new?country=XXX&evidence=javascript:alert(1)');
      // Not taken into the form (the printed page address may quote the URL as text, escaped).
      expect(hostile.html).not.toMatch(/(value|href)="javascript:/);
      expect(hostile.html).toMatch(/<input id="evidenceUrl"[^>]*\/>/);
      expect(hostile.html).not.toMatch(/<input id="evidenceUrl"[^>]*value=/);
      expect(hostile.html).not.toMatch(/<option value="[A-Z]{3}" selected/);

      const posted = await browser.post(
        '/needs',
        {
          organisation: provider,
          country: 'NER',
          language: 'fr',
          title: 'Formation en cybersécurité pour le CIRT national',
          description: 'Le CIRT national doit former douze analystes à la gestion des incidents.',
          'topics.cybersecurity': 'on',
          'audiences.public-servants': 'on',
          'languages.fr': 'on',
          peopleCount: '12',
          urgency: 'high',
          evidenceUrl: '/countries/NER',
          visibility: 'public',
        },
        html,
      );
      expect(posted.response.status).toBe(303);
      const id = /\/needs\/([0-9a-f-]{36})/.exec(posted.response.headers.get('location')!)![1]!;
      const need = await new Browser(app()).get(`/needs/${id}?lang=es`);
      expect(need.html).toContain('Formation en cybersécurité pour le CIRT national');
      expect(need.html).toContain('<a href="/countries/NER">Níger</a>');
      const reviewer = await as(coordinator);
      expect(buttons((await reviewer.get(`/needs/${id}`)).html)).toEqual(['match', 'close-unmet']);
      const closed = await reviewer.post(
        `/needs/${id}/transitions`,
        { transition: 'close-unmet', unmetReason: 'no-offering', reason: 'Nobody offers this in French yet' },
        (await reviewer.get(`/needs/${id}`)).html,
      );
      expect(closed.response.status).toBe(303);
      expect(await t.db.selectFrom('needs').select(['status', 'unmet_reason']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({
        status: 'closed-unmet',
        unmet_reason: 'no-offering',
      });
    });
  });
});
