import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Actor, type Membership, type OrganisationRole, type PlatformRole } from './actor.js';
import { can, isReadAction, matchSidesOf, secondFactorRequired, type ActionsOf, type Resource } from './policy.js';
import { MATCH_STATUSES, MATCH_TRANSITIONS, type MatchStatus } from '../matching/workflow.js';
import {
  NEED_STATUSES,
  NEED_TRANSITIONS,
  OFFERING_STATUSES,
  OFFERING_TRANSITIONS,
  type NeedStatus,
  type OfferingStatus,
} from '../capacity/workflow.js';
import { VISIBILITIES, type Visibility } from '../people/visibility.js';

const ORG = 'org-a';
const OTHER = 'org-b';
const ME = 'user-me';

function person(memberships: Membership[] = [], platformRole: PlatformRole | null = null, userId = ME): Actor {
  return { kind: 'user', userId, platformRole, memberships, via: { kind: 'session' } };
}
function token(
  memberships: Membership[],
  organisationId: string,
  scope: 'read' | 'write',
  platformRole: PlatformRole | null = null,
): Actor {
  return { kind: 'user', userId: ME, platformRole, memberships, via: { kind: 'token', organisationId, scope } };
}
const inOrg = (role: OrganisationRole, organisationId = ORG): Membership => ({ organisationId, role });

/** Every action of every resource type, with an example resource. */
const CASES: { [T in keyof ActionsOf]: { resource: Extract<Resource, { type: T }>; actions: ActionsOf[T][] } } = {
  organisations: { resource: { type: 'organisations' }, actions: ['list', 'create'] },
  organisation: {
    resource: { type: 'organisation', id: ORG },
    actions: ['read', 'update', 'verify', 'map-domains', 'read-members', 'manage-members', 'add-member', 'delete', 'create-token'],
  },
  membership: { resource: { type: 'membership', organisationId: ORG, userId: 'someone-else' }, actions: ['update-role', 'remove'] },
  invitation: { resource: { type: 'invitation', organisationId: ORG }, actions: ['read', 'create', 'revoke', 'accept'] },
  'audit-log': { resource: { type: 'audit-log' }, actions: ['read', 'export'] },
  outbox: { resource: { type: 'outbox' }, actions: ['read'] },
  account: {
    resource: { type: 'account', userId: ME },
    actions: ['read', 'export', 'delete', 'manage-tokens', 'disable-two-factor', 'manage-alerts'],
  },
  taxonomy: { resource: { type: 'taxonomy' }, actions: ['read', 'curate'] },
  record: {
    resource: { type: 'record', ownerOrganisationId: ORG, published: false },
    actions: ['read', 'create', 'update', 'delete', 'publish'],
  },
  offering: {
    resource: { type: 'offering', ownerOrganisationId: ORG, status: 'draft' },
    actions: ['read', 'create', 'update', 'submit', 'withdraw', 'publish', 'return', 'archive', 'reopen'],
  },
  need: {
    resource: { type: 'need', ownerOrganisationId: ORG, status: 'open', visibility: 'members' },
    actions: ['read', 'create', 'update', 'match', 'unmatch', 'start-delivery', 'fulfil', 'close-unmet', 'reopen'],
  },
  profile: { resource: { type: 'profile', userId: ME }, actions: ['read', 'update', 'delete'] },
  'profile-part': {
    resource: { type: 'profile-part', ownerUserId: 'someone-else', organisationIds: [ORG], visibility: 'organisation' },
    actions: ['read'],
  },
  project: {
    resource: { type: 'project', ownerOrganisationId: ORG, partnerOrganisationIds: [], teamUserIds: [], visibility: 'members' },
    actions: ['read', 'create', 'update', 'post-update', 'comment', 'find-candidates', 'leave'],
  },
  match: {
    resource: { type: 'match', requesterOrganisationId: ORG, providerOrganisationId: OTHER, status: 'requested' },
    actions: [
      'read',
      'create',
      'comment',
      'rate',
      'request',
      'accept',
      'decline',
      'accept-proposal',
      'decline-proposal',
      'start-delivery',
      'deliver',
      'close',
    ],
  },
  webhook: { resource: { type: 'webhook', organisationId: ORG }, actions: ['read', 'manage'] },
};
const ALL = Object.values(CASES).flatMap(({ resource, actions }) =>
  (actions as string[]).map((action) => ({ resource: resource as Resource, action })),
);
const ask = (actor: Actor, action: string, resource: Resource) => can(actor, action as never, resource);

