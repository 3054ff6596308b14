/**
 * The one access policy of the platform: `can(actor, action, resource)`.
 * Every route and page asks it; nothing else decides who may see or change
 * what. It is pure (no database, no HTTP): callers load the resource's owning
 * organisation and flags first, then ask.
 *
 * Rules, in order:
 * 1. Default deny: an action not granted below is refused.
 * 2. An API token acts only for its organisation: its other memberships and
 *    any platform role of its creator do not count, and personal actions
 *    (own account, creating organisations, accepting invitations) need a person
 *    signed in with a session.
 * 3. A token with scope `read` cannot perform any write action.
 * 4. Profiles are personal data under the person's control: each part is seen by the audience
 *    the person chose for it (public; signed-in members; the person's own organisations) and by
 *    the person. Coordinators and admins have no wider view: matching and moderation work on what
 *    people chose to show, and nobody's platform role overrides their consent.
 */
import {
  EDITABLE_NEED_STATUSES,
  EDITABLE_OFFERING_STATUSES,
  NEED_TRANSITIONS,
  OFFERING_TRANSITIONS,
  transitionOf,
  type NeedStatus,
  type NeedTransition,
  type OfferingStatus,
  type OfferingTransition,
  type Transition,
} from '../capacity/workflow.js';
import type { Visibility } from '../people/visibility.js';
import { MATCH_SIDES, matchTransitionOf, sideSees, type MatchSide, type MatchStatus, type MatchTransition } from '../matching/workflow.js';
import type { Actor, Membership, OrganisationRole, PlatformRole } from './actor.js';

/** What `can` decides about; each type names the facts the rule needs. */
export type Resource =
  /** The collection of organisations: list, create. */
  | { readonly type: 'organisations' }
  | { readonly type: 'organisation'; readonly id: string }
  | { readonly type: 'membership'; readonly organisationId: string; readonly userId: string }
  | { readonly type: 'invitation'; readonly organisationId: string }
  /** An organisation's outgoing webhooks and their delivery log (issue 12). */
  | { readonly type: 'webhook'; readonly organisationId: string }
  | { readonly type: 'audit-log' }
  /** Mail kept when SMTP is not configured (verification links, invitations). */
  | { readonly type: 'outbox' }
  /** A person's own account and personal data. */
  | { readonly type: 'account'; readonly userId: string }
  | { readonly type: 'taxonomy' }
  /**
   * Any record a later feature stores (offering, need, project, profile …):
   * owned by one organisation, published or not, possibly shared with others.
   */
  | {
      readonly type: 'record';
      readonly ownerOrganisationId: string;
      readonly published: boolean;
      readonly sharedWithOrganisationIds?: readonly string[];
    }
  /**
   * A provider's offering in its review status (src/core/capacity/workflow.ts): published
   * offerings are public; drafts and those in review or archived are its organisation's and
   * the coordinators'. Transitions are actions, allowed by the workflow's table.
   */
  | { readonly type: 'offering'; readonly ownerOrganisationId: string; readonly status: OfferingStatus }
  /** A requester's need: `public` for everyone, `members` for signed-in people only. */
  | {
      readonly type: 'need';
      readonly ownerOrganisationId: string;
      readonly status: NeedStatus;
      readonly visibility: 'public' | 'members';
    }
  /** A person's own profile as a whole: to see all of it with its settings, change or delete it. */
  | { readonly type: 'profile'; readonly userId: string }
  /**
   * One part of a person's profile (src/core/people/visibility.ts), at the visibility the person
   * chose for it, narrowed to that of the basics, with the organisations the person belongs to.
   */
  | {
      readonly type: 'profile-part';
      readonly ownerUserId: string;
      readonly organisationIds: readonly string[];
      readonly visibility: Visibility;
    }
  /** A project or initiative, owned by its lead organisation; partners and team take part in it. */
  | {
      readonly type: 'project';
      readonly ownerOrganisationId: string;
      readonly partnerOrganisationIds: readonly string[];
      readonly teamUserIds: readonly string[];
      readonly visibility: 'public' | 'members';
    }
  /**
   * A match between a need and an offering (src/core/matching/workflow.ts): each side's editors and
   * owners act for it (the requester: the need's organisation; the provider: the offering's); any
   * member of either side reads it, except a shortlist, which is the requester's own; coordinators
   * and admins read every match. `rated` says which sides have rated a delivered match.
   */
  | {
      readonly type: 'match';
      readonly requesterOrganisationId: string;
      readonly providerOrganisationId: string;
      readonly status: MatchStatus;
      readonly rated?: { readonly requester: boolean; readonly provider: boolean };
    };

