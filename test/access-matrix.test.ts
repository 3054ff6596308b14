/**
 * The access-control matrix: every operation of the generated OpenAPI document
 * × every role, asserting the status the expectations table below states. A
 * route added to the API without a row here fails the suite, so nobody ships
 * an endpoint whose access rules were never written down.
 *
 * Roles, relative to a fresh organisation O made for each cell:
 *   anonymous · other (member of another organisation only) · member, editor,
 *   owner of O · coordinator · admin (platform roles, no membership of O).
 * Each cell gets its own organisation, target member, open invitation and API
 * token, so cells never depend on one another; routes that end the caller's
 * session or account (`fresh`) get a freshly signed-in person of the role.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../src/openapi-document.js';
import { testApp } from './support/app.js';
import { createUser, randomAddress, signInAs, TEST_PASSWORD, type SignedIn, type TestUser } from './support/auth.js';
import { forEachEngine } from './support/engines.js';
import { ensureProfile } from './support/people.js';
import { seedProjectFixture, type ProjectFixture } from './support/projects.js';
import { organisation, personOf as personOfRole, ROLES, type Role } from './support/roles.js';
import { offeringBody, needBody, seedNeed, seedOffering } from './support/capacity.js';

type Statuses = Record<Role, number>;

/** One cell's world: organisation O with its people, and things in it to act on. */
interface Cell {
  readonly orgId: string;
  readonly otherOrgId: string;
  /** The acting person (undefined for anonymous). */
  readonly actor: TestUser | undefined;
  /** A plain member of O, to change or remove. */
  readonly targetId: string;
  /** Someone in no organisation, to add. */
  readonly outsiderId: string;
  readonly invitationId: string;
  /** Raw token of an open invitation to O addressed to the actor. */
  readonly invitationToken: string;
  /** An API token of the actor's (or of the target's, for anonymous). */
  readonly apiTokenId: string;
  readonly indicatorCode: string;
  /** Credentials anyone may sign in with. */
  readonly signInUser: TestUser;
  /** Someone whose profile everyone may see (in no organisation of the cell). */
  readonly publicPersonId: string;
  /** A public project of O with a role, an update and a team member (only for routes under /projects/{id}). */
  readonly project: ProjectFixture;
  /** A draft offering and a members-only open need of O (made only for the capacity routes). */
  readonly offeringId: string;
  readonly needId: string;
  /** A harvested catalogue of O, at an address the harvester refuses (loopback): a run reports that and changes nothing. */
  readonly sourceId: string;
  /** A saved search of the actor (of the target person for anonymous); only for the saved-search routes. */
  readonly savedSearchId: string;
  /** A published offering of the other organisation that fits O's need, and a requested match of the two (capacity routes only). */
  readonly fittingOfferingId: string;
  readonly matchId: string;
  /** A webhook of O (only for routes under /webhooks/{webhookId}). */
  readonly webhookId: string;
}

interface Expectation {
  readonly request: (cell: Cell) => { path: string; body?: unknown };
  readonly expect: Statuses;
  /** The call ends the caller's session or account: use a fresh person of the role. */
  readonly fresh?: boolean;
  /** The call acts on O's offering or need: make them for the cell. */
  readonly capacity?: boolean;
}

const all = (status: number): Statuses => ({
  anonymous: status,
  other: status,
  member: status,
  editor: status,
  owner: status,
  coordinator: status,
  admin: status,
});
const signedIn = (status: number): Statuses => ({ ...all(status), anonymous: 401 });
/** 401 for anonymous, `ok` for the listed roles, 403 for the rest. */
const only = (ok: number, roles: Role[]): Statuses => ({ ...signedIn(403), ...Object.fromEntries(roles.map((r) => [r, ok])) });
const get = (path: string | ((cell: Cell) => string), expectation: Statuses): Expectation => ({
  request: (cell) => ({ path: typeof path === 'string' ? path : path(cell) }),
  expect: expectation,
});

