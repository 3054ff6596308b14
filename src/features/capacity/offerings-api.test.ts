import { beforeAll, describe, expect, it } from 'vitest';
import { body, testApp } from '../../../test/support/app.js';
import { createUser, randomAddress, signInAs, type SignedIn } from '../../../test/support/auth.js';
import { offeringBody, seedOrganisation } from '../../../test/support/capacity.js';
import { forEachEngine } from '../../../test/support/engines.js';

type Offering = {
  id: string;
  version: number;
  status: string;
  title: string;
  statusReason: string | null;
  publishedAt: string | null;
  demo: boolean;
};
type Problem = {
  code: string;
  detail: string;
  fields?: { field: string; message: string }[];
  currentVersion?: number;
  changes?: { field: string; current: unknown }[];
};

const send = (who: SignedIn | undefined, method: string, payload?: unknown) => ({
  method,
  headers: {
    ...who?.headers,
    'X-Forwarded-For': randomAddress(),
    ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
  },
  ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
});

forEachEngine('offerings API', (t) => {
  const app = () => testApp(t.db);
  let orgId: string;
  let editor: SignedIn;
  let member: SignedIn;
  let outsider: SignedIn;
  let coordinator: SignedIn;
  let offering: Offering;

  beforeAll(async () => {
    orgId = await seedOrganisation(t.db, 'Regional Telecommunication Training Centre');
    editor = await signInAs(app(), await createUser(t.db, { memberships: [{ organisationId: orgId, role: 'editor' }] }));
    member = await signInAs(app(), await createUser(t.db, { memberships: [{ organisationId: orgId, role: 'member' }] }));
    outsider = await signInAs(app(), await createUser(t.db));
    coordinator = await signInAs(app(), await createUser(t.db, { platformRole: 'coordinator' }));
  });

  const create = (who: SignedIn | undefined, overrides: Record<string, unknown> = {}) =>
    app().request('/api/v1/offerings', send(who, 'POST', { providerOrganisationId: orgId, ...offeringBody(overrides) }));
  const transition = (who: SignedIn | undefined, id: string, payload: Record<string, unknown>) =>
    app().request(`/api/v1/offerings/${id}/transitions`, send(who, 'POST', payload));
  const listed = async (who: SignedIn | undefined, status: string) =>
    (
      await body<{ data: { id: string }[] }>(await app().request(`/api/v1/offerings?status=${status}&limit=100`, send(who, 'GET')))
    ).data.map((o) => o.id);

  describe('listing an offering', () => {
    it('lets an editor of the provider create a draft, and no one else', async () => {
      const res = await create(editor, { fee: { amount: 250, currency: 'usd' }, eligibleGroups: ['ldc'] });
      expect(res.status).toBe(201);
      offering = await body<Offering>(res);
      expect(offering).toMatchObject({ status: 'draft', version: 1, demo: false, publishedAt: null });
      expect(offering).toMatchObject({ fee: { amount: 250, currency: 'USD' }, eligibleGroups: ['LDC'], provider: { id: orgId } });
      expect((await create(member)).status).toBe(403);
      expect((await create(outsider)).status).toBe(403);
      expect((await create(undefined)).status).toBe(401);
    });

    it('opens an offering that names no eligibility to the world', async () => {
      const res = await create(editor, { eligibleCountries: [], eligibleGroups: [] });
      expect(await body(res)).toMatchObject({ eligibleCountries: [], eligibleGroups: ['WLD'] });
    });

    it('refuses implausible values with 400, naming each field, and stores nothing', async () => {
      const before = await t.db
        .selectFrom('offerings')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const cases: [Record<string, unknown>, string][] = [
        [{ title: 'Bad\u0000title' }, 'body.title'],
        [{ summary: 'Line\u001b[31m red' }, 'body.summary'],
        [{ endDate: '2027-01-01' }, 'body.endDate'],
        [{ startDate: '1899-01-01' }, 'body.startDate'],
        [{ startDate: '2027-02-30' }, 'body.startDate'],
        [{ seats: 0 }, 'body.seats'],
        [{ fee: { amount: -5, currency: 'USD' } }, 'body.fee.amount'],
        [{ fee: { amount: 5, currency: 'ABC' } }, 'body.fee.currency'],
        [{ url: 'ftp://files.example.org/course' }, 'body.url'],
        [{ url: 'javascript:alert(1)' }, 'body.url'],
        [{ topics: ['not-a-topic'] }, 'body.topics.0'],
        [{ topics: ['cybersecurity', 'cybersecurity'] }, 'body.topics'],
        [
          {
            topics: [
              'cybersecurity',
              'digital-health',
              'digital-literacy',
              'spectrum-management',
              'ai-policy-ethics',
              'digital-skills-for-work',
            ],
          },
          'body.topics',
        ],
        [{ digcomp: ['4.9'] }, 'body.digcomp.0'],
        [{ esco: ['00000000-0000-4000-8000-000000000000'] }, 'body.esco.0'],
        [{ eligibleCountries: ['XXZ'] }, 'body.eligibleCountries.0'],
        [{ languages: ['xx'] }, 'body.languages.0'],
        [{ languages: [] }, 'body.languages'],
        [{ audiences: ['everyone'] }, 'body.audiences.0'],
        [{ kind: 'financing-pledge', modality: null }, 'body.pledge'],
        [{ rolling: true }, 'body.startDate'],
        [{ modality: null }, 'body.modality'],
        [{ translations: [{ language: 'en', title: 'Same language', summary: 'A summary long enough.' }] }, 'body.translations.0.language'],
        [{ titel: 'typo' }, 'body'],
      ];
      for (const [overrides, field] of cases) {
        const res = await create(editor, overrides);
        expect(res.status, JSON.stringify(overrides)).toBe(400);
        const problem = await body<Problem>(res);
        expect(problem.code).toBe('validation-failed');
        expect(
          problem.fields?.map((f) => f.field),
          JSON.stringify(overrides),
        ).toContain(field);
      }
      const after = await t.db
        .selectFrom('offerings')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(after.n).toBe(before.n);
    });

    it('accepts a financing pledge with amount, currency, period, target countries and UMC dimension', async () => {
      const res = await create(editor, {
        kind: 'financing-pledge',
        modality: null,
        title: 'Rural connectivity financing for the Sahel',
        topics: ['broadband-policy-regulation'],
        eligibleCountries: ['NER', 'MLI', 'BFA'],
        pledge: { amount: 2_500_000, currency: 'EUR', umcDimension: 'affordability' },
        startDate: '2027-01-01',
        endDate: '2029-12-31',
      });
      expect(res.status).toBe(201);
      expect(await body(res)).toMatchObject({
        pledge: { amount: 2_500_000, currency: 'EUR', inKind: null, umcDimension: 'affordability' },
      });
    });
  });

  describe('review', () => {
    it('hides a draft from other organisations and anonymous readers, shows it to its members and coordinators', async () => {
      const path = `/api/v1/offerings/${offering.id}`;
      expect((await app().request(path, send(undefined, 'GET'))).status).toBe(404);
      expect((await app().request(path, send(outsider, 'GET'))).status).toBe(404);
      expect((await app().request(path, send(member, 'GET'))).status).toBe(200);
      expect((await app().request(path, send(coordinator, 'GET'))).status).toBe(200);
    });

    it('goes draft → in review → published through the provider and a coordinator', async () => {
      expect((await transition(coordinator, offering.id, { transition: 'submit' })).status).toBe(403);
      const submitted = await transition(editor, offering.id, { transition: 'submit' });
      expect(await body(submitted)).toMatchObject({ status: 'in-review', version: 2 });
      expect((await transition(editor, offering.id, { transition: 'publish' })).status).toBe(403);
      const published = await body<Offering>(await transition(coordinator, offering.id, { transition: 'publish' }));
      expect(published).toMatchObject({ status: 'published', version: 3 });
      expect(published.publishedAt).not.toBeNull();
      expect((await app().request(`/api/v1/offerings/${offering.id}`, send(undefined, 'GET'))).status).toBe(200);
      offering = published;
    });

    it('lists what awaits review to coordinators, a provider’s drafts to its own members, and neither to others', async () => {
      const queued = await body<Offering>(await create(editor, { title: 'Awaiting review: spectrum pricing' }));
      await transition(editor, queued.id, { transition: 'submit' });
      expect(await listed(coordinator, 'in-review')).toContain(queued.id);
      expect(await listed(member, 'in-review')).toContain(queued.id);
      expect(await listed(outsider, 'in-review')).not.toContain(queued.id);
      expect(await listed(undefined, 'in-review')).toEqual([]);
      await transition(editor, queued.id, { transition: 'withdraw' });
      expect(await listed(member, 'draft')).toContain(queued.id);
      expect(await listed(outsider, 'draft')).not.toContain(queued.id);
    });

    it('answers a transition that does not apply with 409 naming those that do', async () => {
      const res = await transition(coordinator, offering.id, { transition: 'publish' });
      expect(res.status).toBe(409);
      expect((await body<Problem>(res)).detail).toBe('A published offering cannot be taken through "publish"; possible: archive');
    });

    it('returns an offering in review to its provider only with a reason', async () => {
      const draft = await body<Offering>(await create(editor));
      await transition(editor, draft.id, { transition: 'submit' });
      const withoutReason = await transition(coordinator, draft.id, { transition: 'return' });
      expect(withoutReason.status).toBe(400);
      expect((await body<Problem>(withoutReason)).fields).toEqual([{ field: 'body.reason', message: 'required to return' }]);
      const returned = await body<Offering>(
        await transition(coordinator, draft.id, { transition: 'return', reason: 'Add the dates of the spring cohort' }),
      );
      expect(returned).toMatchObject({ status: 'draft', statusReason: 'Add the dates of the spring cohort' });
    });
  });

  describe('editing', () => {
    it('keeps a published offering published when its provider edits it, and audits the edit', async () => {
      const res = await app().request(
        `/api/v1/offerings/${offering.id}`,
        send(editor, 'PATCH', { version: offering.version, title: 'Spectrum monitoring, 2027 edition' }),
      );
      expect(res.status).toBe(200);
      const edited = await body<Offering>(res);
      expect(edited).toMatchObject({ status: 'published', version: offering.version + 1, title: 'Spectrum monitoring, 2027 edition' });
      const audit = await t.db
        .selectFrom('audit_log')
        .select(['action', 'before', 'after'])
        .where('resource_type', '=', 'offering')
        .where('resource_id', '=', offering.id)
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['offering.create', 'offering.submit', 'offering.publish', 'offering.update']);
      expect(audit.at(-1)).toMatchObject({
        before: { title: 'Spectrum monitoring and enforcement' },
        after: { title: 'Spectrum monitoring, 2027 edition', status: 'published' },
      });
      offering = edited;
    });

    it('answers a stale edit with 409, the current version and what changed since, and changes nothing', async () => {
      const stale = offering.version - 1;
      const res = await app().request(
        `/api/v1/offerings/${offering.id}`,
        send(editor, 'PATCH', { version: stale, summary: 'Someone else’s summary, written meanwhile.' }),
      );
      expect(res.status).toBe(409);
      const problem = await body<Problem>(res);
      expect(problem.currentVersion).toBe(offering.version);
      expect(problem.changes).toEqual([{ field: 'title', current: 'Spectrum monitoring, 2027 edition' }]);
      const now = await body<Offering & { summary: string }>(await app().request(`/api/v1/offerings/${offering.id}`, send(editor, 'GET')));
      expect(now.version).toBe(offering.version);
      expect(now.summary).toBe('Plan, assign and monitor radio spectrum, and coordinate satellite networks.');
    });

    it('lets neither members nor coordinators nor other organisations edit', async () => {
      const patch = { version: offering.version, title: 'Taken over' };
      expect((await app().request(`/api/v1/offerings/${offering.id}`, send(member, 'PATCH', patch))).status).toBe(403);
      expect((await app().request(`/api/v1/offerings/${offering.id}`, send(coordinator, 'PATCH', patch))).status).toBe(403);
      expect((await app().request(`/api/v1/offerings/${offering.id}`, send(outsider, 'PATCH', patch))).status).toBe(403);
      expect((await app().request(`/api/v1/offerings/${offering.id}`, send(undefined, 'PATCH', patch))).status).toBe(401);
    });

    it('checks the merged record: an edit that puts the end before the start is refused', async () => {
      const res = await app().request(
        `/api/v1/offerings/${offering.id}`,
        send(editor, 'PATCH', { version: offering.version, endDate: '2027-01-01' }),
      );
      expect(res.status).toBe(400);
      expect((await body<Problem>(res)).fields?.[0]?.field).toBe('body.endDate');
    });

    it('asks to reopen an archived offering before editing it', async () => {
      const archived = await body<Offering>(await transition(editor, offering.id, { transition: 'archive', reason: 'The course ended' }));
      expect(archived.status).toBe('archived');
      const res = await app().request(
        `/api/v1/offerings/${offering.id}`,
        send(editor, 'PATCH', { version: archived.version, title: 'Again' }),
      );
      expect(res.status).toBe(409);
      const reopened = await body<Offering>(await transition(editor, offering.id, { transition: 'reopen', version: archived.version }));
      expect(reopened.status).toBe('draft');
    });

    it('answers 404 for an offering that does not exist and 400 for an id that is not one', async () => {
      expect((await app().request('/api/v1/offerings/6f1c0b7e-0000-4000-8000-000000000000', send(editor, 'GET'))).status).toBe(404);
      expect((await app().request('/api/v1/offerings/42', send(editor, 'GET'))).status).toBe(400);
    });
  });
});