/** Checks a boolean property with fast-check: 'holds', or the counterexample report. */
function holds<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => boolean, numRuns = 3000): string {
  const details = fc.check(fc.property(arbitrary, predicate), { numRuns });
  return details.failed ? (fc.defaultReportMessage(details) ?? 'failed') : 'holds';
}
const actionFor = (r: Resource) => fc.constantFrom(...(CASES[r.type].actions as string[]));

/** The roles of the access matrix, as actors of organisation ORG. */
const ROLES: Record<string, Actor> = {
  anonymous: ANONYMOUS,
  other: person([inOrg('owner', OTHER)]),
  member: person([inOrg('member')]),
  editor: person([inOrg('editor')]),
  owner: person([inOrg('owner')]),
  coordinator: person([], 'coordinator'),
  admin: person([], 'admin'),
};

/** The whole table: action → the roles allowed. Anything not listed is refused. */
const EXPECTED: Record<string, string[]> = {
  'organisations:list': ['anonymous', 'other', 'member', 'editor', 'owner', 'coordinator', 'admin'],
  'organisations:create': ['other', 'member', 'editor', 'owner', 'coordinator', 'admin'],
  'organisation:read': ['anonymous', 'other', 'member', 'editor', 'owner', 'coordinator', 'admin'],
  'organisation:update': ['owner', 'admin'],
  'organisation:verify': ['coordinator', 'admin'],
  'organisation:map-domains': ['coordinator', 'admin'],
  'organisation:read-members': ['member', 'editor', 'owner', 'coordinator', 'admin'],
  'organisation:manage-members': ['owner', 'admin'],
  'organisation:add-member': ['admin'],
  'organisation:delete': ['owner', 'admin'],
  // A token is a member's: admins and coordinators who are not members cannot make one.
  'organisation:create-token': ['member', 'editor', 'owner'],
  'membership:update-role': ['owner', 'admin'],
  'membership:remove': ['owner', 'admin'],
  'invitation:read': ['owner', 'admin'],
  'invitation:create': ['owner', 'admin'],
  'invitation:revoke': ['owner', 'admin'],
  'invitation:accept': ['other', 'member', 'editor', 'owner', 'coordinator', 'admin'],
  'audit-log:read': ['admin'],
  'audit-log:export': ['admin'],
  'outbox:read': ['admin'],
  'account:read': ['other', 'member', 'editor', 'owner', 'coordinator', 'admin'],
  'account:export': ['other', 'member', 'editor', 'owner', 'coordinator', 'admin'],
  'account:delete': ['other', 'member', 'editor', 'owner', 'coordinator', 'admin'],
  'account:manage-tokens': ['other', 'member', 'editor', 'owner', 'coordinator', 'admin'],
  'account:disable-two-factor': ['other', 'member', 'editor', 'owner'],
  'account:manage-alerts': ['other', 'member', 'editor', 'owner', 'coordinator', 'admin'],
  'taxonomy:read': ['anonymous', 'other', 'member', 'editor', 'owner', 'coordinator', 'admin'],
  'taxonomy:curate': ['coordinator', 'admin'],
  'record:read': ['member', 'editor', 'owner', 'coordinator', 'admin'],
  'record:create': ['editor', 'owner', 'admin'],
  'record:update': ['editor', 'owner', 'admin'],
  'record:delete': ['editor', 'owner', 'admin'],
  'record:publish': ['editor', 'owner', 'admin'],
  // A draft offering: its organisation's editors write and submit it; a coordinator may archive it as moderation.
  'offering:read': ['member', 'editor', 'owner', 'coordinator', 'admin'],
  'offering:create': ['editor', 'owner', 'admin'],
  'offering:update': ['editor', 'owner', 'admin'],
  'offering:submit': ['editor', 'owner', 'admin'],
  'offering:withdraw': [],
  'offering:publish': [],
  'offering:return': [],
  'offering:archive': ['editor', 'owner', 'coordinator', 'admin'],
  'offering:reopen': [],
  // An open need seen by signed-in members only.
  'need:read': ['other', 'member', 'editor', 'owner', 'coordinator', 'admin'],
  'need:create': ['editor', 'owner', 'admin'],
  'need:update': ['editor', 'owner', 'admin'],
  'need:match': ['editor', 'owner', 'coordinator', 'admin'],
  'need:unmatch': [],
  'need:start-delivery': [],
  'need:fulfil': [],
  'need:close-unmet': ['editor', 'owner', 'coordinator', 'admin'],
  'need:reopen': [],
  // One's own profile, in person.
  'profile:read': ['other', 'member', 'editor', 'owner', 'coordinator', 'admin'],
  'profile:update': ['other', 'member', 'editor', 'owner', 'coordinator', 'admin'],
  'profile:delete': ['other', 'member', 'editor', 'owner', 'coordinator', 'admin'],
  // Someone's part shown to their own organisation: its members only, whatever their role; no platform role sees more.
  'profile-part:read': ['member', 'editor', 'owner'],
  // A members-only project of organisation ORG.
  'project:read': ['other', 'member', 'editor', 'owner', 'coordinator', 'admin'],
  'project:create': ['editor', 'owner', 'admin'],
  'project:update': ['editor', 'owner', 'admin'],
  'project:post-update': ['editor', 'owner', 'admin'],
  'project:comment': ['other', 'member', 'editor', 'owner', 'coordinator', 'admin'],
  'project:find-candidates': ['editor', 'owner', 'coordinator', 'admin'],
  // Only someone on the team (nobody here) leaves it.
  'project:leave': [],
  // A requested match: the need is ORG's, the offering OTHER's ("other" is OTHER's owner: the provider).
  'match:read': ['other', 'member', 'editor', 'owner', 'coordinator', 'admin'],
  'match:create': [],
  'match:comment': ['other', 'editor', 'owner'],
  'match:rate': [],
  'match:request': [],
  'match:accept': ['other'],
  'match:decline': ['other'],
  'match:accept-proposal': [],
  'match:decline-proposal': [],
  'match:start-delivery': [],
  'match:deliver': [],
  'match:close': ['other', 'editor', 'owner'],
  'webhook:read': ['owner', 'admin'],
  'webhook:manage': ['owner', 'admin'],
};