/** The expectations table: `METHOD /path` as in the OpenAPI document → request and status per role. */
const EXPECTATIONS: Record<string, Expectation> = {
  // Public reads.
  'GET /healthz': get('/healthz', all(200)),
  'GET /readyz': get('/readyz', all(200)),
  'GET /api/v1/countries': get('/api/v1/countries', all(200)),
  'GET /api/v1/countries/{code}': get('/api/v1/countries/KEN', all(200)),
  'GET /api/v1/countries/{iso3}/profile': get('/api/v1/countries/KEN/profile', all(200)),
  'GET /api/v1/groups/{code}/profile': get('/api/v1/groups/LDC/profile', all(200)),
  'GET /api/v1/groups': get('/api/v1/groups', all(200)),
  'GET /api/v1/groups/{code}': get('/api/v1/groups/LDC', all(200)),
  'GET /api/v1/taxonomies': get('/api/v1/taxonomies', all(200)),
  'GET /api/v1/taxonomies/{name}': get('/api/v1/taxonomies/digcomp', all(200)),
  'GET /api/v1/indicators': get('/api/v1/indicators', all(200)),
  'GET /api/v1/indicators/{code}': get((c) => `/api/v1/indicators/${c.indicatorCode}`, all(200)),
  'GET /api/v1/indicators/{code}/observations': get((c) => `/api/v1/indicators/${c.indicatorCode}/observations?country=KEN`, all(200)),
  'GET /api/v1/indicators/{code}/aggregates': get((c) => `/api/v1/indicators/${c.indicatorCode}/aggregates`, all(200)),

  // Accounts (part A of issue 3).
  'POST /api/v1/auth/sign-in': {
    request: (c) => ({ path: '/api/v1/auth/sign-in', body: { email: c.signInUser.email, password: TEST_PASSWORD } }),
    expect: all(200),
  },
  'POST /api/v1/auth/sign-out': { request: () => ({ path: '/api/v1/auth/sign-out' }), expect: all(204), fresh: true },
  'GET /api/v1/me': get('/api/v1/me', signedIn(200)),
  'GET /api/v1/tokens': get('/api/v1/tokens', signedIn(200)),
  // Tokens only for an organisation one belongs to.
  'POST /api/v1/tokens': {
    request: (c) => ({ path: '/api/v1/tokens', body: { organisationId: c.orgId, scope: 'read', name: 'matrix' } }),
    expect: only(201, ['member', 'editor', 'owner']),
  },
  // One's own token.
  'DELETE /api/v1/tokens/{id}': { request: (c) => ({ path: `/api/v1/tokens/${c.apiTokenId}` }), expect: signedIn(204) },

  // Organisations: public to read, changed by owners (and admins), verified by coordinators.
  'GET /api/v1/organisations': get('/api/v1/organisations', all(200)),
  'POST /api/v1/organisations': {
    request: () => ({ path: '/api/v1/organisations', body: { name: `Matrix ${randomBytes(6).toString('hex')}`, kind: 'civil-society' } }),
    expect: signedIn(201),
  },
  'GET /api/v1/organisations/{id}': get((c) => `/api/v1/organisations/${c.orgId}`, all(200)),
  'PATCH /api/v1/organisations/{id}': {
    request: (c) => ({ path: `/api/v1/organisations/${c.orgId}`, body: { description: 'Changed by the matrix' } }),
    expect: only(200, ['owner', 'admin']),
  },
  'POST /api/v1/organisations/{id}/verify': {
    request: (c) => ({
      path: `/api/v1/organisations/${c.orgId}/verify`,
      body: { verification: 'verified', emailDomains: ['matrix.example.org'] },
    }),
    expect: only(200, ['coordinator', 'admin']),
  },
  'GET /api/v1/organisations/{id}/members': get(
    (c) => `/api/v1/organisations/${c.orgId}/members`,
    only(200, ['member', 'editor', 'owner', 'coordinator', 'admin']),
  ),
  // Owners invite; only admins add an account directly.
  'POST /api/v1/organisations/{id}/members': {
    request: (c) => ({ path: `/api/v1/organisations/${c.orgId}/members`, body: { userId: c.outsiderId, role: 'member' } }),
    expect: only(201, ['admin']),
  },
  'PATCH /api/v1/organisations/{id}/members/{userId}': {
    request: (c) => ({ path: `/api/v1/organisations/${c.orgId}/members/${c.targetId}`, body: { role: 'editor' } }),
    expect: only(200, ['owner', 'admin']),
  },
  'DELETE /api/v1/organisations/{id}/members/{userId}': {
    request: (c) => ({ path: `/api/v1/organisations/${c.orgId}/members/${c.targetId}` }),
    expect: only(204, ['owner', 'admin']),
  },
  'GET /api/v1/organisations/{id}/invitations': get((c) => `/api/v1/organisations/${c.orgId}/invitations`, only(200, ['owner', 'admin'])),
  'POST /api/v1/organisations/{id}/invitations': {
    request: (c) => ({
      path: `/api/v1/organisations/${c.orgId}/invitations`,
      body: { email: `invitee-${randomBytes(4).toString('hex')}@example.org`, role: 'member' },
    }),
    expect: only(201, ['owner', 'admin']),
  },
  'DELETE /api/v1/organisations/{id}/invitations/{invitationId}': {
    request: (c) => ({ path: `/api/v1/organisations/${c.orgId}/invitations/${c.invitationId}` }),
    expect: only(204, ['owner', 'admin']),
  },
  // The invitation is addressed to the actor; those already in O get a conflict.
  'POST /api/v1/invitations/accept': {
    request: (c) => ({ path: '/api/v1/invitations/accept', body: { token: c.invitationToken } }),
    expect: { anonymous: 401, other: 200, member: 409, editor: 409, owner: 409, coordinator: 200, admin: 200 },
  },
  'GET /api/v1/me/organisations': get('/api/v1/me/organisations', signedIn(200)),

  // Matching: whoever may read the need or offering may read its matches (404 otherwise, as for the record).
  'GET /api/v1/needs/{id}/matches': { ...get((c) => `/api/v1/needs/${c.needId}/matches`, { ...all(200), anonymous: 404 }), capacity: true },
  'GET /api/v1/needs/{id}/people': { ...get((c) => `/api/v1/needs/${c.needId}/people`, { ...all(200), anonymous: 404 }), capacity: true },
  'GET /api/v1/offerings/{id}/matches': {
    ...get((c) => `/api/v1/offerings/${c.offeringId}/matches`, { ...all(200), anonymous: 404, other: 404 }),
    capacity: true,
  },

  // Audit log: admins only.
  'GET /api/v1/audit': get('/api/v1/audit', only(200, ['admin'])),

  // Personal data: one's own; the only owner of an organisation must hand it over before leaving.
  'GET /api/v1/me/export': get('/api/v1/me/export', signedIn(200)),
  // …and proves it is them with their password in the body (every person here has TEST_PASSWORD).
  'DELETE /api/v1/me': {
    request: () => ({ path: '/api/v1/me', body: { password: TEST_PASSWORD } }),
    expect: { ...signedIn(204), owner: 409 },
    fresh: true,
  },

  // Collaborate: people. A profile is its person's, in person; the finder shows what each person chose to show.
  'GET /api/v1/people': get('/api/v1/people', all(200)),
  'GET /api/v1/people/{id}': get((c) => `/api/v1/people/${c.publicPersonId}`, all(200)),
  'GET /api/v1/me/profile': get('/api/v1/me/profile', signedIn(200)),
  'PUT /api/v1/me/profile': {
    request: () => ({ path: '/api/v1/me/profile', body: { version: 1, name: 'Matrix Person', visibility: { basics: 'public' } } }),
    expect: signedIn(200),
    fresh: true,
  },
  'DELETE /api/v1/me/profile': { request: () => ({ path: '/api/v1/me/profile' }), expect: signedIn(204), fresh: true },

  // Collaborate: projects, owned by their lead organisation O; candidates for its editors and coordinators.
  'GET /api/v1/projects': get('/api/v1/projects', all(200)),
  'POST /api/v1/projects': {
    request: (c) => ({ path: '/api/v1/projects', body: { leadOrganisationId: c.orgId, language: 'en', title: 'Matrix project' } }),
    expect: only(201, ['editor', 'owner', 'admin']),
  },
  'GET /api/v1/projects/{id}': get((c) => `/api/v1/projects/${c.project.projectId}`, all(200)),
  'PATCH /api/v1/projects/{id}': {
    request: (c) => ({ path: `/api/v1/projects/${c.project.projectId}`, body: { version: 1, status: 'closed' } }),
    expect: only(200, ['editor', 'owner', 'admin']),
  },
  'GET /api/v1/projects/{id}/roles': get((c) => `/api/v1/projects/${c.project.projectId}/roles`, all(200)),
  'POST /api/v1/projects/{id}/roles': {
    request: (c) => ({ path: `/api/v1/projects/${c.project.projectId}/roles`, body: { title: 'Matrix analyst', timeShare: 20 } }),
    expect: only(201, ['editor', 'owner', 'admin']),
  },
  'PUT /api/v1/projects/{id}/roles/{roleId}': {
    request: (c) => ({
      path: `/api/v1/projects/${c.project.projectId}/roles/${c.project.roleId}`,
      body: { title: 'Matrix lead', timeShare: 40 },
    }),
    expect: only(200, ['editor', 'owner', 'admin']),
  },
  'GET /api/v1/projects/{id}/roles/{roleId}/candidates': get(
    (c) => `/api/v1/projects/${c.project.projectId}/roles/${c.project.roleId}/candidates`,
    only(200, ['editor', 'owner', 'coordinator', 'admin']),
  ),
  'POST /api/v1/projects/{id}/team': {
    request: (c) => ({
      path: `/api/v1/projects/${c.project.projectId}/team`,
      body: { userId: c.publicPersonId, roleTitle: 'Matrix adviser' },
    }),
    expect: only(201, ['editor', 'owner', 'admin']),
  },
  'DELETE /api/v1/projects/{id}/team/{userId}': {
    request: (c) => ({ path: `/api/v1/projects/${c.project.projectId}/team/${c.project.teamMemberId}` }),
    expect: only(204, ['editor', 'owner', 'admin']),
  },
  'GET /api/v1/projects/{id}/updates': get((c) => `/api/v1/projects/${c.project.projectId}/updates`, all(200)),
  'POST /api/v1/projects/{id}/updates': {
    request: (c) => ({
      path: `/api/v1/projects/${c.project.projectId}/updates`,
      body: { date: '2027-02-01', language: 'en', body: 'Matrix news' },
    }),
    expect: only(201, ['editor', 'owner', 'admin']),
  },
  'POST /api/v1/projects/{id}/updates/{updateId}/comments': {
    request: (c) => ({
      path: `/api/v1/projects/${c.project.projectId}/updates/${c.project.updateId}/comments`,
      body: { body: 'Matrix comment' },
    }),
    expect: signedIn(201),
  },

  // Capacity: the catalogues are public; editors and owners of O write its offerings and needs; drafts are O's and the
  // coordinators' (404 for everyone else); members-only needs are for signed-in people; coordinators review offerings
  // (publish, return, archive) and may match or close needs, but never submit or edit for a provider.
  'GET /api/v1/offerings': get('/api/v1/offerings', all(200)),
  'POST /api/v1/offerings': {
    request: (c) => ({ path: '/api/v1/offerings', body: { providerOrganisationId: c.orgId, ...offeringBody() } }),
    expect: only(201, ['editor', 'owner', 'admin']),
  },
  'GET /api/v1/offerings/{id}': {
    ...get((c) => `/api/v1/offerings/${c.offeringId}`, { ...all(200), anonymous: 404, other: 404 }),
    capacity: true,
  },
  'PATCH /api/v1/offerings/{id}': {
    request: (c) => ({ path: `/api/v1/offerings/${c.offeringId}`, body: { version: 1, title: 'Changed by the matrix' } }),
    expect: { ...only(200, ['editor', 'owner', 'admin']), other: 404 },
    capacity: true,
  },
  'POST /api/v1/offerings/{id}/transitions': {
    request: (c) => ({ path: `/api/v1/offerings/${c.offeringId}/transitions`, body: { transition: 'submit' } }),
    expect: { ...only(200, ['editor', 'owner', 'admin']), other: 404 },
    capacity: true,
  },
  'GET /api/v1/needs': get('/api/v1/needs', all(200)),
  'POST /api/v1/needs': {
    request: (c) => ({ path: '/api/v1/needs', body: { requesterOrganisationId: c.orgId, ...needBody() } }),
    expect: only(201, ['editor', 'owner', 'admin']),
  },
  'GET /api/v1/needs/{id}': { ...get((c) => `/api/v1/needs/${c.needId}`, { ...all(200), anonymous: 404 }), capacity: true },
  'PATCH /api/v1/needs/{id}': {
    request: (c) => ({ path: `/api/v1/needs/${c.needId}`, body: { version: 1, urgency: 'high' } }),
    expect: only(200, ['editor', 'owner', 'admin']),
    capacity: true,
  },
  'POST /api/v1/needs/{id}/transitions': {
    request: (c) => ({ path: `/api/v1/needs/${c.needId}/transitions`, body: { transition: 'match' } }),
    expect: only(200, ['editor', 'owner', 'coordinator', 'admin']),
    capacity: true,
  },
  // Harvested catalogues are the provider's own settings: its editors and owners, and admins.
  'POST /api/v1/offering-sources': {
    request: (c) => ({
      path: '/api/v1/offering-sources',
      body: {
        providerOrganisationId: c.orgId,
        url: 'https://catalogue.example.org/courses.json',
        defaultTopics: ['cybersecurity'],
        defaultAudiences: ['public-servants'],
      },
    }),
    expect: only(201, ['editor', 'owner', 'admin']),
  },
  'GET /api/v1/offering-sources': get((c) => `/api/v1/offering-sources?organisation=${c.orgId}`, only(200, ['editor', 'owner', 'admin'])),
  'POST /api/v1/offering-sources/{id}/harvest': {
    request: (c) => ({ path: `/api/v1/offering-sources/${c.sourceId}/harvest` }),
    expect: only(200, ['editor', 'owner', 'admin']),
    capacity: true,
  },
  'GET /api/v1/offering-sources/{id}/runs': {
    ...get((c) => `/api/v1/offering-sources/${c.sourceId}/runs`, only(200, ['editor', 'owner', 'admin'])),
    capacity: true,
  },
  'PATCH /api/v1/offering-sources/{id}': {
    request: (c) => ({
      path: `/api/v1/offering-sources/${c.sourceId}`,
      body: {
        url: 'https://catalogue.example.org/changed.json',
        format: 'json-ld',
        defaultTopics: ['cybersecurity'],
        defaultAudiences: ['public-servants'],
      },
    }),
    expect: only(200, ['editor', 'owner', 'admin']),
    capacity: true,
  },
  'DELETE /api/v1/offering-sources/{id}': {
    request: (c) => ({ path: `/api/v1/offering-sources/${c.sourceId}` }),
    expect: only(204, ['editor', 'owner', 'admin']),
    capacity: true,
  },
  // Saved searches are the person's own, in person (a session).
  'GET /api/v1/saved-searches': get('/api/v1/saved-searches', signedIn(200)),
  'POST /api/v1/saved-searches': {
    request: () => ({ path: '/api/v1/saved-searches', body: { kind: 'offerings', query: { topics: 'cybersecurity' } } }),
    expect: signedIn(201),
  },
  'DELETE /api/v1/saved-searches/{id}': {
    request: (c) => ({ path: `/api/v1/saved-searches/${c.savedSearchId}` }),
    expect: signedIn(204),
  },

  // The match workflow: O's editors and owners act for O's need (the requester's side); members of either side
  // (the other organisation provides the offering) and coordinators read; nobody rates before delivery.
  'POST /api/v1/matches': {
    request: (c) => ({ path: '/api/v1/matches', body: { needId: c.needId, offeringId: c.fittingOfferingId, start: 'shortlist' } }),
    expect: only(201, ['editor', 'owner']),
    capacity: true,
  },
  'GET /api/v1/matches': get('/api/v1/matches', signedIn(200)),
  'GET /api/v1/matches/{id}': { ...get((c) => `/api/v1/matches/${c.matchId}`, signedIn(200)), capacity: true },
  'POST /api/v1/matches/{id}/transitions': {
    request: (c) => ({
      path: `/api/v1/matches/${c.matchId}/transitions`,
      body: { transition: 'close', reason: 'Closed by the matrix', version: 1 },
    }),
    expect: only(200, ['editor', 'owner']),
    capacity: true,
  },
  'POST /api/v1/matches/{id}/comments': {
    request: (c) => ({ path: `/api/v1/matches/${c.matchId}/comments`, body: { text: 'A comment of the matrix' } }),
    expect: only(201, ['editor', 'owner']),
    capacity: true,
  },
  'POST /api/v1/matches/{id}/ratings': {
    request: (c) => ({ path: `/api/v1/matches/${c.matchId}/ratings`, body: { rating: 4 } }),
    expect: signedIn(403),
    capacity: true,
  },

  // Unmet-demand insights: public counts.
  'GET /api/v1/insights/unmet-demand': get('/api/v1/insights/unmet-demand', all(200)),
  'GET /api/v1/insights/trend': get('/api/v1/insights/trend', all(200)),
  'GET /api/v1/insights/supply-gaps': get('/api/v1/insights/supply-gaps', all(200)),
  'GET /api/v1/insights/unfitted-needs': get('/api/v1/insights/unfitted-needs', all(200)),
  'GET /api/v1/insights/time-to-match': get('/api/v1/insights/time-to-match', all(200)),
  'GET /api/v1/insights/unmet-by-language': get('/api/v1/insights/unmet-by-language', all(200)),

  // Webhooks (issue 12): O's owners and admins read them; changing or testing one is done in person.
  'GET /api/v1/organisations/{id}/webhooks': get((c) => `/api/v1/organisations/${c.orgId}/webhooks`, only(200, ['owner', 'admin'])),
  'POST /api/v1/organisations/{id}/webhooks': {
    request: (c) => ({
      path: `/api/v1/organisations/${c.orgId}/webhooks`,
      body: { url: 'https://hooks.example.org/dcp', events: ['need'] },
    }),
    expect: only(201, ['owner', 'admin']),
  },
  'DELETE /api/v1/organisations/{id}/webhooks/{webhookId}': {
    request: (c) => ({ path: `/api/v1/organisations/${c.orgId}/webhooks/${c.webhookId}` }),
    expect: only(204, ['owner', 'admin']),
  },
  'POST /api/v1/organisations/{id}/webhooks/{webhookId}/test': {
    request: (c) => ({ path: `/api/v1/organisations/${c.orgId}/webhooks/${c.webhookId}/test` }),
    expect: only(202, ['owner', 'admin']),
  },
  'GET /api/v1/organisations/{id}/webhooks/{webhookId}/deliveries': get(
    (c) => `/api/v1/organisations/${c.orgId}/webhooks/${c.webhookId}/deliveries`,
    only(200, ['owner', 'admin']),
  ),
};

