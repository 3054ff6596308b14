import { beforeAll, expect, it } from 'vitest';
import { body, testApp } from '../../../test/support/app.js';
import { createUser, randomAddress, signInAs, type SignedIn, type TestUser } from '../../../test/support/auth.js';
import { seedNeed, seedOffering, seedOrganisation } from '../../../test/support/capacity.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { workflowHistory } from './history.js';

interface Match {
  id: string;
  version: number;
  status: string;
  score: number | null;
  statusReason: string | null;
  peopleTrained: number | null;
  ratings: { requester: number | null; provider: number | null };
  events?: { kind: string; transition: string | null; side: string | null; text: string | null; rating: number | null }[];
  actions?: string[];
}
interface Problem {
  code: string;
  detail: string;
  fields?: { field: string; message: string }[];
}

const CYBER = {
  language: 'fr',
  languages: ['fr'],
  topics: ['cybersecurity'],
  audiences: ['public-servants'],
  levels: ['intermediate'],
  status: 'published',
  modality: 'self-paced-online',
  bandwidth: 'offline',
  rolling: true,
  startDate: null,
  endDate: null,
};

forEachEngine('match workflow API', (t) => {
  const app = () => testApp(t.db);
  const call = (method: string, path: string, who?: SignedIn, payload?: unknown) =>
    app().request(path, {
      method,
      headers: {
        'X-Forwarded-For': randomAddress(),
        ...who?.headers,
        ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
    });
  const ids = {} as Record<'requester' | 'provider' | 'need' | 'otherNeed' | 'offering' | 'english', string>;
  let requester: SignedIn;
  let provider: SignedIn;
  let reader: SignedIn;
  let outsider: SignedIn;
  let providerUser: TestUser;
  let requesterUser: TestUser;

  const mailsTo = async (email: string) =>
    t.db.selectFrom('mails').select(['subject', 'body_text', 'lang']).where('recipient', '=', email).orderBy('created_at').execute();
  const transition = async (who: SignedIn, match: Match, name: string, extra: Record<string, unknown> = {}) =>
    call('POST', `/api/v1/matches/${match.id}/transitions`, who, { transition: name, version: match.version, ...extra });

  const needStatus = async (id: string) => (await body<{ status: string }>(await call('GET', `/api/v1/needs/${id}`, requester))).status;
  const needAudit = async (id: string) =>
    (
      await t.db
        .selectFrom('audit_log')
        .select(['action', 'after'])
        .where('resource_type', '=', 'need')
        .where('resource_id', '=', id)
        .where('action', 'not like', '%create%')
        .orderBy('id')
        .execute()
    ).map((a) => ({ action: a.action, status: (a.after as { status?: string } | null)?.status }));
  const pageForm = (who: SignedIn, path: string, fields: Record<string, string>) =>
    app().request(path, {
      method: 'POST',
      headers: { 'X-Forwarded-For': randomAddress(), Cookie: who.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: who.csrf, ...fields }).toString(),
    });

  beforeAll(async () => {
    ids.requester = await seedOrganisation(t.db, 'Ministère de l’Économie numérique (workflow test)');
    ids.provider = await seedOrganisation(t.db, 'Réseau francophone de formation (workflow test)');
    requesterUser = await createUser(t.db, { memberships: [{ organisationId: ids.requester, role: 'editor' }] });
    providerUser = await createUser(t.db, { memberships: [{ organisationId: ids.provider, role: 'owner' }] });
    await t.db.updateTable('users').set({ preferred_lang: 'fr' }).where('id', '=', requesterUser.id).execute();
    requester = await signInAs(app(), requesterUser);
    provider = await signInAs(app(), providerUser);
    reader = await signInAs(app(), await createUser(t.db, { memberships: [{ organisationId: ids.requester, role: 'member' }] }));
    outsider = await signInAs(app(), await createUser(t.db));
    const need = {
      language: 'fr',
      languages: ['fr'],
      topics: ['cybersecurity'],
      audiences: ['public-servants'],
      level: 'intermediate',
      peopleCount: 25,
    };
    ids.need = await seedNeed(t.db, ids.requester, {
      ...need,
      title: 'Former les agents publics à la réponse aux incidents de cybersécurité',
      description: 'Le ministère veut une équipe capable de répondre aux incidents informatiques.',
    });
    ids.otherNeed = await seedNeed(t.db, ids.requester, {
      ...need,
      title: 'Sensibiliser les agents publics à la cybersécurité',
      description: 'Hygiène informatique et réponse aux incidents pour les agents des ministères.',
    });
    ids.offering = await seedOffering(t.db, ids.provider, {
      ...CYBER,
      title: 'Réponse aux incidents de cybersécurité, module hors ligne',
      summary: 'Mettre en place une équipe de réponse aux incidents, avec des supports utilisables hors ligne.',
    });
    ids.english = await seedOffering(t.db, ids.provider, {
      ...CYBER,
      language: 'en',
      languages: ['en'],
      title: 'Incident response for public servants',
      summary: 'Build a computer incident response team.',
    });
  });

  it('runs shortlist → request → accept → delivery → delivered → rated by both sides, telling the other side each time', async () => {
    const trackBefore = (await workflowHistory.trackRecords(t.db, [ids.provider])).get(ids.provider);
    let response = await call('POST', '/api/v1/matches', requester, { needId: ids.need, offeringId: ids.offering, start: 'shortlist' });
    expect(response.status).toBe(201);
    let match = await body<Match>(response);
    expect(match.status).toBe('shortlisted');
    expect(match.score).toBeGreaterThan(0.3);

    // A shortlist is the requester's own note: the provider neither sees it nor is told.
    expect((await call('GET', `/api/v1/matches/${match.id}`, provider)).status).toBe(404);
    expect((await body<{ data: Match[] }>(await call('GET', '/api/v1/matches', provider))).data.map((m) => m.id)).not.toContain(match.id);
    expect(await mailsTo(providerUser.email)).toHaveLength(0);

    response = await transition(requester, match, 'request');
    expect(response.status).toBe(200);
    match = await body<Match>(response);
    expect(match.status).toBe('requested');
    const requestMail = await mailsTo(providerUser.email);
    expect(requestMail).toHaveLength(1);
    expect(requestMail[0]!.subject).toContain('Réponse aux incidents de cybersécurité, module hors ligne');
    expect(requestMail[0]!.body_text).toMatch(/\/matches\/[0-9a-f-]{36}/);

    // Only the provider answers a request.
    expect((await transition(requester, match, 'accept')).status).toBe(403);
    const seen = await body<Match>(await call('GET', `/api/v1/matches/${match.id}`, provider));
    expect(seen.actions).toEqual(['accept', 'decline', 'close', 'comment']);

    expect(await needStatus(ids.need)).toBe('open');
    match = await body<Match>(await transition(provider, match, 'accept'));
    expect(match.status).toBe('accepted');
    // The need follows its match in the same step: accepted → matched, kept as a revision of the need
    // like any other change to it (its versions have no gap), changed by the provider who accepted.
    expect(await needStatus(ids.need)).toBe('matched');
    const revisions = await t.db
      .selectFrom('capacity_revisions')
      .select(['version', 'snapshot', 'changed_by'])
      .where('record_type', '=', 'need')
      .where('record_id', '=', ids.need)
      .orderBy('version')
      .execute();
    expect(revisions.map((r) => r.version)).toEqual(revisions.map((_, i) => i + 1));
    expect(revisions.at(-1)).toMatchObject({ snapshot: { status: 'matched' }, changed_by: providerUser.id });
    const accepted = await mailsTo(requesterUser.email);
    expect(accepted).toHaveLength(1);
    expect(accepted[0]!.lang).toBe('fr');
    expect(accepted[0]!.subject).toContain('a accepté votre demande');
    // An accepted match holds the seats of the people the need asked to train.
    expect((await workflowHistory.seatsTaken(t.db, [ids.offering])).get(ids.offering)).toBe(25);

    match = await body<Match>(await transition(provider, match, 'start-delivery'));
    expect(match.status).toBe('in-delivery');
    expect(await needStatus(ids.need)).toBe('in-delivery');
    response = await transition(provider, match, 'deliver');
    expect(response.status).toBe(400);
    expect((await body<Problem>(response)).fields?.map((f) => f.field)).toEqual(['body.peopleTrained']);
    match = await body<Match>(await transition(provider, match, 'deliver', { peopleTrained: 23 }));
    expect(match).toMatchObject({ status: 'delivered', peopleTrained: 23 });
    // The provider's word does not fulfil the requester's need: it stays in delivery.
    expect(await needStatus(ids.need)).toBe('in-delivery');

    response = await call('POST', `/api/v1/matches/${match.id}/ratings`, requester, {
      rating: 5,
      comment: 'Très concret, supports hors ligne utiles.',
    });
    expect(response.status).toBe(201);
    expect((await body<Match>(response)).ratings).toEqual({ requester: 5, provider: null });
    expect((await call('POST', `/api/v1/matches/${match.id}/ratings`, requester, { rating: 1 })).status).toBe(403);
    response = await call('POST', `/api/v1/matches/${match.id}/ratings`, provider, { rating: 4 });
    expect((await body<Match>(response)).ratings).toEqual({ requester: 5, provider: 4 });

    const full = await body<Match>(await call('GET', `/api/v1/matches/${match.id}`, reader));
    expect(full.events?.map((e) => e.transition ?? e.kind)).toEqual([
      'start',
      'request',
      'accept',
      'start-delivery',
      'deliver',
      'rating',
      'rating',
    ]);
    expect(full.actions).toEqual([]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('resource_type', '=', 'match')
      .where('resource_id', '=', match.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'match.shortlist',
      'match.request',
      'match.accept',
      'match.start-delivery',
      'match.deliver',
      'match.rate',
      'match.rate',
    ]);

    // The delivery and the requester's rating now count in the provider's track record, which the engine scores.
    expect(trackBefore).toBeUndefined();
    expect((await workflowHistory.trackRecords(t.db, [ids.provider])).get(ids.provider)).toEqual({
      completed: 1,
      ratings: 1,
      ratingSum: 5,
    });
    const ranked = await body<{ data: { offering: { id: string }; explanation: { component: string; points: number; text: string }[] }[] }>(
      await call('GET', `/api/v1/needs/${ids.otherNeed}/matches?lang=en`, requester),
    );
    const record = ranked.data.find((m) => m.offering.id === ids.offering)?.explanation.find((e) => e.component === 'track-record');
    expect(record?.text).toMatch(/1 completed match|rated/i);
    expect(record?.points).toBeGreaterThan(0);
  });

  it('lets a provider propose and the requester decline with a reason, never without one', async () => {
    let response = await call('POST', '/api/v1/matches', provider, { needId: ids.otherNeed, offeringId: ids.offering, start: 'propose' });
    expect(response.status).toBe(201);
    let match = await body<Match>(response);
    expect(match.status).toBe('proposed');
    const told = await mailsTo(requesterUser.email);
    expect(told.at(-1)!.subject).toContain('propose');

    // The requester cannot propose on the provider's behalf, nor the provider shortlist for the requester.
    expect(
      (await call('POST', '/api/v1/matches', requester, { needId: ids.otherNeed, offeringId: ids.offering, start: 'propose' })).status,
    ).toBe(403);
    // One match under way per pair.
    response = await call('POST', '/api/v1/matches', requester, { needId: ids.otherNeed, offeringId: ids.offering, start: 'shortlist' });
    expect(response.status).toBe(409);

    response = await transition(requester, match, 'decline-proposal');
    expect(response.status).toBe(400);
    expect((await body<Problem>(response)).fields?.[0]?.field).toBe('body.reason');
    response = await transition(requester, match, 'decline-proposal', { reason: 'Nous avons déjà un prestataire pour ce thème.' });
    match = await body<Match>(response);
    expect(match).toMatchObject({ status: 'declined', statusReason: 'Nous avons déjà un prestataire pour ce thème.' });
    // A declined match is finished: a stale or late transition is a conflict, and a new proposal may start.
    expect((await transition(provider, { ...match, version: 1 }, 'close', { reason: 'Plus d’actualité' })).status).toBe(409);
    expect(
      (await call('POST', '/api/v1/matches', provider, { needId: ids.otherNeed, offeringId: ids.offering, start: 'propose' })).status,
    ).toBe(201);
  });

  it('refuses a pair that breaks a hard constraint, naming it, and changes nothing', async () => {
    const before = await t.db
      .selectFrom('matches')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const response = await call('POST', '/api/v1/matches', requester, { needId: ids.need, offeringId: ids.english, start: 'shortlist' });
    expect(response.status).toBe(409);
    const problem = await body<Problem>(response);
    expect(problem.code).toBe('conflict');
    expect(problem.fields).toEqual([{ field: 'body.offeringId', message: 'language' }]);
    expect(problem.detail).toMatch(/English/);
    const after = await t.db
      .selectFrom('matches')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('answers who may see and do what: members read, outsiders get 404, anonymous 401, stale versions 409', async () => {
    const match = await body<Match>(
      await call('POST', '/api/v1/matches', requester, { needId: ids.need, offeringId: ids.offering, start: 'shortlist' }),
    );
    const asMember = await body<Match>(await call('GET', `/api/v1/matches/${match.id}`, reader));
    expect(asMember.actions).toEqual([]);
    expect((await transition(reader, match, 'request')).status).toBe(403);
    expect((await call('GET', `/api/v1/matches/${match.id}`, outsider)).status).toBe(404);
    expect((await call('GET', `/api/v1/matches/${match.id}`)).status).toBe(401);
    expect((await call('GET', '/api/v1/matches')).status).toBe(401);
    expect((await transition(requester, { ...match, version: 7 }, 'request')).status).toBe(409);
    const closed = await body<Match>(await transition(requester, match, 'close', { reason: 'Doublon' }));
    expect(closed.status).toBe('closed');
  });

  it('keeps comments in the history and tells the other side; refuses bad input with the field', async () => {
    const match = await body<Match>(
      await call('POST', '/api/v1/matches', provider, { needId: ids.need, offeringId: ids.offering, start: 'propose' }),
    );
    const count = (await mailsTo(requesterUser.email)).length;
    const response = await call('POST', `/api/v1/matches/${match.id}/comments`, provider, { text: 'Nous pouvons commencer en mars.' });
    expect(response.status).toBe(201);
    expect((await body<Match>(response)).events?.at(-1)).toMatchObject({
      kind: 'comment',
      side: 'provider',
      text: 'Nous pouvons commencer en mars.',
    });
    expect(await mailsTo(requesterUser.email)).toHaveLength(count + 1);
    expect((await call('POST', `/api/v1/matches/${match.id}/comments`, outsider, { text: 'Bonjour' })).status).toBe(404);

    const bad = [
      { path: `/api/v1/matches/${match.id}/comments`, payload: { text: 'a\u0000b' }, field: 'body.text' },
      { path: `/api/v1/matches/${match.id}/comments`, payload: { text: '   ' }, field: 'body.text' },
      { path: `/api/v1/matches/${match.id}/ratings`, payload: { rating: 6 }, field: 'body.rating' },
      { path: `/api/v1/matches/${match.id}/transitions`, payload: { transition: 'publish', version: 1 }, field: 'body.transition' },
      { path: '/api/v1/matches', payload: { needId: ids.need, offeringId: 'nope', start: 'shortlist' }, field: 'body.offeringId' },
    ];
    for (const { path, payload, field } of bad) {
      const refused = await call('POST', path, provider, payload);
      expect(refused.status, path).toBe(400);
      expect((await body<Problem>(refused)).fields?.map((f) => f.field)).toContain(field);
    }
    // Rating before delivery is refused by the policy.
    expect((await call('POST', `/api/v1/matches/${match.id}/ratings`, requester, { rating: 3 })).status).toBe(403);
  });

  it('moves the need with its matches in one step, audited: a match falling through reopens it, the requester fulfils it', async () => {
    const needId = await seedNeed(t.db, ids.requester, {
      language: 'fr',
      languages: ['fr'],
      topics: ['cybersecurity'],
      title: 'Former les équipes de réponse aux incidents des régions',
      description: 'Des équipes régionales capables de traiter les incidents informatiques.',
    });
    let match = await body<Match>(await call('POST', '/api/v1/matches', provider, { needId, offeringId: ids.offering, start: 'propose' }));
    match = await body<Match>(await transition(requester, match, 'accept-proposal'));
    expect(await needStatus(needId)).toBe('matched');
    // The accepted match falls through: the need is open again, with the reason given.
    match = await body<Match>(await transition(provider, match, 'close', { reason: 'Formateur indisponible cette année' }));
    expect(await needStatus(needId)).toBe('open');

    match = await body<Match>(await call('POST', '/api/v1/matches', requester, { needId, offeringId: ids.offering, start: 'shortlist' }));
    match = await body<Match>(await transition(requester, match, 'request'));
    match = await body<Match>(await transition(provider, match, 'accept'));
    match = await body<Match>(await transition(requester, match, 'start-delivery'));
    // Only the requester says its need is met, and only when delivering; a refusal changes nothing.
    let response = await transition(provider, match, 'deliver', { peopleTrained: 12, needMet: true });
    expect(response.status).toBe(400);
    expect((await body<Problem>(response)).fields?.map((f) => f.field)).toEqual(['body.needMet']);
    expect((await body<Match>(await call('GET', `/api/v1/matches/${match.id}`, requester))).status).toBe('in-delivery');
    match = await body<Match>(await transition(requester, match, 'deliver', { peopleTrained: 12, needMet: true }));
    expect(match.status).toBe('delivered');
    expect(await needStatus(needId)).toBe('fulfilled');
    expect(await needAudit(needId)).toEqual([
      { action: 'need.match', status: 'matched' },
      { action: 'need.unmatch', status: 'open' },
      { action: 'need.match', status: 'matched' },
      { action: 'need.start-delivery', status: 'in-delivery' },
      { action: 'need.fulfil', status: 'fulfilled' },
    ]);
    // A fulfilled need takes no new match.
    response = await call('POST', '/api/v1/matches', requester, { needId, offeringId: ids.offering, start: 'shortlist' });
    expect(response.status).toBe(409);
  });

  it('shows a refused shortlist on the need’s matches page with a 4xx, and links each problem to its field', async () => {
    const needId = await seedNeed(t.db, ids.requester, {
      language: 'fr',
      languages: ['fr'],
      topics: ['cybersecurity'],
      title: 'Renforcer la cybersécurité des collectivités',
      description: 'Réponse aux incidents pour les agents des collectivités locales.',
    });
    const shortlist = { needId, offeringId: ids.offering, start: 'shortlist' };
    const first = await pageForm(requester, '/matches', shortlist);
    expect(first.status).toBe(303);
    // Shortlisting twice: the ranked page again, with the problem on it, not the error page.
    const twice = await pageForm(requester, '/matches', shortlist);
    expect(twice.status).toBe(409);
    const html = await twice.text();
    expect(html.match(/<div class="error-summary".*?<\/div>/)?.[0]).toContain('already under way');
    expect(html).toMatch(/<h1>[^<]*Renforcer la cybersécurité des collectivités/);
    // A pair outside a hard constraint: named as such.
    const excluded = await pageForm(requester, '/matches', { ...shortlist, offeringId: ids.english });
    expect(excluded.status).toBe(409);
    expect((await excluded.text()).match(/<div class="error-summary".*?<\/div>/)?.[0]).toContain('breaks a hard constraint');

    // A decline without a reason: the summary links to that form's reason field.
    const location = first.headers.get('location')!;
    const matchId = location.split('/')[2]!.split('?')[0]!;
    let match = await body<Match>(await call('GET', `/api/v1/matches/${matchId}`, requester));
    match = await body<Match>(await transition(requester, match, 'request'));
    const declined = await pageForm(provider, `/matches/${matchId}/transitions`, { transition: 'decline', version: String(match.version) });
    expect(declined.status).toBe(400);
    const page = await declined.text();
    expect(page.match(/<div class="error-summary".*?<\/div>/)?.[0]).toContain('href="#decline-reason"');
    expect(page).toMatch(/<textarea[^>]* id="decline-reason"/);
  });

  it('exports a person’s comments and ratings, and deleting the account removes their words but keeps the ratings', async () => {
    const person = await createUser(t.db, { memberships: [{ organisationId: ids.requester, role: 'editor' }] });
    const session = await signInAs(app(), person);
    const needId = await seedNeed(t.db, ids.requester, {
      language: 'fr',
      languages: ['fr'],
      topics: ['cybersecurity'],
      title: 'Former les agents des douanes à la cybersécurité',
      description: 'Réponse aux incidents pour les agents des douanes.',
    });
    let match = await body<Match>(await call('POST', '/api/v1/matches', session, { needId, offeringId: ids.offering, start: 'shortlist' }));
    match = await body<Match>(await transition(session, match, 'request'));
    match = await body<Match>(await transition(provider, match, 'accept'));
    match = await body<Match>(await transition(provider, match, 'start-delivery'));
    match = await body<Match>(await transition(provider, match, 'deliver', { peopleTrained: 9 }));
    expect((await call('POST', `/api/v1/matches/${match.id}/comments`, session, { text: 'Merci à Awa pour les supports.' })).status).toBe(
      201,
    );
    expect(
      (await call('POST', `/api/v1/matches/${match.id}/ratings`, session, { rating: 4, comment: 'Très utile, un peu long.' })).status,
    ).toBe(201);

    const exported = await body<{
      matches: { started: { matchId: string }[]; entries: { kind: string; text: string | null; rating: number | null }[] };
    }>(await app().request('/api/v1/me/export', { headers: session.headers }));
    expect(exported.matches.started.map((m) => m.matchId)).toEqual([match.id]);
    expect(exported.matches.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'comment', text: 'Merci à Awa pour les supports.', rating: null }),
        expect.objectContaining({ kind: 'rating', text: 'Très utile, un peu long.', rating: 4 }),
        expect.objectContaining({ kind: 'transition', text: null }),
      ]),
    );

    const deleted = await app().request('/api/v1/me', {
      method: 'DELETE',
      headers: { ...session.headers, 'X-Forwarded-For': randomAddress(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ password: person.password }),
    });
    expect(deleted.status).toBe(204);
    const after = await body<Match>(await call('GET', `/api/v1/matches/${match.id}`, requester));
    // Their words are gone and no entry names them; the rating still counts for the provider.
    expect(after.ratings.requester).toBe(4);
    expect(after.events?.filter((e) => e.kind === 'comment' || e.kind === 'rating').map((e) => [e.kind, e.text, e.rating])).toEqual([
      ['comment', null, null],
      ['rating', null, 4],
    ]);
    expect(JSON.stringify(after)).not.toMatch(/Awa|un peu long/);
    const row = await t.db
      .selectFrom('matches')
      .select(['requester_rating_comment', 'created_by'])
      .where('id', '=', match.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ requester_rating_comment: null, created_by: null });
    expect(await t.db.selectFrom('match_events').select('id').where('author_id', '=', person.id).execute()).toEqual([]);
  });
});
