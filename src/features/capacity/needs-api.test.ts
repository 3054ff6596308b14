import { beforeAll, expect, it } from 'vitest';
import { body, testApp } from '../../../test/support/app.js';
import { createUser, randomAddress, signInAs, type SignedIn } from '../../../test/support/auth.js';
import { needBody, seedOrganisation } from '../../../test/support/capacity.js';
import { forEachEngine } from '../../../test/support/engines.js';

type Need = {
  id: string;
  version: number;
  status: string;
  unmetReason: string | null;
  statusReason: string | null;
  visibility: string;
  country: string;
};
type Page = { data: { id: string }[]; total: { value: number } };
type Problem = { code: string; fields?: { field: string }[]; changes?: { field: string; current: unknown }[] };

const send = (who: SignedIn | undefined, method: string, payload?: unknown) => ({
  method,
  headers: {
    ...who?.headers,
    'X-Forwarded-For': randomAddress(),
    ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
  },
  ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
});

forEachEngine('needs API', (t) => {
  const app = () => testApp(t.db);
  let ministryId: string;
  let editor: SignedIn;
  let outsider: SignedIn;
  let coordinator: SignedIn;
  let publicNeed: Need;
  let membersNeed: Need;

  beforeAll(async () => {
    ministryId = await seedOrganisation(t.db, 'Ministère de l’Économie numérique, Niger');
    editor = await signInAs(app(), await createUser(t.db, { memberships: [{ organisationId: ministryId, role: 'editor' }] }));
    outsider = await signInAs(app(), await createUser(t.db));
    coordinator = await signInAs(app(), await createUser(t.db, { platformRole: 'coordinator' }));
  });

  const create = (who: SignedIn | undefined, overrides: Record<string, unknown> = {}) =>
    app().request('/api/v1/needs', send(who, 'POST', { requesterOrganisationId: ministryId, ...needBody(overrides) }));
  const transition = (who: SignedIn | undefined, id: string, payload: Record<string, unknown>) =>
    app().request(`/api/v1/needs/${id}/transitions`, send(who, 'POST', payload));

  it('lets the ministry post a need in the providers’ vocabulary, open from the start', async () => {
    const res = await create(editor, {
      peopleCount: 25,
      level: 'intermediate',
      preferredModality: 'in-person',
      startDate: '2027-02-01',
      endDate: '2027-09-30',
      budget: { amount: 40_000, currency: 'XOF' },
      urgency: 'high',
      evidenceUrl: '/countries/NER',
      evidenceNote: 'Internet use 17 % of the population (2023)',
    });
    expect(res.status).toBe(201);
    publicNeed = await body<Need>(res);
    expect(publicNeed).toMatchObject({
      status: 'open',
      version: 1,
      visibility: 'public',
      country: 'NER',
      budget: { amount: 40_000, currency: 'XOF' },
    });
    expect((await create(outsider)).status).toBe(403);
    expect((await create(undefined)).status).toBe(401);
  });

  it('refuses an unknown country, a timeframe that ends before it starts and evidence that is not a link', async () => {
    for (const [overrides, field] of [
      [{ country: 'ZZZ' }, 'body.country'],
      [{ startDate: '2027-05-01', endDate: '2027-04-01' }, 'body.endDate'],
      [{ evidenceUrl: 'javascript:alert(1)' }, 'body.evidenceUrl'],
      [{ evidenceUrl: '//evil.example/x' }, 'body.evidenceUrl'],
      [{ peopleCount: 0 }, 'body.peopleCount'],
      [{ urgency: 'yesterday' }, 'body.urgency'],
      [{ budget: { amount: 100, currency: 'usd', extra: 1 } }, 'body.budget'],
    ] as const) {
      const res = await create(editor, overrides);
      expect(res.status, JSON.stringify(overrides)).toBe(400);
      expect(
        (await body<Problem>(res)).fields?.map((f) => f.field),
        JSON.stringify(overrides),
      ).toContain(field);
    }
  });

  it('shows a members-only need to signed-in people only, in lists and by id', async () => {
    membersNeed = await body<Need>(await create(editor, { visibility: 'members', title: 'Confidential needs assessment for the CIRT' }));
    expect((await app().request(`/api/v1/needs/${membersNeed.id}`, send(undefined, 'GET'))).status).toBe(404);
    expect((await app().request(`/api/v1/needs/${membersNeed.id}`, send(outsider, 'GET'))).status).toBe(200);
    const anonymous = await body<Page>(await app().request(`/api/v1/needs?requester=${ministryId}`, send(undefined, 'GET')));
    const signedIn = await body<Page>(await app().request(`/api/v1/needs?requester=${ministryId}`, send(outsider, 'GET')));
    expect(anonymous.data.map((n) => n.id)).not.toContain(membersNeed.id);
    expect(signedIn.data.map((n) => n.id)).toContain(membersNeed.id);
    expect(signedIn.total.value).toBe(anonymous.total.value + 1);
  });

  it('goes open → matched → in delivery → fulfilled, each step audited', async () => {
    for (const [step, status] of [
      ['match', 'matched'],
      ['start-delivery', 'in-delivery'],
      ['fulfil', 'fulfilled'],
    ] as const) {
      const res = await transition(editor, publicNeed.id, { transition: step });
      expect(res.status, step).toBe(200);
      expect((await body<Need>(res)).status).toBe(status);
    }
    const actions = await t.db.selectFrom('audit_log').select('action').where('resource_id', '=', publicNeed.id).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['need.create', 'need.match', 'need.start-delivery', 'need.fulfil']);
    const finished = await app().request(`/api/v1/needs/${publicNeed.id}`, send(editor, 'PATCH', { version: 4, title: 'Too late' }));
    expect(finished.status).toBe(403);
  });

  it('closes a need unmet only with a reason code and words, which a coordinator may do, and reopens it', async () => {
    const need = await body<Need>(await create(editor));
    const bare = await transition(coordinator, need.id, { transition: 'close-unmet' });
    expect(bare.status).toBe(400);
    expect((await body<Problem>(bare)).fields?.map((f) => f.field)).toEqual(['body.reason', 'body.unmetReason']);
    const closed = await body<Need>(
      await transition(coordinator, need.id, {
        transition: 'close-unmet',
        unmetReason: 'language',
        reason: 'No provider teaches spectrum monitoring in French',
      }),
    );
    expect(closed).toMatchObject({
      status: 'closed-unmet',
      unmetReason: 'language',
      statusReason: 'No provider teaches spectrum monitoring in French',
    });
    expect((await transition(coordinator, need.id, { transition: 'reopen' })).status).toBe(403);
    const reopened = await body<Need>(await transition(editor, need.id, { transition: 'reopen' }));
    expect(reopened).toMatchObject({ status: 'open', unmetReason: null });
  });

  it('answers a stale edit with 409 and the fields changed since', async () => {
    const need = await body<Need>(await create(editor));
    await app().request(`/api/v1/needs/${need.id}`, send(editor, 'PATCH', { version: 1, peopleCount: 60 }));
    const res = await app().request(`/api/v1/needs/${need.id}`, send(editor, 'PATCH', { version: 1, urgency: 'critical' }));
    expect(res.status).toBe(409);
    expect((await body<Problem>(res)).changes).toEqual([{ field: 'peopleCount', current: 60 }]);
  });

  it('filters needs by a group of countries: Niger’s needs are among the LDCs’ and Western Africa’s, not Asia’s', async () => {
    const ids = async (query: string) =>
      (await body<Page>(await app().request(`/api/v1/needs?${query}&limit=100`, send(editor, 'GET')))).data.map((n) => n.id);
    expect(await ids('country=LDC')).toContain(publicNeed.id);
    expect(await ids('country=011')).toContain(publicNeed.id);
    expect(await ids('country=142')).not.toContain(publicNeed.id);
    const unknown = await app().request('/api/v1/needs?country=XYZ', send(editor, 'GET'));
    expect(unknown.status).toBe(400);
  });
});