export type ResourceType = Resource['type'];

/** The actions each resource type knows. An action not listed cannot be asked. */
export interface ActionsOf {
  organisations: 'list' | 'create';
  organisation: 'read' | 'update' | 'verify' | 'map-domains' | 'read-members' | 'manage-members' | 'add-member' | 'delete' | 'create-token';
  membership: 'update-role' | 'remove';
  invitation: 'read' | 'create' | 'revoke' | 'accept';
  'audit-log': 'read' | 'export';
  outbox: 'read';
  account: 'read' | 'export' | 'delete' | 'manage-tokens' | 'disable-two-factor' | 'manage-alerts';
  taxonomy: 'read' | 'curate';
  record: 'read' | 'create' | 'update' | 'delete' | 'publish';
  offering: 'read' | 'create' | 'update' | OfferingTransition;
  need: 'read' | 'create' | 'update' | NeedTransition;
  profile: 'read' | 'update' | 'delete';
  'profile-part': 'read';
  project: 'read' | 'create' | 'update' | 'post-update' | 'comment' | 'find-candidates' | 'leave';
  match: 'read' | 'create' | 'comment' | 'rate' | MatchTransition;
  webhook: 'read' | 'manage';
}

export type Action<R extends Resource = Resource> = ActionsOf[R['type']];

/** Actions that read; every other action writes and is refused to read-scoped tokens. */
const READS: ReadonlySet<string> = new Set(['list', 'read', 'read-members', 'export']);

/** True for an action that only reads. @example isReadAction('read-members') // true */
export function isReadAction(action: string): boolean {
  return READS.has(action);
}

type UserActor = Extract<Actor, { kind: 'user' }>;

/**
 * Whether an account with this platform role must sign in with a second factor.
 * Not a `can()` question — at sign-in there is no actor yet — but a rule about
 * roles all the same, so it lives here beside the others.
 * @example secondFactorRequired('coordinator') // true
 */
export function secondFactorRequired(platformRole: PlatformRole | null): boolean {
  return platformRole !== null;
}

/**
 * May `actor` do `action` to `resource`? Default deny.
 * @example can(actor, 'update', { type: 'organisation', id }) // true for its owners and admins
 */
export function can<R extends Resource>(actor: Actor, action: ActionsOf[R['type']], resource: R): boolean {
  if (actor.kind === 'user' && actor.via.kind === 'token' && actor.via.scope === 'read' && !isReadAction(action)) return false;
  const rule = RULES[resource.type] as ((actor: Actor, action: string, resource: R) => boolean) | undefined;
  return rule !== undefined && rule(actor, action, resource) === true;
}

/** What counts for a decision: a token sees only its organisation and no platform role. */
function effective(actor: UserActor): {
  admin: boolean;
  coordinator: boolean;
  roleIn: (organisationId: string) => OrganisationRole | undefined;
  session: boolean;
} {
  const viaToken = actor.via.kind === 'token' ? actor.via : undefined;
  const memberships: readonly Membership[] = viaToken
    ? actor.memberships.filter((m) => m.organisationId === viaToken.organisationId)
    : actor.memberships;
  return {
    admin: !viaToken && actor.platformRole === 'admin',
    coordinator: !viaToken && actor.platformRole === 'coordinator',
    roleIn: (organisationId) => memberships.find((m) => m.organisationId === organisationId)?.role,
    session: !viaToken,
  };
}

const isOwner = (role: OrganisationRole | undefined) => role === 'owner';
const isEditorOrOwner = (role: OrganisationRole | undefined) => role === 'owner' || role === 'editor';

/**
 * A workflow transition is allowed when it applies from the current status and the actor is one
 * of its takers: the record's organisation (`owner`: editors and owners, and admins) or a coordinator (and admins).
 */
function mayTake<S extends string>(
  transition: Transition<S> | undefined,
  status: S,
  takers: { owner: boolean; coordinator: boolean },
): boolean {
  if (!transition || !transition.from.includes(status)) return false;
  return (transition.by.includes('owner') && takers.owner) || (transition.by.includes('coordinator') && takers.coordinator);
}

const organisationOfSide = (resource: { requesterOrganisationId: string; providerOrganisationId: string }, side: MatchSide) =>
  side === 'requester' ? resource.requesterOrganisationId : resource.providerOrganisationId;

/**
 * The sides of a match an actor acts for: those whose organisation it is an editor or owner of
 * (an API token: only its own organisation). Admins and coordinators read every match but act
 * for no side they are not a member of: a match is an agreement between two organisations.
 * @example matchSidesOf(providerEditor, { type: 'match', … }) // ['provider']
 */