const PROVIDER = ['editor', 'owner', 'admin'];
const REVIEWER = ['coordinator', 'admin'];
const EITHER = ['editor', 'owner', 'coordinator', 'admin'];
const INSIDERS = ['member', 'editor', 'owner', 'coordinator', 'admin'];
const EVERYONE = Object.keys(ROLES);

/** The offering workflow by status: every action not listed is refused to everyone. */
const OFFERING_TABLE: Record<OfferingStatus, Record<string, string[]>> = {
  draft: { read: INSIDERS, update: PROVIDER, submit: PROVIDER, archive: EITHER },
  'in-review': { read: INSIDERS, update: PROVIDER, withdraw: PROVIDER, publish: REVIEWER, return: REVIEWER, archive: EITHER },
  // Edits keep a published offering published: update is not a transition.
  published: { read: EVERYONE, update: PROVIDER, archive: EITHER },
  archived: { read: INSIDERS, reopen: PROVIDER },
};

/** The need workflow by status (public visibility). */
const NEED_TABLE: Record<NeedStatus, Record<string, string[]>> = {
  open: { read: EVERYONE, update: PROVIDER, match: EITHER, 'close-unmet': EITHER },
  matched: { read: EVERYONE, update: PROVIDER, unmatch: EITHER, 'start-delivery': PROVIDER, 'close-unmet': EITHER },
  'in-delivery': { read: EVERYONE, update: PROVIDER, fulfil: PROVIDER, 'close-unmet': EITHER },
  fulfilled: { read: EVERYONE },
  'closed-unmet': { read: EVERYONE, reopen: PROVIDER },
};

describe('can(): the role table', () => {
  it('has an expectation for every action of every resource type', () => {
    expect(ALL.map(({ resource, action }) => `${resource.type}:${action}`).toSorted()).toEqual(Object.keys(EXPECTED).toSorted());
  });

  for (const { resource, action } of ALL) {
    it(`lets exactly ${EXPECTED[`${resource.type}:${action}`]!.join(', ') || 'nobody'} ${action} ${resource.type}`, () => {
      const allowed = Object.entries(ROLES)
        .filter(([, actor]) => ask(actor, action, resource))
        .map(([name]) => name);
      expect(allowed).toEqual(EXPECTED[`${resource.type}:${action}`]);
    });
  }
});

const allowedRoles = (action: string, resource: Resource) =>
  Object.entries(ROLES)
    .filter(([, actor]) => ask(actor, action, resource))
    .map(([name]) => name);

const REQUESTER = ['editor', 'owner'];
const SUPPLIER = ['other'];
const BOTH_SIDES = ['other', 'editor', 'owner'];
const ALL_READERS = ['other', 'member', 'editor', 'owner', 'coordinator', 'admin'];

