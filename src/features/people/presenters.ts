/**
 * The only way profiles leave the server. A person sees their own profile whole, with its
 * visibility settings and consent; anyone else sees the parts shown to them, the others null and
 * named in `hidden`. Generated demo profiles say so.
 */
import { PROFILE_PARTS, effectiveVisibility, type ProfilePart } from '../../core/people/index.js';
import { fieldsOfRow, type ProfileRow } from './record.js';
import type { ConsentRow, OrganisationRef } from './repository.js';
import type { OwnProfile, Person, PersonSummary } from './schemas.js';

/** Shown with every generated record. */
export const DEMO_NOTICE = 'generated demo data';

/** The version of the profile notice (what the platform does with a profile, on /privacy) a person agrees to. */
export const PROFILE_NOTICE = { version: '2026-11-30', url: '/privacy#profiles' } as const;

export function presentOwnProfile(row: ProfileRow, organisations: readonly OrganisationRef[], consents: readonly ConsentRow[]): OwnProfile {
  const fields = fieldsOfRow(row);
  const given = consents.filter((c) => c.event === 'given').at(-1);
  return {
    id: row.user_id,
    version: row.version,
    name: fields.name,
    headline: fields.headline,
    organisations: [...organisations],
    dutyStation: fields.dutyStation ? { ...fields.dutyStation } : null,
    languages: fields.languages.map((l) => ({ ...l })),
    skills: {
      topics: [...fields.topics],
      digcomp: fields.digcomp.map((c) => ({ ...c })),
      esco: [...fields.esco],
      expertise: [...fields.expertise],
    },
    availability: fields.availability.map((a) => ({ ...a })),
    bio: fields.bio ? { ...fields.bio } : null,
    links: fields.links.map((l) => ({ ...l })),
    visibility: { ...fields.visibility },
    effectiveVisibility: effectiveVisibility(fields.visibility),
    consent: {
      noticeVersion: given?.noticeVersion ?? '',
      givenAt: given?.at.toISOString() ?? '',
      current: given?.noticeVersion === PROFILE_NOTICE.version,
    },
    notice: { ...PROFILE_NOTICE },
    demo: row.demo,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * The profile as a viewer who sees `seen` (which always holds `basics`, or the person is not shown at all).
 * @example presentPerson(row, orgs, new Set(['basics', 'skills'])).languages // null
 */
export function presentPerson(row: ProfileRow, organisations: readonly OrganisationRef[], seen: ReadonlySet<ProfilePart>): Person {
  const fields = fieldsOfRow(row);
  const show = <T>(part: ProfilePart, value: () => T): T | null => (seen.has(part) ? value() : null);
  return {
    id: row.user_id,
    name: fields.name,
    headline: fields.headline,
    organisations: [...organisations],
    dutyStation: show('dutyStation', () => (fields.dutyStation ? { ...fields.dutyStation } : null)),
    languages: show('languages', () => fields.languages.map((l) => ({ ...l }))),
    skills: show('skills', () => ({
      topics: [...fields.topics],
      digcomp: fields.digcomp.map((c) => ({ ...c })),
      esco: [...fields.esco],
      expertise: [...fields.expertise],
    })),
    availability: show('availability', () => fields.availability.map((a) => ({ ...a }))),
    bio: show('bio', () => (fields.bio ? { ...fields.bio } : null)),
    links: show('links', () => fields.links.map((l) => ({ ...l }))),
    hidden: PROFILE_PARTS.filter((part) => !seen.has(part)),
    demo: row.demo,
    notice: row.demo ? DEMO_NOTICE : null,
  };
}

export function presentPersonSummary(
  row: ProfileRow,
  organisations: readonly OrganisationRef[],
  seen: ReadonlySet<ProfilePart>,
): PersonSummary {
  const { bio: _bio, links: _links, ...summary } = presentPerson(row, organisations, seen);
  return summary;
}