export function matchSidesOf(
  actor: Actor,
  resource: { readonly requesterOrganisationId: string; readonly providerOrganisationId: string },
): MatchSide[] {
  if (actor.kind !== 'user') return [];
  const e = effective(actor);
  return MATCH_SIDES.filter((side) => isEditorOrOwner(e.roleIn(organisationOfSide(resource, side))));
}

type Rule<T extends ResourceType> = (actor: Actor, action: ActionsOf[T], resource: Extract<Resource, { type: T }>) => boolean;

const RULES: { [T in ResourceType]: Rule<T> } = {
  organisations(actor, action) {
    if (action === 'list') return true;
    if (actor.kind !== 'user') return false;
    const e = effective(actor);
    // A token acts for the organisation it was made for; founding another is a person's act.
    return action === 'create' && e.session;
  },

  organisation(actor, action, { id }) {
    if (action === 'read') return true;
    if (actor.kind !== 'user') return false;
    const e = effective(actor);
    const role = e.roleIn(id);
    switch (action) {
      case 'update':
      case 'manage-members':
      case 'delete':
        return e.admin || isOwner(role);
      case 'verify':
      // Mapping an e-mail domain enrols every single-sign-on user of that domain:
      // it is a moderation act, not something an organisation grants itself.
      case 'map-domains':
        return e.admin || e.coordinator;
      case 'read-members':
        return e.admin || e.coordinator || role !== undefined;
      // Adding someone without their accepting an invitation is for bootstrapping only.
      case 'add-member':
        return e.admin;
      // A token acts as its maker's membership, so only a member may make one, in person;
      // an admin who is not a member cannot mint a token for somebody else's organisation.
      case 'create-token':
        return e.session && role !== undefined;
      default:
        return false;
    }
  },

  membership(actor, action, { organisationId, userId }) {
    if (actor.kind !== 'user') return false;
    const e = effective(actor);
    const manages = e.admin || isOwner(e.roleIn(organisationId));
    if (action === 'update-role') return manages;
    // Anyone may leave an organisation themselves, in person.
    if (action === 'remove') return manages || (e.session && actor.userId === userId && e.roleIn(organisationId) !== undefined);
    return false;
  },

  invitation(actor, action, { organisationId }) {
    if (actor.kind !== 'user') return false;
    const e = effective(actor);
    if (action === 'accept') return e.session;
    if (action === 'read' || action === 'create' || action === 'revoke') return e.admin || isOwner(e.roleIn(organisationId));
    return false;
  },

  'audit-log'(actor, action) {
    if (actor.kind !== 'user') return false;
    return (action === 'read' || action === 'export') && effective(actor).admin;
  },

  outbox(actor, action) {
    if (actor.kind !== 'user') return false;
    // Mail holds links that sign people up and in: admins only, in person.
    return action === 'read' && effective(actor).admin;
  },

  account(actor, action, { userId }) {
    if (actor.kind !== 'user') return false;
    // Personal data and credentials go to the person, in person: never to a program holding an organisation's token.
    if (!effective(actor).session || actor.userId !== userId) return false;
    switch (action) {
      case 'read':
      case 'export':
      case 'delete':
      case 'manage-tokens':
      // Saved searches and their alerts say what a person watches: theirs alone, in person.
      case 'manage-alerts':
        return true;
      // Admins and coordinators must keep their second factor.
      case 'disable-two-factor':
        return !secondFactorRequired(actor.platformRole);
      default:
        return false;
    }
  },

  taxonomy(actor, action) {
    if (action === 'read') return true;
    if (actor.kind !== 'user') return false;
    const e = effective(actor);
    return action === 'curate' && (e.admin || e.coordinator);
  },

  record(actor, action, resource) {
    const { ownerOrganisationId, published } = resource;
    if (action === 'read' && published) return true;
    if (actor.kind !== 'user') return false;
    const e = effective(actor);
    const role = e.roleIn(ownerOrganisationId);
    switch (action) {
      case 'read':
        // Coordinators moderate, so they see drafts in review too.
        return (
          e.admin ||
          e.coordinator ||
          role !== undefined ||
          (resource.sharedWithOrganisationIds ?? []).some((id) => e.roleIn(id) !== undefined)
        );
      case 'create':
      case 'update':
      case 'delete':
      case 'publish':
        return e.admin || isEditorOrOwner(role);
      default:
        return false;
    }
  },

  offering(actor, action, resource) {
    if (action === 'read' && resource.status === 'published') return true;
    if (actor.kind !== 'user') return false;
    const e = effective(actor);
    const role = e.roleIn(resource.ownerOrganisationId);
    const takers = { owner: e.admin || isEditorOrOwner(role), coordinator: e.admin || e.coordinator };
    switch (action) {
      // Coordinators review, so they see drafts and offerings in review too.
      case 'read':
        return e.admin || e.coordinator || role !== undefined;
      case 'create':
        return takers.owner && resource.status === 'draft';
      case 'update':
        return takers.owner && EDITABLE_OFFERING_STATUSES.includes(resource.status);
      default:
        return mayTake(transitionOf(OFFERING_TRANSITIONS, action), resource.status, takers);
    }
  },

  need(actor, action, resource) {
    if (action === 'read') return resource.visibility === 'public' || actor.kind === 'user';
    if (actor.kind !== 'user') return false;
    const e = effective(actor);
    const role = e.roleIn(resource.ownerOrganisationId);
    const takers = { owner: e.admin || isEditorOrOwner(role), coordinator: e.admin || e.coordinator };
    switch (action) {
      case 'create':
        return takers.owner && resource.status === 'open';
      case 'update':
        return takers.owner && EDITABLE_NEED_STATUSES.includes(resource.status);
      default:
        return mayTake(transitionOf(NEED_TRANSITIONS, action), resource.status, takers);
    }
  },
  // The person, in person (not a program holding an organisation's token): their own full profile.
  profile(actor, action, { userId }) {
    if (actor.kind !== 'user') return false;
    if (!effective(actor).session || actor.userId !== userId) return false;
    return action === 'read' || action === 'update' || action === 'delete';
  },

  // Rule 4: a part is shown to its audience and to the person; platform roles add nothing.
  'profile-part'(actor, action, { ownerUserId, organisationIds, visibility }) {
    if (action !== 'read') return false;
    if (visibility === 'public') return true;
    if (actor.kind !== 'user') return false;
    if (visibility === 'members') return true;
    const e = effective(actor);
    if (e.session && actor.userId === ownerUserId) return true;
    return organisationIds.some((id) => e.roleIn(id) !== undefined);
  },

  project(actor, action, resource) {
    const readable = resource.visibility === 'public' || actor.kind === 'user';
    if (action === 'read') return readable;
    if (actor.kind !== 'user') return false;
    const e = effective(actor);
    const lead = e.admin || isEditorOrOwner(e.roleIn(resource.ownerOrganisationId));
    switch (action) {
      case 'create':
      case 'update':
        return lead;
      // Updates come from those doing the work: the lead, partner organisations' editors and the team.
      case 'post-update':
        return (
          lead ||
          resource.partnerOrganisationIds.some((id) => isEditorOrOwner(e.roleIn(id))) ||
          (e.session && resource.teamUserIds.includes(actor.userId))
        );
      case 'comment':
        return readable;
      // Candidates are people; the list only holds what the asker may see of them anyway.
      case 'find-candidates':
        return lead || e.coordinator;
      // A person on the team may leave it, in person.
      case 'leave':
        return e.session && resource.teamUserIds.includes(actor.userId);
      default:
        return false;
    }
  },

  match(actor, action, resource) {
    if (actor.kind !== 'user') return false;
    const e = effective(actor);
    const { status } = resource;
    const sides = matchSidesOf(actor, resource);
    switch (action) {
      case 'read':
        return (
          e.admin ||
          e.coordinator ||
          MATCH_SIDES.some((side) => sideSees(status, side) && e.roleIn(organisationOfSide(resource, side)) !== undefined)
        );
      // A shortlist is started by the requester's side, a proposal by the provider's.
      case 'create':
        return (status === 'shortlisted' && sides.includes('requester')) || (status === 'proposed' && sides.includes('provider'));
      case 'comment':
        return sides.some((side) => sideSees(status, side));
      // Once per side, after delivery.
      case 'rate':
        return status === 'delivered' && sides.some((side) => !(resource.rated?.[side] ?? false));
      default: {
        const rule = matchTransitionOf(action);
        return rule !== undefined && rule.from.includes(status) && sides.some((side) => rule.by.includes(side) && sideSees(status, side));
      }
    }
  },

  // An organisation's owners (and admins) see its webhooks and their log; registering, removing
  // and testing one is done in person: its secret is shown once, to someone signed in.
  webhook(actor, action, { organisationId }) {
    if (actor.kind !== 'user') return false;
    const e = effective(actor);
    const allowed = e.admin || isOwner(e.roleIn(organisationId));
    return action === 'read' ? allowed : allowed && e.session;
  },
};