/** The match workflow by status (need of ORG, offering of OTHER, nobody has rated yet): every action not listed is refused. */
const MATCH_TABLE: Record<MatchStatus, Record<string, string[]>> = {
  // A shortlist is the requester's own note: the provider neither sees nor acts on it.
  shortlisted: { read: INSIDERS, create: REQUESTER, comment: REQUESTER, request: REQUESTER, close: REQUESTER },
  proposed: {
    read: ALL_READERS,
    create: SUPPLIER,
    comment: BOTH_SIDES,
    'accept-proposal': REQUESTER,
    'decline-proposal': REQUESTER,
    close: BOTH_SIDES,
  },
  requested: { read: ALL_READERS, comment: BOTH_SIDES, accept: SUPPLIER, decline: SUPPLIER, close: BOTH_SIDES },
  accepted: { read: ALL_READERS, comment: BOTH_SIDES, 'start-delivery': BOTH_SIDES, close: BOTH_SIDES },
  declined: { read: ALL_READERS, comment: BOTH_SIDES },
  'in-delivery': { read: ALL_READERS, comment: BOTH_SIDES, deliver: BOTH_SIDES, close: BOTH_SIDES },
  delivered: { read: ALL_READERS, comment: BOTH_SIDES, rate: BOTH_SIDES },
  closed: { read: ALL_READERS, comment: BOTH_SIDES },
};

const match = (status: MatchStatus, rated?: { requester: boolean; provider: boolean }) =>
  ({ type: 'match', requesterOrganisationId: ORG, providerOrganisationId: OTHER, status, ...(rated ? { rated } : {}) }) as const;

describe('can(): the match workflow, through the policy', () => {
  for (const status of MATCH_STATUSES) {
    for (const action of ['read', 'create', 'comment', 'rate', ...Object.keys(MATCH_TRANSITIONS)]) {
      const expected = MATCH_TABLE[status][action] ?? [];
      it(`on a ${status} match lets exactly ${expected.join(', ') || 'nobody'} ${action}`, () => {
        expect(allowedRoles(action, match(status))).toEqual(expected);
      });
    }
  }

  it('lets each side rate once', () => {
    expect(allowedRoles('rate', match('delivered', { requester: true, provider: false }))).toEqual(SUPPLIER);
    expect(allowedRoles('rate', match('delivered', { requester: true, provider: true }))).toEqual([]);
  });

  it('acts for both sides for someone who edits for both organisations, and for none through a read token', () => {
    const both = person([inOrg('editor'), inOrg('owner', OTHER)]);
    expect(matchSidesOf(both, match('requested'))).toEqual(['requester', 'provider']);
    expect(ask(both, 'accept', match('requested'))).toBe(true);
    expect(ask(token([inOrg('editor')], ORG, 'write'), 'request', match('shortlisted'))).toBe(true);
    expect(ask(token([inOrg('editor')], ORG, 'read'), 'request', match('shortlisted'))).toBe(false);
    // A token acts only for its organisation, even when its maker edits for the other side too.
    expect(ask(token([inOrg('editor'), inOrg('owner', OTHER)], ORG, 'write'), 'accept', match('requested'))).toBe(false);
    expect(matchSidesOf(ANONYMOUS, match('requested'))).toEqual([]);
  });

  it('never lets a transition happen from a status it does not start from (property)', () => {
    const report = holds(
      fc.record({
        status: fc.constantFrom(...MATCH_STATUSES),
        action: fc.constantFrom(...(Object.keys(MATCH_TRANSITIONS) as (keyof typeof MATCH_TRANSITIONS)[])),
        role: fc.constantFrom(...Object.keys(ROLES)),
      }),
      ({ status, action, role }) =>
        !ask(ROLES[role]!, action, match(status)) || (MATCH_TRANSITIONS[action].from as readonly string[]).includes(status),
    );
    expect(report).toBe('holds');
  });
});

