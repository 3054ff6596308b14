/**
 * Who may see which part of a person's profile. The person chooses, per part, one of three
 * audiences; the default is their own organisation. A part is never shown more widely than the
 * profile's basics (name, organisations, headline): a skill list nobody can attach to a person
 * would still be a statement about someone, and a search hit on it would reveal that the person
 * exists. The policy (src/core/policy/policy.ts, `profile-part`) decides for one viewer and one
 * part; this module holds the vocabulary and the arithmetic the search index is built with.
 */

/** Narrowest first: `organisation` (members of the person's organisations), `members` (anyone signed in), `public`. */
export const VISIBILITIES = ['organisation', 'members', 'public'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const DEFAULT_VISIBILITY: Visibility = 'organisation';

/** The parts a person sets visibility for. `basics` is who they are: without it nothing else shows. */
export const PROFILE_PARTS = ['basics', 'dutyStation', 'languages', 'skills', 'availability', 'bio', 'links'] as const;
export type ProfilePart = (typeof PROFILE_PARTS)[number];

export type PartVisibility = Readonly<Record<ProfilePart, Visibility>>;

/**
 * An audience as a rank: 0 sees parts of every visibility, 1 sees `members` and `public` parts,
 * 2 only `public` ones. A part is visible to audience `a` when rank(part) ≥ a.
 * @example rank('members') // 1
 */
export function rank(visibility: Visibility): 0 | 1 | 2 {
  return VISIBILITIES.indexOf(visibility) as 0 | 1 | 2;
}

/** The narrower of two visibilities. @example narrower('public', 'members') // 'members' */
export function narrower(a: Visibility, b: Visibility): Visibility {
  return rank(a) <= rank(b) ? a : b;
}

/** Every part at the default visibility. */
export function defaultVisibility(): PartVisibility {
  return Object.fromEntries(PROFILE_PARTS.map((part) => [part, DEFAULT_VISIBILITY])) as PartVisibility;
}

/**
 * What each part is really shown to: no part wider than the basics.
 * @example effectiveVisibility({ ...all('public'), basics: 'members' }).skills // 'members'
 */
export function effectiveVisibility(chosen: PartVisibility): PartVisibility {
  return Object.fromEntries(PROFILE_PARTS.map((part) => [part, narrower(chosen[part], chosen.basics)])) as PartVisibility;
}

/**
 * The audiences (ranks) that see the person at all: one search row is kept per audience, holding
 * only what that audience may see.
 * @example audiencesOf({ ...parts, basics: 'members' }) // [0, 1]
 */
export function audiencesOf(chosen: PartVisibility): (0 | 1 | 2)[] {
  const widest = rank(chosen.basics);
  return ([0, 1, 2] as const).filter((audience) => audience <= widest);
}

/** The parts audience `a` sees (after narrowing to the basics). */
export function partsSeenBy(chosen: PartVisibility, audience: 0 | 1 | 2): ReadonlySet<ProfilePart> {
  const effective = effectiveVisibility(chosen);
  return new Set(PROFILE_PARTS.filter((part) => rank(effective[part]) >= audience));
}
