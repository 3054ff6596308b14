import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { body, testApp } from '../../../test/support/app.js';
import { createUser, randomAddress, signInAs, TEST_PASSWORD, type SignedIn } from '../../../test/support/auth.js';
import { seedOrganisation } from '../../../test/support/capacity.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { profileBody, seedProfile } from '../../../test/support/people.js';
import { FINDER_WINDOW } from './finder.js';
import { generateDemoPeople, type OwnProfile, type PeoplePage, type Person } from './index.js';

forEachEngine('people API', (t) => {
  const app = () => testApp(t.db);
  const call = (method: string, path: string, session?: SignedIn, payload?: unknown) =>
    app().request(path, {
      method,
      headers: {
        'X-Forwarded-For': randomAddress(),
        ...session?.headers,
        ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
    });
  let orgId: string;
  let ana: { session: SignedIn; id: string };

  beforeAll(async () => {
    orgId = await seedOrganisation(t.db, `People Org ${randomUUID().slice(0, 8)}`);
    const user = await createUser(t.db, { memberships: [{ organisationId: orgId, role: 'member' }] });
    ana = { id: user.id, session: await signInAs(app(), user) };
  });

  describe('my profile', () => {
    it('asks for consent to the profile notice before the first save, then records when and which version', async () => {
      expect((await call('GET', '/api/v1/me/profile', ana.session)).status).toBe(404);
      const refused = await call('PUT', '/api/v1/me/profile', ana.session, profileBody({ consentToNotice: undefined }));
      expect(refused.status).toBe(400);
      expect((await body<{ fields: { field: string }[] }>(refused)).fields.map((f) => f.field)).toEqual(['body.consentToNotice']);
      const wrongVersion = await call('PUT', '/api/v1/me/profile', ana.session, profileBody({ consentToNotice: '1999-01-01' }));
      expect(wrongVersion.status).toBe(400);

      const created = await call('PUT', '/api/v1/me/profile', ana.session, profileBody());
      expect(created.status).toBe(200);
      const profile = await body<OwnProfile>(created);
      expect(profile).toMatchObject({ version: 1, name: 'Amina Diallo', consent: { noticeVersion: '2026-11-30', current: true } });
      expect(profile.organisations.map((o) => o.id)).toEqual([orgId]);
      // The default: every part for the person's own organisation only.
      expect(Object.values(profile.visibility).every((v) => v === 'organisation')).toBe(true);
      expect(Date.parse(profile.consent.givenAt)).toBeGreaterThan(Date.now() - 60_000);
    });

    it('replaces the profile at the version sent and refuses a stale one with the current version', async () => {
      const current = await body<OwnProfile>(await call('GET', '/api/v1/me/profile', ana.session));
      const next = profileBody({ version: current.version, consentToNotice: undefined, headline: 'Spectrum and satellite adviser' });
      const saved = await call('PUT', '/api/v1/me/profile', ana.session, next);
      expect(saved.status).toBe(200);
      expect((await body<OwnProfile>(saved)).version).toBe(current.version + 1);
      const stale = await call('PUT', '/api/v1/me/profile', ana.session, next);
      expect(stale.status).toBe(409);
      expect(await body(stale)).toMatchObject({ code: 'conflict', currentVersion: current.version + 1 });
      const again = await call('PUT', '/api/v1/me/profile', ana.session, profileBody());
      expect(again.status).toBe(409);
    });

    it.each([
      [
        'availability that ends before it starts',
        { availability: [{ share: 50, from: '2027-05-01', to: '2027-04-01' }] },
        'body.availability.0.to',
      ],
      ['a share of 0 %', { availability: [{ share: 0, from: '2027-05-01', to: null }] }, 'body.availability.0.share'],
      ['a share above 100 %', { availability: [{ share: 120, from: '2027-05-01', to: null }] }, 'body.availability.0.share'],
      ['a date in year 20270', { availability: [{ share: 20, from: '20270-05-01', to: null }] }, 'body.availability.0.from'],
      ['a javascript: link', { links: [{ url: 'javascript:alert(1)', label: null }] }, 'body.links.0.url'],
      ['a control character in the name', { name: 'Amina\u0007 Diallo' }, 'body.name'],
      ['an unknown topic', { topics: ['astrology'] }, 'body.topics.0'],
      ['a DigComp area instead of a competence', { digcomp: [{ code: '4', level: 3 }] }, 'body.digcomp.0.code'],
      ['a proficiency of 9', { digcomp: [{ code: '4.2', level: 9 }] }, 'body.digcomp.0.level'],
      [
        'a language twice',
        {
          languages: [
            { code: 'fr', level: 'B1' },
            { code: 'fr', level: 'C1' },
          ],
        },
        'body.languages',
      ],
      ['an unknown language level', { languages: [{ code: 'fr', level: 'fluent' }] }, 'body.languages.0.level'],
      [
        '21 languages',
        { languages: 'aa ab af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca'.split(' ').map((code) => ({ code, level: 'A1' })) },
        'body.languages',
      ],
      ['an unknown duty station', { dutyStation: { country: 'XYZ', city: null } }, 'body.dutyStation.country'],
      ['an unknown ESCO skill', { esco: ['00000000-0000-4000-8000-000000000000'] }, 'body.esco.0'],
      ['an unknown visibility', { visibility: { skills: 'friends' } }, 'body.visibility.skills'],
    ])('refuses %s, naming the field, and changes nothing', async (_what, overrides, field) => {
      const before = await body<OwnProfile>(await call('GET', '/api/v1/me/profile', ana.session));
      const response = await call('PUT', '/api/v1/me/profile', ana.session, profileBody({ version: before.version, ...overrides }));
      expect(response.status).toBe(400);
      expect((await body<{ fields: { field: string }[] }>(response)).fields.map((f) => f.field)).toContain(field);
      expect((await body<OwnProfile>(await call('GET', '/api/v1/me/profile', ana.session))).version).toBe(before.version);
    });

    it('keeps a profile to its person: no API token reads or writes it', async () => {
      const token = await call('POST', '/api/v1/tokens', ana.session, { organisationId: orgId, scope: 'write', name: 'bot' });
      const { token: secret } = await body<{ token: string }>(token);
      const headers = { Authorization: `Bearer ${secret}`, 'X-Forwarded-For': randomAddress() };
      expect((await app().request('/api/v1/me/profile', { headers })).status).toBe(403);
      expect(
        (
          await app().request('/api/v1/me/profile', {
            method: 'PUT',
            headers: { ...headers, 'Content-Type': 'application/json' },
            body: JSON.stringify(profileBody({ version: 9 })),
          })
        ).status,
      ).toBe(403);
    });
  });

  describe('the expert finder', () => {
    let orgB: string;
    const people: Record<string, string> = {};
    const marker = `M${randomUUID().slice(0, 6)}`;

    beforeAll(async () => {
      orgB = await seedOrganisation(t.db, `Finder Org ${marker}`);
      const everyone = {
        basics: 'public',
        dutyStation: 'public',
        languages: 'public',
        skills: 'public',
        availability: 'public',
        bio: 'public',
        links: 'public',
      };
      const add = async (key: string, overrides: Record<string, unknown>) => {
        const user = await createUser(t.db, { memberships: [{ organisationId: orgB, role: 'member' }] });
        await seedProfile(t.db, user.id, { visibility: everyone, ...overrides });
        people[key] = user.id;
      };
      await add('security', {
        name: `Jean Dupont ${marker}`,
        digcomp: [{ code: '4.2', level: 6 }],
        languages: [{ code: 'fr', level: 'C1' }],
        dutyStation: { country: 'NER', city: 'Niamey' },
        bio: { text: 'Spécialiste de la cybersécurité des administrations publiques.', language: 'fr' },
        availability: [{ share: 100, from: '2027-01-01', to: '2027-06-30' }],
      });
      await add('content', {
        name: `Lina Haddad ${marker}`,
        digcomp: [{ code: '3.1', level: 3 }],
        languages: [
          { code: 'ar', level: 'native' },
          { code: 'fr', level: 'A2' },
        ],
        dutyStation: { country: 'JOR', city: null },
        bio: { text: 'تطوير المحتوى الرقمي للتعليم', language: 'ar' },
        availability: [{ share: 20, from: '2027-01-01', to: null }],
      });
      await add('data', {
        name: `王芳 ${marker}`,
        digcomp: [{ code: '4.1', level: 2 }],
        languages: [{ code: 'zh', level: 'native' }],
        dutyStation: { country: 'CHN', city: null },
        bio: { text: '负责国家数据治理和网络安全战略', language: 'zh' },
        availability: [],
      });
    });

    const find = async (query: string, session?: SignedIn) => {
      const response = await call('GET', `/api/v1/people?organisation=${orgB}&${query}`, session);
      expect(response.status).toBe(200);
      return body<PeoplePage>(response);
    };
    const keys = (page: PeoplePage) => page.data.map((p) => Object.entries(people).find(([, id]) => id === p.id)?.[0] ?? p.id).toSorted();

    it('finds people with any competence of a DigComp area, and counts them under the area', async () => {
      const page = await find('digcomp=4');
      expect(keys(page)).toEqual(['data', 'security']);
      expect(page.facets.values['digcomp']).toEqual(
        expect.arrayContaining([
          { value: '4', count: 2 },
          { value: '4.2', count: 1 },
        ]),
      );
      expect(keys(await find('digcomp=4&minProficiency=5'))).toEqual(['security']);
    });

    it('finds languages at a minimum level', async () => {
      expect(keys(await find('languages=fr'))).toEqual(['content', 'security']);
      expect(keys(await find('languages=fr:B2'))).toEqual(['security']);
      expect(keys(await find('languages=zh:native,ar:C2'))).toEqual(['content', 'data']);
    });

    it('finds duty stations by country or by region, and availability over a period', async () => {
      expect(keys(await find('country=NER'))).toEqual(['security']);
      // 145: Western Asia (Jordan).
      expect(keys(await find('country=145'))).toEqual(['content']);
      expect(keys(await find('availableFrom=2027-02-01&availableTo=2027-03-31&minShare=50'))).toEqual(['security']);
      expect(keys(await find('availableFrom=2027-09-01'))).toEqual(['content']);
    });

    it('needs one period covering the whole span at the share: two periods are never joined, shares between thresholds count', async () => {
      // A person of another organisation (the other tests count orgB's three): 50 % until March, then 40 % for the rest of 2027.
      const orgC = await seedOrganisation(t.db, `Finder Periods ${marker}`);
      const user = await createUser(t.db, { memberships: [{ organisationId: orgC, role: 'member' }] });
      await seedProfile(t.db, user.id, {
        name: `Two Periods ${marker}`,
        visibility: {
          basics: 'public',
          dutyStation: 'public',
          languages: 'public',
          skills: 'public',
          availability: 'public',
          bio: 'public',
          links: 'public',
        },
        availability: [
          { share: 50, from: '2027-01-01', to: '2027-03-31' },
          { share: 40, from: '2027-04-01', to: '2027-12-31' },
        ],
      });
      const found = async (query: string) => {
        const response = await call('GET', `/api/v1/people?organisation=${orgC}&${query}`);
        expect(response.status).toBe(200);
        return (await body<PeoplePage>(response)).data.map((p) => p.id);
      };
      // Both periods together cover February–May at 25 %, but neither alone does.
      expect(await found('availableFrom=2027-02-01&availableTo=2027-05-31&minShare=25')).toEqual([]);
      // 30 % and 40 % lie between the indexed thresholds (25 and 50): the second period answers.
      expect(await found('availableFrom=2027-05-01&availableTo=2027-06-30&minShare=30')).toEqual([user.id]);
      expect(await found('availableFrom=2027-05-01&availableTo=2027-06-30&minShare=40')).toEqual([user.id]);
      expect(await found('availableFrom=2027-05-01&availableTo=2027-06-30&minShare=45')).toEqual([]);
      // At the threshold itself, the first period answers for its own span only.
      expect(await found('availableFrom=2027-02-01&availableTo=2027-03-15&minShare=50')).toEqual([user.id]);
      expect(await found('availableFrom=2027-03-15&availableTo=2027-04-15&minShare=50')).toEqual([]);
      // A share without dates: the largest share offered.
      expect(await found('minShare=50')).toEqual([user.id]);
      expect(await found('minShare=51')).toEqual([]);
    });

    it('searches text in French without accents, in Arabic and in Chinese', async () => {
      expect(keys(await find('q=cybersecurite'))).toEqual(['security']);
      expect(keys(await find(`q=${encodeURIComponent('المحتوى')}`))).toEqual(['content']);
      expect(keys(await find(`q=${encodeURIComponent('数据治理')}`))).toEqual(['data']);
    });

    it('pages with a cursor without repeating anyone', async () => {
      const first = await find('limit=2');
      expect(first.data).toHaveLength(2);
      expect(first.total).toEqual({ value: 3, exact: true });
      const second = await find(`limit=2&cursor=${first.next}`);
      expect(second.data).toHaveLength(1);
      expect(new Set([...first.data, ...second.data].map((p) => p.id)).size).toBe(3);
    });

    it('answers an unknown code with a 400 naming the parameter, not an empty list', async () => {
      for (const [query, field] of [
        ['digcomp=9.9', 'query.digcomp.0'],
        ['languages=fr:fluent', 'query.languages.0'],
        ['country=ZZZ', 'query.country'],
        ['minProficiency=4', 'query.minProficiency'],
        ['availableFrom=2027-05-01&availableTo=2027-04-01', 'query.availableTo'],
      ]) {
        const response = await call('GET', `/api/v1/people?${query}`);
        expect(response.status, query).toBe(400);
        expect(
          (await body<{ fields: { field: string }[] }>(response)).fields.map((f) => f.field),
          query,
        ).toContain(field);
      }
    });

    it('shows one person with every public part', async () => {
      const person = await body<Person>(await call('GET', `/api/v1/people/${people['security']}`));
      expect(person).toMatchObject({ hidden: [], dutyStation: { country: 'NER', city: 'Niamey' }, demo: false });
      expect((await call('GET', `/api/v1/people/${randomUUID()}`)).status).toBe(404);
    });
  });

  describe('personal data', () => {
    it('exports the profile with every consent event, and takes it out of the finder when deleted', async () => {
      const user = await createUser(t.db);
      const session = await signInAs(app(), user);
      const name = `Erin Export ${randomUUID().slice(0, 6)}`;
      await call('PUT', '/api/v1/me/profile', session, profileBody({ name, visibility: { basics: 'public' } }));
      expect((await body<PeoplePage>(await call('GET', `/api/v1/people?q=${encodeURIComponent(name)}`))).data).toHaveLength(1);
      const exported = await body<{ profile: { profile: { name: string }; consents: { event: string }[] } }>(
        await call('GET', '/api/v1/me/export', session),
      );
      expect(exported.profile.profile.name).toBe(name);
      expect(exported.profile.consents.map((c) => c.event)).toEqual(['given']);

      expect((await call('DELETE', '/api/v1/me/profile', session)).status).toBe(204);
      expect((await body<PeoplePage>(await call('GET', `/api/v1/people?q=${encodeURIComponent(name)}`))).data).toHaveLength(0);
      const after = await body<{ profile: { profile: null; consents: { event: string }[] } }>(
        await call('GET', '/api/v1/me/export', session),
      );
      expect(after.profile).toMatchObject({ profile: null, consents: [{ event: 'given' }, { event: 'withdrawn' }] });
    });

    it('deletes the profile and its consents with the account', async () => {
      const user = await createUser(t.db);
      const session = await signInAs(app(), user);
      await call('PUT', '/api/v1/me/profile', session, profileBody({ visibility: { basics: 'public' } }));
      expect((await call('DELETE', '/api/v1/me', session, { password: TEST_PASSWORD })).status).toBe(204);
      expect(await t.db.selectFrom('profiles').select('user_id').where('user_id', '=', user.id).execute()).toEqual([]);
      expect(await t.db.selectFrom('profile_search').select('user_id').where('user_id', '=', user.id).execute()).toEqual([]);
      expect(await t.db.selectFrom('profile_consents').select('user_id').where('user_id', '=', user.id).execute()).toEqual([]);
    });
  });

  // Last in the file: the generated people would change the totals the tests above count.
  describe('more matches than the finder reads', () => {
    it('says "at least 250" of the total, the facets and the ranking, and newest-first pages still reach everyone', async () => {
      await generateDemoPeople(t.db, { people: 420, seed: 11 });
      const visible = Number(
        (
          await t.db
            .selectFrom('profile_search')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('demo', '=', true)
            .where('audience', '=', 1)
            .executeTakeFirstOrThrow()
        ).n,
      );
      expect(visible, 'enough demo people shown to signed-in members to fill the window').toBeGreaterThan(FINDER_WINDOW);

      const browse = await body<PeoplePage>(await call('GET', '/api/v1/people?demo=only&limit=50', ana.session));
      expect(browse.total).toEqual({ value: FINDER_WINDOW, exact: false });
      expect(browse.facets).toMatchObject({ counted: FINDER_WINDOW, exact: false });
      const seen = new Set(browse.data.map((p) => p.id));
      for (let next = browse.next; next;) {
        const page = await body<PeoplePage>(
          await call('GET', `/api/v1/people?demo=only&limit=50&cursor=${encodeURIComponent(next)}`, ana.session),
        );
        for (const person of page.data) seen.add(person.id);
        next = page.next;
      }
      expect(seen.size, 'newest first pages go past the window').toBe(visible);

      const ranked = await body<PeoplePage>(await call('GET', '/api/v1/people?demo=only&q=digital&sort=relevance', ana.session));
      expect(ranked.total).toEqual({ value: FINDER_WINDOW, exact: false });
      expect(ranked.search).toMatchObject({ ranked: FINDER_WINDOW, capped: true, method: expect.stringContaining(`${FINDER_WINDOW}`) });

      // The page says it too, in the reader's language: the total is a floor and the ranking covers the most recent 250.
      const html = await (await call('GET', '/people?demo=only&q=digital&sort=relevance&lang=fr', ana.session)).text();
      expect(html.includes(`Au moins ${FINDER_WINDOW} personnes trouvées`), 'the total is a floor').toBe(true);
      expect(html.includes(`Classés par pertinence parmi les ${FINDER_WINDOW} résultats les plus récents`), 'the ranking is capped').toBe(
        true,
      );
      const newest = await (await call('GET', '/people?demo=only&lang=fr', ana.session)).text();
      expect(newest.includes(`Au moins ${FINDER_WINDOW} personnes trouvées`), 'browsing: the total is a floor').toBe(true);
      expect(newest.includes('Classés par pertinence'), 'browsing newest first ranks nothing').toBe(false);
    });
  });
});