describe('can(): the review workflow of offerings and the life cycle of needs', () => {
  for (const status of OFFERING_STATUSES) {
    for (const action of ['read', 'update', ...Object.keys(OFFERING_TRANSITIONS)]) {
      const expected = OFFERING_TABLE[status][action] ?? [];
      it(`on a ${status} offering lets exactly ${expected.join(', ') || 'nobody'} ${action}`, () => {
        expect(allowedRoles(action, { type: 'offering', ownerOrganisationId: ORG, status })).toEqual(expected);
      });
    }
  }

  for (const status of NEED_STATUSES) {
    for (const action of ['read', 'update', ...Object.keys(NEED_TRANSITIONS)]) {
      const expected = NEED_TABLE[status][action] ?? [];
      it(`on a ${status} public need lets exactly ${expected.join(', ') || 'nobody'} ${action}`, () => {
        expect(allowedRoles(action, { type: 'need', ownerOrganisationId: ORG, status, visibility: 'public' })).toEqual(expected);
      });
    }
  }

  it('creates offerings only as drafts and needs only as open', () => {
    const editor = ROLES['editor']!;
    expect(can(editor, 'create', { type: 'offering', ownerOrganisationId: ORG, status: 'draft' })).toBe(true);
    expect(can(editor, 'create', { type: 'offering', ownerOrganisationId: ORG, status: 'published' })).toBe(false);
    expect(can(editor, 'create', { type: 'need', ownerOrganisationId: ORG, status: 'open', visibility: 'public' })).toBe(true);
    expect(can(editor, 'create', { type: 'need', ownerOrganisationId: ORG, status: 'fulfilled', visibility: 'public' })).toBe(false);
  });

  it('hides a members-only need from anonymous visitors but not from any signed-in person or token', () => {
    const need: Resource = { type: 'need', ownerOrganisationId: ORG, status: 'open', visibility: 'members' };
    expect(can(ANONYMOUS, 'read', need)).toBe(false);
    expect(can(ROLES['other']!, 'read', need)).toBe(true);
    expect(can(token([inOrg('member', OTHER)], OTHER, 'read'), 'read', need)).toBe(true);
  });

  it('does not let a coordinator’s token review: a token has no platform role', () => {
    const review: Resource = { type: 'offering', ownerOrganisationId: OTHER, status: 'in-review' };
    expect(can(person([], 'coordinator'), 'publish', review)).toBe(true);
    expect(can(token([inOrg('owner')], ORG, 'write', 'coordinator'), 'publish', review)).toBe(false);
  });

  it('refuses a transition the workflow does not know', () => {
    expect(ask(ROLES['admin']!, 'teleport', { type: 'offering', ownerOrganisationId: ORG, status: 'draft' })).toBe(false);
    expect(ask(ROLES['admin']!, 'constructor', { type: 'need', ownerOrganisationId: ORG, status: 'open', visibility: 'public' })).toBe(
      false,
    );
  });
});

