/**
 * What a viewer may see of people, asked of the policy (`profile-part` in
 * src/core/policy/policy.ts) rather than decided here: the widest audience rank they get from
 * anyone (2 anonymous, 1 signed in), the organisations whose members show them their
 * organisation-only parts, and whether they see their own profile whole. The finder turns this
 * into the rows the viewer may search (finder.ts); a single profile asks the policy part by part.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../../core/policy/actor.js';
import { can } from '../../core/policy/policy.js';
import { PROFILE_PARTS, effectiveVisibility, type PartVisibility, type ProfilePart } from '../../core/people/index.js';

/** Ids no record has: asks the policy about "anyone but the viewer" and "any organisation but theirs". */
const NOBODY = '00000000-0000-0000-0000-000000000000';

export interface ViewerScope {
  /** The audience rank they have towards people they share no organisation with. */
  readonly floor: 1 | 2;
  /** Organisations whose members show the viewer their organisation-only parts. */
  readonly organisationIds: readonly string[];
  /** The viewer's user id when they see their own profile whole. */
  readonly self: string | null;
}

/** @example viewerScope(ANONYMOUS) // { floor: 2, organisationIds: [], self: null } */
export function viewerScope(actor: Actor): ViewerScope {
  const part = (ownerUserId: string, organisationIds: string[], visibility: 'members' | 'organisation') =>
    can(actor, 'read', { type: 'profile-part', ownerUserId, organisationIds, visibility });
  const floor = part(NOBODY, [NOBODY], 'members') ? 1 : 2;
  const organisationIds =
    actor.kind === 'user' ? actor.memberships.map((m) => m.organisationId).filter((id) => part(NOBODY, [id], 'organisation')) : [];
  const self = actor.kind === 'user' && part(actor.userId, [], 'organisation') ? actor.userId : null;
  return { floor, organisationIds, self };
}

/**
 * The rows of profile_search the viewer may read: per person, the row of the widest audience
 * they belong to (their organisations' or their own: rank 0; else their floor). One row per
 * person, so nobody is counted twice.
 *
 * Each row carries the person's organisations (`organisation_ids`, kept from `memberships` by
 * triggers, migration 940), so the test is a cheap array overlap per row: a walk of the
 * listed_at index (or of a filter's index) stops after the rows it needs, where a semi-join on
 * memberships made PostgreSQL read and sort every row of the table.
 */
export function visibleRows(scope: ViewerScope, table = 'profile_search'): RawBuilder<unknown> {
  const user = sql.ref(`${table}.user_id`);
  const audience = sql.ref(`${table}.audience`);
  const organisations = sql.ref(`${table}.organisation_ids`);
  const close =
    scope.organisationIds.length > 0
      ? sql`(${organisations} && ${[...scope.organisationIds]}::uuid[]${scope.self ? sql` or ${user} = ${scope.self}::uuid` : sql``})`
      : scope.self
        ? sql`${user} = ${scope.self}::uuid`
        : undefined;
  // The rank as a literal, written as the partial indexes' predicates are (`audience = 2`, `audience < 2`, migrations
  // 941 and 970): a bound parameter is a different expression to the planner, which then counts the audience twice
  // and AND-s the partial index's bitmap with a scan of another index for every row of that audience.
  const floor = sql.lit(scope.floor);
  if (!close) return sql`${audience} = ${floor}`;
  return sql`((${audience} = 0 and ${close}) or (${audience} = ${floor} and not ${close}))`;
}

/**
 * The parts of one profile the viewer may see, asked of the policy part by part.
 * @example partsVisibleTo(actor, ownerId, ['org-a'], visibility) // Set { 'basics', 'skills' }
 */
export function partsVisibleTo(
  actor: Actor,
  ownerUserId: string,
  organisationIds: readonly string[],
  chosen: PartVisibility,
): ReadonlySet<ProfilePart> {
  const effective = effectiveVisibility(chosen);
  return new Set(
    PROFILE_PARTS.filter((part) => can(actor, 'read', { type: 'profile-part', ownerUserId, organisationIds, visibility: effective[part] })),
  );
}

/** The audience rank a viewer has towards one person, for presenting a finder row's parts. */
export function audienceOf(scope: ViewerScope, userId: string, sharedOrganisation: boolean): 0 | 1 | 2 {
  return sharedOrganisation || scope.self === userId ? 0 : scope.floor;
}
