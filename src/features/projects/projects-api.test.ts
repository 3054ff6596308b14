import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { body, testApp } from '../../../test/support/app.js';
import { createUser, randomAddress, signInAs, type SignedIn } from '../../../test/support/auth.js';
import { seedNeed, seedOrganisation } from '../../../test/support/capacity.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { projectBody, seedProject } from '../../../test/support/projects.js';
import { schemaErrors } from '../../../test/fixtures/iati/real-files.js';
import type { Project, ProjectPage } from './index.js';

/** The fields a problem response names. */
const fieldsOf = async (response: Response) => (await body<{ fields?: { field: string }[] }>(response)).fields?.map((f) => f.field) ?? [];

forEachEngine('projects API', (t) => {
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
  let lead: string;
  let partner: string;
  let editor: SignedIn;
  let outsider: SignedIn;

  beforeAll(async () => {
    lead = await seedOrganisation(t.db, `Lead ${randomUUID().slice(0, 8)}`);
    partner = await seedOrganisation(t.db, `Partner ${randomUUID().slice(0, 8)}`);
    editor = await signInAs(app(), await createUser(t.db, { memberships: [{ organisationId: lead, role: 'editor' }] }));
    outsider = await signInAs(app(), await createUser(t.db, { memberships: [{ organisationId: partner, role: 'owner' }] }));
  });

  describe('creating and reading', () => {
    it('lets an editor of the lead organisation start a project, owned by it, with an IATI record that validates', async () => {
      const needId = await seedNeed(t.db, partner, { visibility: 'public' });
      const response = await call('POST', '/api/v1/projects', editor, {
        leadOrganisationId: lead,
        ...projectBody({ partners: [{ organisationId: partner, role: 'funding' }], relatedNeeds: [needId] }),
      });
      expect(response.status).toBe(201);
      const project = await body<Project>(response);
      expect(project).toMatchObject({
        version: 1,
        origin: 'platform',
        lead: { id: lead },
        partners: [{ id: partner, role: 'funding' }],
        countries: ['NER', 'MLI'],
        sdgs: ['4', '9'],
        topics: ['digital-education-edtech'],
        startDate: '2027-01-01',
        budget: { amount: 1_200_000, currency: 'USD' },
        related: { needs: [{ id: needId }], offerings: [], notShown: 0 },
      });
      expect(project.iatiIdentifier).toBe(`XX-DCP-${lead}-${project.id}`);
      const xml = await (await call('GET', `/api/v1/projects/${project.id}?format=iati`)).text();
      expect(schemaErrors(xml)).toBe('');
      expect(xml).toMatch(/<participating-org ref="XX-DCP-[^"]+" type="40" role="1">/);
    });

    it('refuses a project from someone outside the lead organisation, and from nobody signed in', async () => {
      const payload = { leadOrganisationId: lead, ...projectBody() };
      expect((await call('POST', '/api/v1/projects', outsider, payload)).status).toBe(403);
      expect((await call('POST', '/api/v1/projects', undefined, payload)).status).toBe(401);
    });

    it.each([
      ['an unknown country', { countries: ['XYZ'] }, 'body.countries.0'],
      ['dates out of order', { dates: { plannedStart: '2028-01-01', plannedEnd: '2027-01-01' } }, 'body.dates.plannedEnd'],
      ['a budget without dates', { dates: {}, budget: { amount: 5, currency: 'USD' } }, 'body.budget'],
      ['a currency nobody uses', { budget: { amount: 5, currency: 'ABC' } }, 'body.budget.currency'],
      ['SDG 18', { sdgs: ['18'] }, 'body.sdgs.0'],
      ['an unknown topic', { topics: ['astrology'] }, 'body.topics.0'],
      ['a partner that does not exist', { partners: [{ organisationId: randomUUID() }] }, 'body.partners.0.organisationId'],
      ['a need that does not exist', { relatedNeeds: [randomUUID()] }, 'body.relatedNeeds.0'],
      ['a title with a control character', { title: 'Schools\u0000 online' }, 'body.title'],
      ['an identifier with a space', { iatiIdentifier: 'XM TEST' }, 'body.iatiIdentifier'],
    ])('refuses %s with a 400 naming the field, and writes nothing', async (_what, overrides, field) => {
      const before = await t.db
        .selectFrom('projects')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      const response = await call('POST', '/api/v1/projects', editor, { leadOrganisationId: lead, ...projectBody(overrides) });
      expect(response.status).toBe(400);
      expect(await fieldsOf(response)).toContain(field);
      expect(
        await t.db
          .selectFrom('projects')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow(),
      ).toEqual(before);
    });

    it('refuses a partner that is the lead itself, and a taken IATI identifier', async () => {
      const own = await call('POST', '/api/v1/projects', editor, {
        leadOrganisationId: lead,
        ...projectBody({ partners: [{ organisationId: lead }] }),
      });
      expect(await fieldsOf(own)).toEqual(['body.partners.0.organisationId']);
      const identifier = `XM-TEST-${randomUUID()}`;
      expect(
        (await call('POST', '/api/v1/projects', editor, { leadOrganisationId: lead, ...projectBody({ iatiIdentifier: identifier }) }))
          .status,
      ).toBe(201);
      expect(
        (await call('POST', '/api/v1/projects', editor, { leadOrganisationId: lead, ...projectBody({ iatiIdentifier: identifier }) }))
          .status,
      ).toBe(409);
    });

    it('hides a members-only project from anonymous visitors, in lists and by id', async () => {
      const id = await seedProject(t.db, lead, { visibility: 'members', title: 'Members-only cyber drill' });
      expect((await call('GET', `/api/v1/projects/${id}`)).status).toBe(404);
      expect((await call('GET', `/api/v1/projects/${id}`, outsider)).status).toBe(200);
      const anonymous = await body<ProjectPage>(await call('GET', '/api/v1/projects?q=drill'));
      expect(anonymous.data).toEqual([]);
      expect((await body<ProjectPage>(await call('GET', '/api/v1/projects?q=drill', outsider))).data.map((p) => p.id)).toEqual([id]);
    });
  });

  describe('editing', () => {
    it('adds a translation of the title without touching the others, and refuses a stale version with what changed', async () => {
      const id = await seedProject(t.db, lead);
      const patched = await call('PATCH', `/api/v1/projects/${id}`, editor, {
        version: 1,
        language: 'fr',
        title: 'Connecter les écoles rurales du Sahel',
      });
      expect(patched.status).toBe(200);
      const project = await body<Project>(patched);
      expect(project.titles).toEqual([
        { lang: 'en', text: 'Connecting rural schools in the Sahel' },
        { lang: 'fr', text: 'Connecter les écoles rurales du Sahel' },
      ]);
      const french = await body<Project>(await call('GET', `/api/v1/projects/${id}?lang=fr`));
      expect(french.title).toBe('Connecter les écoles rurales du Sahel');
      const stale = await call('PATCH', `/api/v1/projects/${id}`, editor, { version: 1, status: 'closed' });
      expect(stale.status).toBe(409);
      expect(await body(stale)).toMatchObject({
        currentVersion: 2,
        changes: [{ field: 'titles', current: expect.arrayContaining([{ lang: 'fr', text: 'Connecter les écoles rurales du Sahel' }]) }],
      });
      expect((await call('PATCH', `/api/v1/projects/${id}`, outsider, { version: 2, status: 'closed' })).status).toBe(403);
    });

    it('replaces countries and SDGs in the IATI record, keeping what IATI says of those that stay', async () => {
      const id = await seedProject(t.db, lead);
      const project = await body<Project>(
        await call('PATCH', `/api/v1/projects/${id}`, editor, {
          version: 1,
          countries: ['MLI', 'BFA'],
          sdgs: ['9'],
          status: 'finalisation',
        }),
      );
      expect(project).toMatchObject({ countries: ['MLI', 'BFA'], sdgs: ['9'], status: 'finalisation' });
      const xml = await (await call('GET', `/api/v1/projects/${id}?format=iati`)).text();
      expect(schemaErrors(xml)).toBe('');
      expect(xml).toContain('<recipient-country code="BF"/>');
      expect(xml).not.toContain('<recipient-country code="NE"/>');
    });
  });

  describe('lists and IATI downloads', () => {
    it('filters by country group and SDG, with facet counts', async () => {
      const marker = `Facetcheck${randomUUID().slice(0, 6)}`;
      await seedProject(t.db, lead, { title: `${marker} Niger`, countries: ['NER'], sdgs: ['4'] });
      await seedProject(t.db, lead, { title: `${marker} Fiji`, countries: ['FJI'], sdgs: ['13'] });
      const sids = await body<ProjectPage>(await call('GET', `/api/v1/projects?q=${marker}&countries=SIDS`));
      expect(sids.data.map((p) => p.title)).toEqual([`${marker} Fiji`]);
      const all = await body<ProjectPage>(await call('GET', `/api/v1/projects?q=${marker}`));
      expect(all.facets.values['sdgs']).toEqual(
        expect.arrayContaining([
          { value: '4', count: 1 },
          { value: '13', count: 1 },
        ]),
      );
      expect((await call('GET', '/api/v1/projects?countries=ATLANTIS')).status).toBe(400);
    });

    it('writes a filtered set as one valid file and names, in a comment and a header, the projects it cannot write', async () => {
      const marker = `Exportcheck${randomUUID().slice(0, 6)}`;
      await seedProject(t.db, lead, { title: `${marker} complete` });
      // No description and no dates: IATI requires both.
      const lacking = await seedProject(t.db, lead, { title: `${marker} sketch`, description: null, dates: {}, budget: null });
      const response = await call('GET', `/api/v1/projects?q=${marker}&format=iati`);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-projects-exported')).toBe('1');
      expect(response.headers.get('x-projects-skipped')).toBe('1');
      const xml = await response.text();
      expect(schemaErrors(xml)).toBe('');
      expect(xml).toMatch(new RegExp(`1 project could not be written as valid IATI[\\s\\S]*${lacking}`));
      const one = await call('GET', `/api/v1/projects/${lacking}?format=iati`);
      expect(one.status).toBe(409);
      expect(await fieldsOf(one)).toEqual(expect.arrayContaining(['descriptions', 'dates']));
      expect((await call('GET', `/api/v1/projects?q=nothingmatchesthis${marker}&format=iati`)).status).toBe(409);
    });
  });
});