describe('can(): specific rules', () => {
  it('lets a member leave an organisation but not remove someone else', () => {
    const member = person([inOrg('member')]);
    expect(can(member, 'remove', { type: 'membership', organisationId: ORG, userId: ME })).toBe(true);
    expect(can(member, 'remove', { type: 'membership', organisationId: ORG, userId: 'other-user' })).toBe(false);
    expect(can(person([]), 'remove', { type: 'membership', organisationId: ORG, userId: ME })).toBe(false);
  });

  it('shows a published record to everyone and an unpublished one to organisations it is shared with', () => {
    const published: Resource = { type: 'record', ownerOrganisationId: ORG, published: true };
    const shared: Resource = { type: 'record', ownerOrganisationId: ORG, published: false, sharedWithOrganisationIds: [OTHER] };
    expect(can(ANONYMOUS, 'read', published)).toBe(true);
    expect(can(ANONYMOUS, 'update', published)).toBe(false);
    expect(can(ROLES['other']!, 'read', shared)).toBe(true);
    expect(can(ROLES['other']!, 'update', shared)).toBe(false);
    expect(can(person([inOrg('member', 'org-c')]), 'read', shared)).toBe(false);
  });

  it('keeps a person’s account to that person', () => {
    expect(can(person([], 'admin'), 'export', { type: 'account', userId: 'someone' })).toBe(false);
    expect(can(person([]), 'delete', { type: 'account', userId: ME })).toBe(true);
  });

  it('lets a write token of an organisation edit its records but not another organisation’s', () => {
    const both = [inOrg('editor'), inOrg('editor', OTHER)];
    const writer = token(both, ORG, 'write');
    expect(can(writer, 'update', { type: 'record', ownerOrganisationId: ORG, published: false })).toBe(true);
    expect(can(writer, 'update', { type: 'record', ownerOrganisationId: OTHER, published: false })).toBe(false);
    expect(can(writer, 'read', { type: 'record', ownerOrganisationId: OTHER, published: false })).toBe(false);
  });

  it('does not give a token its creator’s platform role or personal powers', () => {
    const adminToken = token([inOrg('owner')], ORG, 'write', 'admin');
    expect(can(adminToken, 'read', { type: 'audit-log' })).toBe(false);
    expect(can(adminToken, 'verify', { type: 'organisation', id: ORG })).toBe(false);
    expect(can(adminToken, 'create', { type: 'organisations' })).toBe(false);
    expect(can(adminToken, 'export', { type: 'account', userId: ME })).toBe(false);
    expect(can(adminToken, 'accept', { type: 'invitation', organisationId: OTHER })).toBe(false);
    expect(can(adminToken, 'remove', { type: 'membership', organisationId: ORG, userId: ME })).toBe(true);
  });

  it('lets only a member make a token for an organisation, and only in person', () => {
    expect(can(person([inOrg('member')]), 'create-token', { type: 'organisation', id: ORG })).toBe(true);
    expect(can(person([inOrg('member')]), 'create-token', { type: 'organisation', id: OTHER })).toBe(false);
    expect(can(person([], 'admin'), 'create-token', { type: 'organisation', id: ORG })).toBe(false);
    // A token cannot mint tokens, not even a write token of an owner.
    expect(can(token([inOrg('owner')], ORG, 'write'), 'create-token', { type: 'organisation', id: ORG })).toBe(false);
  });

  it('keeps a person’s tokens and second factor to that person, and makes admins and coordinators keep theirs', () => {
    expect(can(person([]), 'manage-tokens', { type: 'account', userId: ME })).toBe(true);
    expect(can(person([], 'admin'), 'manage-tokens', { type: 'account', userId: 'someone' })).toBe(false);
    expect(can(token([inOrg('owner')], ORG, 'write'), 'manage-tokens', { type: 'account', userId: ME })).toBe(false);
    expect(can(person([]), 'disable-two-factor', { type: 'account', userId: ME })).toBe(true);
    expect(can(person([], 'coordinator'), 'disable-two-factor', { type: 'account', userId: ME })).toBe(false);
    expect([secondFactorRequired(null), secondFactorRequired('admin'), secondFactorRequired('coordinator')]).toEqual([false, true, true]);
  });

  it('shows the mail outbox to admins in person only', () => {
    expect(can(person([], 'admin'), 'read', { type: 'outbox' })).toBe(true);
    expect(can(person([], 'coordinator'), 'read', { type: 'outbox' })).toBe(false);
    expect(can(token([inOrg('owner')], ORG, 'read', 'admin'), 'read', { type: 'outbox' })).toBe(false);
  });

  it('refuses an action or resource type it does not know (default deny)', () => {
    expect(ask(person([], 'admin'), 'obliterate', { type: 'organisation', id: ORG })).toBe(false);
    expect(ask(person([], 'admin'), 'read', { type: 'spaceship' } as unknown as Resource)).toBe(false);
  });
});