/** Every operation of the OpenAPI document as `METHOD /path`. */
function documentedOperations(): string[] {
  const document = buildOpenApiDocument();
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.keys(item ?? {})
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
}

const OPERATIONS = documentedOperations();

describe('access matrix: the expectations table', () => {
  it('has an expectation for every route of the OpenAPI document', () => {
    const missing = OPERATIONS.filter((op) => !(op in EXPECTATIONS));
    expect(missing, `routes without an access expectation: add them to EXPECTATIONS in ${import.meta.url}`).toEqual([]);
  });

  it('has no expectation for a route the document no longer has', () => {
    expect(Object.keys(EXPECTATIONS).filter((key) => !OPERATIONS.includes(key))).toEqual([]);
  });
});

forEachEngine('access matrix', (t) => {
  const app = () => testApp(t.db);
  const people = {} as Record<Exclude<Role, 'anonymous'>, { user: TestUser; session: SignedIn }>;
  let otherOrgId: string;
  let signInUser: TestUser;
  let indicatorCode: string;
  let publicPersonId: string;
  let cells = 0;

  /** A person of `role`: a member of O (member, editor, owner), of the other organisation, or with a platform role. */
  const personOf = (role: Exclude<Role, 'anonymous'>, orgId: string | undefined): Promise<TestUser> =>
    personOfRole(t.db, role, { organisationId: orgId, otherOrganisationId: otherOrgId });

  beforeAll(async () => {
    otherOrgId = await organisation(t.db, 'Other');
    signInUser = await createUser(t.db);
    for (const role of ROLES) {
      if (role === 'anonymous') continue;
      const user = await personOf(role, undefined);
      people[role] = { user, session: await signInAs(app(), user) };
    }
    publicPersonId = (await createUser(t.db)).id;
    await ensureProfile(t.db, publicPersonId);
    const indicators = await app().request('/api/v1/indicators', { headers: { 'X-Forwarded-For': randomAddress() } });
    indicatorCode = ((await indicators.json()) as { data: { code: string }[] }).data[0]?.code ?? 'none';
  });

  afterAll(() => {
    process.stdout.write(
      `[access matrix] ${t.engine.name}: ${Object.keys(EXPECTATIONS).length} operations × ${ROLES.length} roles = ${cells} cells checked\n`,
    );
  });

  /** O's members-only need, a fitting published offering of the other organisation, and a requested match of the two. */
  async function matchWorld(orgId: string, providerOrgId: string) {
    const needId = await seedNeed(t.db, orgId, { visibility: 'members' });
    const fittingOfferingId = await seedOffering(t.db, providerOrgId, { status: 'published', language: 'fr', languages: ['fr'] });
    const otherOfferingId = await seedOffering(t.db, providerOrgId, { status: 'published', language: 'fr', languages: ['fr'] });
    const match = await t.db
      .insertInto('matches')
      .values({
        need_id: needId,
        offering_id: otherOfferingId,
        requester_organisation_id: orgId,
        provider_organisation_id: providerOrgId,
        status: 'requested',
        started_by: 'requester',
        score: null,
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { needId, fittingOfferingId, matchId: match.id };
  }

  /** Builds cell O for `role`, with the acting person's memberships in it (a project only when the operation needs one). */
  async function cellFor(role: Role, actor: TestUser | undefined, operation = '', capacity = false): Promise<Cell> {
    const orgId = await organisation(t.db, 'Matrix');
    if (actor && (role === 'member' || role === 'editor' || role === 'owner')) {
      await t.db.insertInto('memberships').values({ organisation_id: orgId, user_id: actor.id, role }).execute();
    }
    if (role !== 'owner') {
      // O always has an owner, so the last-owner rule never decides a cell by accident.
      const owner = await createUser(t.db);
      await t.db.insertInto('memberships').values({ organisation_id: orgId, user_id: owner.id, role: 'owner' }).execute();
    }
    const target = await createUser(t.db, { memberships: [{ organisationId: orgId, role: 'member' }] });
    const outsider = await createUser(t.db);
    const invitationToken = randomBytes(32).toString('base64url');
    const invitation = await t.db
      .insertInto('invitations')
      .values({
        organisation_id: orgId,
        email: actor?.email ?? 'nobody@example.org',
        role: 'member',
        token_hash: createHash('sha256').update(invitationToken).digest(),
        invited_by: null,
        expires_at: new Date(Date.now() + 86_400_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const token = await t.db
      .insertInto('api_tokens')
      .values({
        user_id: actor?.id ?? target.id,
        organisation_id: orgId,
        name: 'matrix',
        scope: 'read',
        token_hash: randomBytes(32),
        hint: 'dcp_xxxx…',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return {
      orgId,
      otherOrgId,
      actor,
      targetId: target.id,
      outsiderId: outsider.id,
      invitationId: invitation.id,
      invitationToken,
      apiTokenId: token.id,
      indicatorCode,
      signInUser,
      publicPersonId,
      project: operation.includes('/projects/{id}')
        ? await seedProjectFixture(t.db, orgId, outsider.id)
        : { projectId: '', roleId: '', updateId: '', teamMemberId: '' },
      offeringId: capacity ? await seedOffering(t.db, orgId) : 'none',
      ...(capacity ? await matchWorld(orgId, otherOrgId) : { needId: 'none', fittingOfferingId: 'none', matchId: 'none' }),
      sourceId: capacity
        ? (
            await t.db
              .insertInto('offering_sources')
              .values({
                organisation_id: orgId,
                url: 'http://127.0.0.1:9/courses.json',
                default_topics: ['cybersecurity'],
                default_audiences: ['public-servants'],
              })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id
        : 'none',
      savedSearchId: operation.includes('/saved-searches/')
        ? (
            await t.db
              .insertInto('saved_searches')
              .values({ user_id: actor?.id ?? target.id, kind: 'needs', query: JSON.stringify({ country: 'NER' }) })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id
        : '00000000-0000-4000-8000-000000000000',
      webhookId: operation.includes('/webhooks/{webhookId}')
        ? (
            await t.db
              .insertInto('webhooks')
              .values({
                organisation_id: orgId,
                url: 'https://hooks.example.org/dcp',
                events: ['need'],
                secret_sealed: randomBytes(60),
                created_by: null,
              })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id
        : 'none',
    };
  }

  for (const operation of OPERATIONS) {
    const expectation = EXPECTATIONS[operation];
    if (!expectation) continue;
    const method = operation.split(' ')[0]!;
    it(`${operation}: ${ROLES.map((r) => `${r} ${expectation.expect[r]}`).join(', ')}`, async () => {
      const actual = {} as Statuses;
      for (const role of ROLES) {
        let actor: TestUser | undefined;
        let session: SignedIn | undefined;
        if (role !== 'anonymous') {
          if (expectation.fresh) {
            actor = await personOf(role, undefined);
            session = await signInAs(app(), actor);
          } else {
            ({ user: actor, session } = people[role]);
          }
        }
        // Routes about one's own profile need the person to have one.
        if (actor && operation.includes('/me/profile')) await ensureProfile(t.db, actor.id);
        const cell = await cellFor(role, actor, operation, expectation.capacity === true);
        const { path, body } = expectation.request(cell);
        const response = await app().request(path, {
          method,
          headers: {
            'X-Forwarded-For': randomAddress(),
            ...session?.headers,
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        actual[role] = response.status;
        cells += 1;
      }
      expect(actual).toEqual(expectation.expect);
    });
  }
});
