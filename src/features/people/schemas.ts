/**
 * Request and response schemas of the people API (OpenAPI is generated from them): a person's
 * own profile with its visibility per part and the consent recorded, the profile as another
 * person sees it (hidden parts are null and named in `hidden`), and the expert finder's query
 * and page. List sizes are bounded, so that no profile is a dump.
 */
import { z } from '@hono/zod-openapi';
import { PROFILE_PARTS, VISIBILITIES } from '../../core/people/index.js';
import {
  CompetenceSkillSchema,
  DateSchema,
  EscoCodeSchema,
  Iso3Schema,
  LanguageCodeSchema,
  LanguageSkillSchema,
  ShareSchema,
  TopicCodeSchema,
  UrlSchema,
  distinctList,
  optionalText,
  text,
} from './fields.js';

export const VisibilitySchema = z
  .enum(VISIBILITIES)
  .openapi({ description: 'organisation: members of your organisations; members: anyone signed in; public: everyone' });

export const PartVisibilitySchema = z
  .strictObject(
    Object.fromEntries(PROFILE_PARTS.map((part) => [part, VisibilitySchema])) as Record<
      (typeof PROFILE_PARTS)[number],
      typeof VisibilitySchema
    >,
  )
  .openapi('PartVisibility', {
    description:
      'Who sees each part. No part is shown more widely than `basics` (name, headline, organisations): without them nothing shows.',
  });

const VisibilityInputSchema = z
  .strictObject(
    Object.fromEntries(PROFILE_PARTS.map((part) => [part, VisibilitySchema.optional()])) as Record<
      (typeof PROFILE_PARTS)[number],
      z.ZodOptional<typeof VisibilitySchema>
    >,
  )
  .openapi({ description: 'Parts not named stay visible to your organisation only (the default)' });

export const AvailabilitySchema = z
  .strictObject({
    share: ShareSchema,
    from: DateSchema,
    to: DateSchema.nullable().openapi({ description: 'Last day, or null for open-ended' }),
  })
  .refine((a) => a.to === null || a.to >= a.from, { message: 'ends before it starts', path: ['to'] })
  .openapi('Availability');

export const LinkSchema = z.strictObject({ url: UrlSchema, label: optionalText(100) }).openapi('ProfileLink');

export const DutyStationSchema = z
  .strictObject({ country: Iso3Schema, city: optionalText(100) })
  .openapi('DutyStation', { description: 'Where the person works from' });

const BioSchema = z.strictObject({ text: text(1, 2000, { multiline: true }), language: LanguageCodeSchema }).openapi('Bio');

const profileFields = {
  name: text(1, 200).openapi({ example: 'Amina Diallo' }),
  headline: optionalText(200).openapi({ example: 'Spectrum policy adviser' }),
  dutyStation: DutyStationSchema.nullable()
    .optional()
    .transform((v) => v ?? null),
  languages: distinctList(LanguageSkillSchema, 20, (l) => l.code).openapi({ description: 'Languages with level; at most 20' }),
  topics: distinctList(TopicCodeSchema, 10).openapi({ description: 'What your work is about; at most 10' }),
  digcomp: distinctList(CompetenceSkillSchema, 21, (c) => c.code).openapi({
    description: 'DigComp 2.2 competences (not areas) with proficiency 1–8; at most 21',
  }),
  esco: distinctList(EscoCodeSchema, 30).openapi({ description: 'ESCO digital skills; at most 30' }),
  expertise: distinctList(text(2, 80), 10, (e) => e.toLowerCase()).openapi({
    description: 'Areas of expertise in your words; at most 10 of up to 80 characters',
    example: ['spectrum auctions'],
  }),
  availability: z.array(AvailabilitySchema).max(10, 'at most 10').openapi({ description: 'When and how much you are available' }),
  bio: BioSchema.nullable()
    .optional()
    .transform((v) => v ?? null),
  links: distinctList(LinkSchema, 10, (l) => l.url).openapi({ description: 'http(s) links; at most 10' }),
};

