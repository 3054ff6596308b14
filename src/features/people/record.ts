/**
 * A profile's fields between the API and the table: what the person gave (checked), the columns
 * they are stored in, and back. Visibility is stored as the person chose it; what each part is
 * really shown to is computed (effectiveVisibility), never stored, so the rule lives in one place.
 */
import type { Selectable } from 'kysely';
import {
  PROFILE_PARTS,
  defaultVisibility,
  type AvailabilityPeriod,
  type CompetenceSkill,
  type LanguageLevel,
  type LanguageSkill,
  type PartVisibility,
  type Proficiency,
  type Visibility,
} from '../../core/people/index.js';
import type { ProfilesTable } from '../../db/schema.js';
import type { ProfileInput } from './schemas.js';

export type ProfileRow = Selectable<ProfilesTable>;

export interface ProfileFields {
  readonly name: string;
  readonly headline: string | null;
  readonly dutyStation: { readonly country: string; readonly city: string | null } | null;
  readonly languages: readonly LanguageSkill[];
  readonly topics: readonly string[];
  readonly digcomp: readonly CompetenceSkill[];
  readonly esco: readonly string[];
  readonly expertise: readonly string[];
  readonly availability: readonly AvailabilityPeriod[];
  readonly bio: { readonly text: string; readonly language: string } | null;
  readonly links: readonly { readonly url: string; readonly label: string | null }[];
  readonly visibility: PartVisibility;
}

/** The fields of a checked PUT body; parts without a visibility get the default. */
export function fieldsOfInput(input: ProfileInput): ProfileFields {
  const visibility = { ...defaultVisibility() } as Record<string, Visibility>;
  for (const part of PROFILE_PARTS) {
    const chosen = input.visibility[part];
    if (chosen) visibility[part] = chosen;
  }
  return {
    name: input.name,
    headline: input.headline,
    dutyStation: input.dutyStation,
    languages: input.languages,
    topics: input.topics,
    digcomp: input.digcomp.map((c) => ({ code: c.code, level: c.level as Proficiency })),
    esco: input.esco,
    expertise: input.expertise,
    availability: input.availability,
    bio: input.bio,
    links: input.links,
    visibility: visibility as PartVisibility,
  };
}

export function fieldsOfRow(row: ProfileRow): ProfileFields {
  const visibility = { ...defaultVisibility(), ...row.visibility } as PartVisibility;
  return {
    name: row.name,
    headline: row.headline,
    dutyStation: row.duty_station ? { country: row.duty_station, city: row.duty_station_city } : null,
    languages: row.languages.map((l) => ({ code: l.code, level: l.level as LanguageLevel })),
    topics: row.topics,
    digcomp: row.digcomp.map((c) => ({ code: c.code, level: c.level as Proficiency })),
    esco: row.esco,
    expertise: row.expertise,
    availability: row.availability,
    bio: row.bio && row.bio_language ? { text: row.bio, language: row.bio_language } : null,
    links: row.links,
    visibility,
  };
}

/** The columns of `fields` (the caller adds user_id, demo and the bookkeeping). */
export function columnsOf(fields: ProfileFields) {
  return {
    name: fields.name,
    headline: fields.headline,
    duty_station: fields.dutyStation?.country ?? null,
    duty_station_city: fields.dutyStation?.city ?? null,
    languages: JSON.stringify(fields.languages),
    topics: [...fields.topics],
    digcomp: JSON.stringify(fields.digcomp),
    esco: [...fields.esco],
    expertise: [...fields.expertise],
    availability: JSON.stringify(fields.availability),
    bio: fields.bio?.text ?? null,
    bio_language: fields.bio?.language ?? null,
    links: JSON.stringify(fields.links),
    visibility: JSON.stringify(fields.visibility),
  };
}
