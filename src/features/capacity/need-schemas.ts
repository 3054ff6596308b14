/**
 * Request and response schemas of the needs API (OpenAPI is generated from
 * them): a requester's need in the providers' vocabulary, with its country,
 * audience and size, languages, timeframe, budget, urgency and evidence.
 */
import { z } from '@hono/zod-openapi';
import { NEED_STATUSES, NEED_TRANSITIONS } from '../../core/capacity/workflow.js';
import {
  DateSchema,
  DigcompCodeSchema,
  EscoCodeSchema,
  Iso3Schema,
  LanguageCodeSchema,
  TopicCodeSchema,
  distinctList,
  listCode,
  moneySchema,
  optionalText,
  text,
} from './schema-parts.js';
import { hasUnwantedCharacters } from '../../core/capacity/plausibility.js';

export const NeedStatusSchema = z
  .enum(NEED_STATUSES)
  .openapi({ description: 'open → matched → in-delivery → fulfilled, or closed-unmet with a reason' });
export const VisibilitySchema = z.enum(['public', 'members']).openapi({ description: 'public: everyone; members: signed-in people only' });

/** A link to the evidence: an http(s) URL, or a path on this site such as /countries/NER. */
export const EvidenceUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => /^https?:\/\/[^\s]+$/i.test(v) || /^\/(?!\/)[^\s\\]*$/.test(v), {
    message: 'must be an http(s) URL or a path on this site such as /countries/NER',
  })
  .refine((v) => !hasUnwantedCharacters(v, { multiline: false }), { message: 'must not contain control characters' })
  .openapi({ example: '/countries/NER' });

const fields = {
  country: Iso3Schema.openapi({ description: 'The country the need is in (ISO alpha-3)' }),
  language: LanguageCodeSchema.openapi({ description: 'Language the title and description are written in' }),
  title: text(3, 200).openapi({ example: 'Spectrum monitoring training for the regulator' }),
  description: text(10, 20_000, { multiline: true }),
  topics: distinctList(TopicCodeSchema, 5, 1),
  digcomp: distinctList(DigcompCodeSchema, 26),
  esco: distinctList(EscoCodeSchema, 20),
  audiences: distinctList(listCode('audiences'), 5, 1),
  targetGroups: distinctList(listCode('target-groups'), 4),
  peopleCount: z.number().int().min(1, 'must be at least 1').max(10_000_000).nullable().openapi({ description: 'How many people' }),
  level: listCode('levels').nullable(),
  languages: distinctList(LanguageCodeSchema, 20, 1).openapi({ description: 'Languages the people can learn in', example: ['fr'] }),
  preferredModality: listCode('modalities').nullable(),
  startDate: DateSchema.nullable().openapi({ description: 'Earliest start of the timeframe' }),
  endDate: DateSchema.nullable().openapi({ description: 'When it must be done by' }),
  budget: moneySchema(1_000_000_000).nullable(),
  urgency: listCode('urgencies'),
  evidenceUrl: EvidenceUrlSchema.nullable(),
  evidenceNote: optionalText(2000, { multiline: true }).openapi({ description: 'The gap in words, e.g. the figure that shows it' }),
  visibility: VisibilitySchema,
};

const optional = <T extends Record<string, z.ZodType>>(shape: T) =>
  Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, schema.optional()])) as { [K in keyof T]: z.ZodOptional<T[K]> };

const { country, language, title, description, topics, audiences, languages, ...rest } = fields;

export const NeedInputSchema = z
  .strictObject({
    requesterOrganisationId: z.uuid().openapi({ description: 'The requester: an organisation you are an editor or owner of' }),
    country,
    language,
    title,
    description,
    topics,
    audiences,
    languages,
    ...optional(rest),
  })
  .openapi('NeedInput');
export type NeedInput = z.infer<typeof NeedInputSchema>;

export const NeedPatchSchema = z
  .strictObject({ version: z.number().int().min(1), ...optional(fields) })
  .refine((patch) => Object.keys(patch).length > 1, 'give at least one field to change besides version')
  .openapi('NeedPatch');
export type NeedPatch = z.infer<typeof NeedPatchSchema>;

export const NeedImportItemSchema = NeedInputSchema.omit({ requesterOrganisationId: true }).extend({
  requesterOrganisationId: z.uuid().optional(),
  id: z.uuid().optional(),
  status: NeedStatusSchema.optional(),
  unmetReason: listCode('unmet-reasons').nullable().optional(),
  statusReason: optionalText(2000, { multiline: true }),
});
export type NeedImportItem = z.infer<typeof NeedImportItemSchema>;

export const NeedSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    status: NeedStatusSchema,
    statusReason: z.string().nullable(),
    unmetReason: z.string().nullable().openapi({ description: 'For closed-unmet: a code of /api/v1/taxonomies/unmet-reasons' }),
    visibility: VisibilitySchema,
    requester: z.object({ id: z.uuid(), name: z.string() }),
    country: z.string(),
    language: z.string(),
    title: z.string(),
    description: z.string(),
    topics: z.array(z.string()),
    digcomp: z.array(z.string()),
    esco: z.array(z.string()),
    audiences: z.array(z.string()),
    targetGroups: z.array(z.string()),
    peopleCount: z.number().int().nullable(),
    level: z.string().nullable(),
    languages: z.array(z.string()),
    preferredModality: z.string().nullable(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    budget: z.object({ amount: z.number(), currency: z.string() }).nullable(),
    urgency: z.string(),
    evidenceUrl: z.string().nullable(),
    evidenceNote: z.string().nullable(),
    demo: z.boolean().openapi({ description: 'True for generated demo data: not a real need' }),
    notice: z.string().nullable().openapi({ example: 'generated demo data' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Need');
export type Need = z.infer<typeof NeedSchema>;

/** A need in a list: the description cut to its first 300 characters. */
export const NeedSummarySchema = NeedSchema.extend({
  description: z.string().openapi({ description: 'The first 300 characters' }),
}).openapi('NeedSummary');
export type NeedSummary = z.infer<typeof NeedSummarySchema>;

export const NeedTransitionSchema = z
  .strictObject({
    transition: z.enum(Object.keys(NEED_TRANSITIONS) as [keyof typeof NEED_TRANSITIONS]).openapi({
      description:
        'match (open → matched), unmatch (→ open, with a reason), start-delivery, fulfil, close-unmet (with unmetReason and a reason), reopen',
    }),
    reason: optionalText(2000, { multiline: true }),
    unmetReason: listCode('unmet-reasons').optional().openapi({ description: 'Required to close unmet' }),
    version: z.number().int().min(1).optional(),
  })
  .openapi('NeedTransition');
export type NeedTransitionInput = z.infer<typeof NeedTransitionSchema>;

export const NeedParamsSchema = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, example: '5c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5' }),
});