describe('can(): properties over arbitrary actors', () => {
  const role = fc.constantFrom<OrganisationRole>('owner', 'editor', 'member');
  const org = fc.constantFrom(ORG, OTHER, 'org-c');
  const memberships = fc.uniqueArray(fc.record({ organisationId: org, role }), { selector: (m) => m.organisationId, maxLength: 3 });
  const platformRole = fc.constantFrom<PlatformRole | null>(null, 'admin', 'coordinator');
  const userId = fc.constantFrom(ME, 'someone-else');
  const via = fc.oneof(
    fc.constant({ kind: 'session' as const }),
    fc.record({ kind: fc.constant('token' as const), organisationId: org, scope: fc.constantFrom<'read' | 'write'>('read', 'write') }),
  );
  const actor: fc.Arbitrary<Actor> = fc.oneof(
    fc.constant(ANONYMOUS),
    fc.record({ kind: fc.constant('user' as const), userId, platformRole, memberships, via }),
  );
  const resource: fc.Arbitrary<Resource> = fc.oneof(
    fc.constant({ type: 'organisations' as const }),
    org.map((id) => ({ type: 'organisation' as const, id })),
    fc.record({ type: fc.constant('membership' as const), organisationId: org, userId }),
    org.map((organisationId) => ({ type: 'invitation' as const, organisationId })),
    fc.constant({ type: 'audit-log' as const }),
    fc.constant({ type: 'outbox' as const }),
    userId.map((id) => ({ type: 'account' as const, userId: id })),
    fc.constant({ type: 'taxonomy' as const }),
    fc.record({
      type: fc.constant('record' as const),
      ownerOrganisationId: org,
      published: fc.boolean(),
      sharedWithOrganisationIds: fc.array(org, { maxLength: 2 }),
    }),
    fc.record({ type: fc.constant('offering' as const), ownerOrganisationId: org, status: fc.constantFrom(...OFFERING_STATUSES) }),
    fc.record({
      type: fc.constant('need' as const),
      ownerOrganisationId: org,
      status: fc.constantFrom(...NEED_STATUSES),
      visibility: fc.constantFrom<'public' | 'members'>('public', 'members'),
    }),
    userId.map((id) => ({ type: 'profile' as const, userId: id })),
    fc.record({
      type: fc.constant('profile-part' as const),
      ownerUserId: userId,
      organisationIds: fc.uniqueArray(org, { maxLength: 2 }),
      visibility: fc.constantFrom(...VISIBILITIES),
    }),
    fc.record({
      type: fc.constant('project' as const),
      ownerOrganisationId: org,
      partnerOrganisationIds: fc.uniqueArray(org, { maxLength: 2 }),
      teamUserIds: fc.uniqueArray(userId, { maxLength: 2 }),
      visibility: fc.constantFrom<'public' | 'members'>('public', 'members'),
    }),
  );
  const request = resource.chain((r) => fc.tuple(actor, actionFor(r), fc.constant(r)));

  it('never lets an anonymous visitor write', () => {
    expect(holds(request, ([a, action, r]) => !(a.kind === 'anonymous' && !isReadAction(action) && ask(a, action, r)), 3000)).toBe('holds');
  });

  it('never lets a read-scoped token write', () => {
    expect(
      holds(
        request,
        ([a, action, r]) => {
          const readToken = a.kind === 'user' && a.via.kind === 'token' && a.via.scope === 'read';
          return !(readToken && !isReadAction(action) && ask(a, action, r));
        },
        3000,
      ),
    ).toBe('holds');
  });

  it('decides for a token exactly as for the same person holding only that organisation’s membership and no platform role', () => {
    expect(
      holds(
        request,
        ([a, action, r]) => {
          if (a.kind !== 'user' || a.via.kind !== 'token') return true;
          const orgId = a.via.organisationId;
          const narrowed: Actor = { ...a, platformRole: null, memberships: a.memberships.filter((m) => m.organisationId === orgId) };
          // Tokens never do personal acts; otherwise a token can do no more than its narrowed person.
          return !ask(a, action, r) || ask(narrowed, action, r);
        },
        3000,
      ),
    ).toBe('holds');
  });

  it('never lets a token touch an organisation other than its own, beyond public reads', () => {
    expect(
      holds(
        request,
        ([a, action, r]) => {
          if (a.kind !== 'user' || a.via.kind !== 'token' || !ask(a, action, r)) return true;
          const orgOf =
            r.type === 'organisation'
              ? r.id
              : r.type === 'membership' || r.type === 'invitation'
                ? r.organisationId
                : r.type === 'record' || r.type === 'offering' || r.type === 'need' || r.type === 'project'
                  ? r.ownerOrganisationId
                  : undefined;
          const publicRead =
            (r.type === 'organisation' && action === 'read') ||
            (r.type === 'record' &&
              action === 'read' &&
              (r.published || (r.sharedWithOrganisationIds ?? []).includes(a.via.organisationId))) ||
            (r.type === 'offering' && action === 'read' && r.status === 'published') ||
            // Needs are read by every signed-in member of the platform, a token's program included.
            (r.type === 'need' && action === 'read') ||
            // So are members-only projects, and a program may comment on them as a member would.
            (r.type === 'project' && (action === 'read' || action === 'comment')) ||
            (r.type === 'profile-part' && r.visibility !== 'organisation');
          // A partner organisation works on the project too: its program may post updates as its editors do.
          const partnerOf = r.type === 'project' && r.partnerOrganisationIds.includes(a.via.organisationId);
          return orgOf === undefined || orgOf === a.via.organisationId || publicRead || partnerOf;
        },
        3000,
      ),
    ).toBe('holds');
  });

  it('gives more rights, never fewer, to a higher role in the same organisation', () => {
    const rank: OrganisationRole[] = ['member', 'editor', 'owner'];
    expect(
      holds(
        fc.tuple(
          resource.chain((r) => fc.tuple(actionFor(r), fc.constant(r))),
          fc.integer({ min: 0, max: 1 }),
        ),
        ([[action, r], i]) => {
          const lower = person([inOrg(rank[i]!)]);
          const higher = person([inOrg(rank[i + 1]!)]);
          return !ask(lower, action, r) || ask(higher, action, r);
        },
        2000,
      ),
    ).toBe('holds');
  });
});