export const ProfileInputSchema = z
  .strictObject({
    version: z.number().int().min(0).openapi({ description: '0 to create your profile; else the version you edited (409 when stale)' }),
    consentToNotice: z.string().max(40).optional().openapi({
      description: 'The version of the profile notice you agree to (see GET /api/v1/me/profile `notice`); needed once per notice version',
    }),
    ...profileFields,
    languages: profileFields.languages.default([]),
    topics: profileFields.topics.default([]),
    digcomp: profileFields.digcomp.default([]),
    esco: profileFields.esco.default([]),
    expertise: profileFields.expertise.default([]),
    availability: profileFields.availability.default([]),
    links: profileFields.links.default([]),
    visibility: VisibilityInputSchema.default({}),
  })
  .openapi('ProfileInput');
export type ProfileInput = z.infer<typeof ProfileInputSchema>;

const OrganisationRefSchema = z.object({ id: z.uuid(), name: z.string() });

const SkillsSchema = z.object({
  topics: z.array(z.string()),
  digcomp: z.array(z.object({ code: z.string(), level: z.number().int() })),
  esco: z.array(z.string()),
  expertise: z.array(z.string()),
});

const NoticeSchema = z.object({
  version: z.string().openapi({ example: '2026-11-30' }),
  url: z.string().openapi({ example: '/privacy#profiles' }),
});

export const OwnProfileSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    name: z.string(),
    headline: z.string().nullable(),
    organisations: z.array(OrganisationRefSchema),
    dutyStation: z.object({ country: z.string(), city: z.string().nullable() }).nullable(),
    languages: z.array(z.object({ code: z.string(), level: z.string() })),
    skills: SkillsSchema,
    availability: z.array(z.object({ share: z.number().int(), from: z.string(), to: z.string().nullable() })),
    bio: z.object({ text: z.string(), language: z.string() }).nullable(),
    links: z.array(z.object({ url: z.string(), label: z.string().nullable() })),
    visibility: PartVisibilitySchema,
    effectiveVisibility: PartVisibilitySchema.openapi({ description: 'What each part is really shown to (never wider than basics)' }),
    consent: z.object({
      noticeVersion: z.string(),
      givenAt: z.string(),
      current: z.boolean().openapi({ description: 'False when the notice changed since: agree to the new version when you next save' }),
    }),
    notice: NoticeSchema,
    demo: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('OwnProfile');
export type OwnProfile = z.infer<typeof OwnProfileSchema>;

export const PersonSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    headline: z.string().nullable(),
    organisations: z.array(OrganisationRefSchema),
    dutyStation: z.object({ country: z.string(), city: z.string().nullable() }).nullable(),
    languages: z.array(z.object({ code: z.string(), level: z.string() })).nullable(),
    skills: SkillsSchema.nullable(),
    availability: z.array(z.object({ share: z.number().int(), from: z.string(), to: z.string().nullable() })).nullable(),
    bio: z.object({ text: z.string(), language: z.string() }).nullable(),
    links: z.array(z.object({ url: z.string(), label: z.string().nullable() })).nullable(),
    hidden: z
      .array(z.enum(PROFILE_PARTS))
      .openapi({ description: 'Parts the person does not show you (their value is null); says nothing about what they hold' }),
    demo: z.boolean().openapi({ description: 'True for a generated demo profile: not a real person' }),
    notice: z.string().nullable().openapi({ example: 'generated demo data' }),
  })
  .openapi('Person');
export type Person = z.infer<typeof PersonSchema>;

export const PersonSummarySchema = PersonSchema.omit({ bio: true, links: true }).openapi('PersonSummary');
export type PersonSummary = z.infer<typeof PersonSummarySchema>;

export const PersonParamsSchema = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, example: '5c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5' }),
});
