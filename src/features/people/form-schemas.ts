/**
 * The profile form of /me/profile for the forms stage, validated by the schema of
 * `PUT /api/v1/me/profile` (ProfileInputSchema), so the page and the API accept exactly the same
 * profile. A page cannot post lists, so each list is a row of fields (`lang0`/`level0` …, a
 * checkbox per topic, a level per DigComp competence, one link per line) that `profileInput` turns
 * into the API's shape; ESCO skills, which the page does not edit, travel in a hidden field.
 */
import { LANGUAGE_LEVELS, PROFILE_PARTS, type ProfilePart, type Visibility } from '../../core/people/index.js';
import type { FormSpec, Posted } from '../../platform/forms/index.js';
import { ProfileInputSchema, type OwnProfile, type ProfileInput } from './schemas.js';

/** Language rows and availability rows the form shows. */
export const LANGUAGE_ROWS = 5;
export const AVAILABILITY_ROWS = 2;

const blank = (value: string | undefined) => value === undefined || value.trim() === '';
const trimmed = (value: string | undefined) => (blank(value) ? null : value!.trim());
const listOf = (value: string | undefined, separator: RegExp) =>
  (value ?? '')
    .split(separator)
    .map((v) => v.trim())
    .filter(Boolean);

/** The posted form as the API's body. */
export function profileInput(posted: Posted): unknown {
  const languages = Array.from({ length: LANGUAGE_ROWS }, (_, i) => ({ code: trimmed(posted[`lang${i}`]), level: posted[`level${i}`] }))
    .filter((l) => l.code !== null)
    .map((l) => ({ code: l.code!.toLowerCase(), level: l.level }));
  const availability = Array.from({ length: AVAILABILITY_ROWS }, (_, i) => ({
    share: posted[`share${i}`],
    from: trimmed(posted[`from${i}`]),
    to: trimmed(posted[`to${i}`]),
  }))
    .filter((a) => !blank(a.share) || a.from !== null || a.to !== null)
    .map((a) => ({ share: blank(a.share) ? Number.NaN : Number(a.share), from: a.from ?? '', to: a.to }));
  const prefixed = (prefix: string) => Object.keys(posted).filter((k) => k.startsWith(prefix) && !blank(posted[k]));
  const country = trimmed(posted['country']);
  const bio = trimmed(posted['bio']);
  const visibility = Object.fromEntries(
    PROFILE_PARTS.flatMap((part) => (blank(posted[`vis-${part}`]) ? [] : [[part, posted[`vis-${part}`]]])),
  );
  return {
    version: Number(posted['version'] ?? '0'),
    ...(blank(posted['consent']) ? {} : { consentToNotice: posted['consent'] }),
    name: (posted['name'] ?? '').trim(),
    headline: trimmed(posted['headline']),
    dutyStation: country ? { country: country.toUpperCase(), city: trimmed(posted['city']) } : null,
    languages,
    topics: prefixed('topic-').map((k) => k.slice('topic-'.length)),
    digcomp: prefixed('dc-').map((k) => ({ code: k.slice('dc-'.length), level: Number(posted[k]) })),
    esco: listOf(posted['esco'], /[\s,]+/),
    expertise: listOf(posted['expertise'], /[,;\n]/),
    availability,
    bio: bio ? { text: bio, language: posted['bioLanguage'] ?? '' } : null,
    links: listOf(posted['links'], /\s*\n\s*/).map((url) => ({ url, label: null })),
    visibility,
  };
}

/** The posted fields that show a saved profile (the form's first values). */
export function postedOf(profile: OwnProfile | undefined): Posted {
  if (!profile) return { version: '0' };
  const values: Record<string, string> = {
    version: String(profile.version),
    name: profile.name,
    headline: profile.headline ?? '',
    country: profile.dutyStation?.country ?? '',
    city: profile.dutyStation?.city ?? '',
    esco: profile.skills.esco.join(','),
    expertise: profile.skills.expertise.join(', '),
    bio: profile.bio?.text ?? '',
    bioLanguage: profile.bio?.language ?? '',
    links: profile.links.map((l) => l.url).join('\n'),
  };
  profile.languages.forEach((l, i) => {
    values[`lang${i}`] = l.code;
    values[`level${i}`] = l.level;
  });
  profile.availability.slice(0, AVAILABILITY_ROWS).forEach((a, i) => {
    values[`share${i}`] = String(a.share);
    values[`from${i}`] = a.from;
    values[`to${i}`] = a.to ?? '';
  });
  for (const code of profile.skills.topics) values[`topic-${code}`] = 'on';
  for (const c of profile.skills.digcomp) values[`dc-${c.code}`] = String(c.level);
  for (const part of PROFILE_PARTS) values[`vis-${part}`] = profile.visibility[part];
  return values;
}

/** The visibility a part's select shows: what is posted or saved, else the default (own organisation). */
export function visibilityOf(values: Posted, part: ProfilePart): Visibility {
  const value = values[`vis-${part}`];
  return value === 'public' || value === 'members' ? value : 'organisation';
}

export const LEVELS = LANGUAGE_LEVELS;

export const PROFILE_FORM: FormSpec<ProfileInput> = {
  schema: ProfileInputSchema,
  input: profileInput,
  fields: {
    consentToNotice: { label: 'people.form.consent', id: 'consent' },
    name: { label: 'people.form.name' },
    headline: { label: 'people.form.headline' },
    dutyStation: { label: 'people.form.country', id: 'country' },
    languages: { label: 'people.part.languages', id: 'lang0' },
    topics: { label: 'people.form.topics', id: 'topics' },
    digcomp: { label: 'people.form.digcomp', id: 'digcomp' },
    expertise: { label: 'people.form.expertise', id: 'expertise' },
    esco: { label: 'people.form.esco', id: 'expertise' },
    availability: { label: 'people.part.availability', id: 'share0' },
    bio: { label: 'people.part.bio', id: 'bio' },
    links: { label: 'people.part.links', id: 'links' },
    visibility: { label: 'people.form.visibility', id: 'vis-basics' },
    version: { label: 'people.form.name', id: 'name' },
  },
};