describe('can(): who sees which part of a profile', () => {
  const OWNER = 'profile-owner';
  const part = (visibility: Visibility, organisationIds: string[] = [ORG]): Resource => ({
    type: 'profile-part',
    ownerUserId: OWNER,
    organisationIds,
    visibility,
  });
  /** Every viewer of a person in ORG: the expected audiences they belong to. */
  const VIEWERS: Record<string, { actor: Actor; sees: Visibility[] }> = {
    anonymous: { actor: ANONYMOUS, sees: ['public'] },
    'member of another organisation': { actor: person([inOrg('owner', OTHER)]), sees: ['public', 'members'] },
    'member of the same organisation': { actor: person([inOrg('member')]), sees: ['public', 'members', 'organisation'] },
    'read token of the same organisation': { actor: token([inOrg('member')], ORG, 'read'), sees: ['public', 'members', 'organisation'] },
    'token of another organisation of a colleague': {
      actor: token([inOrg('member'), inOrg('member', OTHER)], OTHER, 'read'),
      sees: ['public', 'members'],
    },
    coordinator: { actor: person([], 'coordinator'), sees: ['public', 'members'] },
    admin: { actor: person([], 'admin'), sees: ['public', 'members'] },
    'the person': { actor: person([], null, OWNER), sees: ['public', 'members', 'organisation'] },
  };

  for (const [name, { actor, sees }] of Object.entries(VIEWERS)) {
    for (const visibility of VISIBILITIES) {
      const expected = sees.includes(visibility);
      it(`${expected ? 'shows' : 'hides'} a part visible to ${visibility} ${expected ? 'to' : 'from'} ${name}`, () => {
        expect(can(actor, 'read', part(visibility))).toBe(expected);
      });
    }
  }

  it('shows an organisation-only part of a person without organisations to nobody but the person', () => {
    expect(
      Object.entries(VIEWERS)
        .filter(([, v]) => can(v.actor, 'read', part('organisation', [])))
        .map(([n]) => n),
    ).toEqual(['the person']);
  });

  it('lets nobody but the person, in person, read their whole profile, change or delete it', () => {
    for (const action of ['read', 'update', 'delete'] as const) {
      expect(can(person([], null, OWNER), action, { type: 'profile', userId: OWNER })).toBe(true);
      expect(can(person([], 'admin'), action, { type: 'profile', userId: OWNER })).toBe(false);
      expect(can(token([inOrg('owner')], ORG, 'write'), action, { type: 'profile', userId: ME })).toBe(false);
    }
  });
});

const project = (overrides: Partial<Extract<Resource, { type: 'project' }>> = {}): Resource => ({
  type: 'project',
  ownerOrganisationId: ORG,
  partnerOrganisationIds: [OTHER],
  teamUserIds: [],
  visibility: 'public',
  ...overrides,
});

describe('can(): projects', () => {
  it('shows a public project to everyone and a members-only one to signed-in people', () => {
    expect(can(ANONYMOUS, 'read', project())).toBe(true);
    expect(can(ANONYMOUS, 'read', project({ visibility: 'members' }))).toBe(false);
    expect(can(ANONYMOUS, 'comment', project())).toBe(false);
    expect(can(person([inOrg('member', 'org-c')]), 'comment', project({ visibility: 'members' }))).toBe(true);
  });

  it('takes updates from the lead’s editors, partner organisations’ editors and team members, in person', () => {
    expect(can(person([inOrg('editor', OTHER)]), 'post-update', project())).toBe(true);
    expect(can(person([inOrg('member', OTHER)]), 'post-update', project())).toBe(false);
    expect(can(person([]), 'post-update', project({ teamUserIds: [ME] }))).toBe(true);
    expect(can(token([inOrg('member', 'org-c')], 'org-c', 'write'), 'post-update', project({ teamUserIds: [ME] }))).toBe(false);
    // Editing the project itself stays with the lead organisation.
    expect(can(person([inOrg('owner', OTHER)]), 'update', project())).toBe(false);
  });

  it('lets a team member leave the team in person, and nobody else', () => {
    expect(can(person([]), 'leave', project({ teamUserIds: [ME] }))).toBe(true);
    expect(can(person([], null, 'someone-else'), 'leave', project({ teamUserIds: [ME] }))).toBe(false);
    expect(can(token([inOrg('member')], ORG, 'write'), 'leave', project({ teamUserIds: [ME] }))).toBe(false);
  });

  it('lets coordinators look for candidates in person but not through a token', () => {
    expect(can(person([], 'coordinator'), 'find-candidates', project())).toBe(true);
    expect(can(token([inOrg('owner', 'org-c')], 'org-c', 'write', 'coordinator'), 'find-candidates', project())).toBe(false);
  });
});
