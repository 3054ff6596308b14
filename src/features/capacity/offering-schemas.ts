/**
 * Request and response schemas of the offerings API (OpenAPI is generated
 * from them). The create body is also one element of a JSON bulk import; the
 * CSV template maps one column to each of its fields (docs/data/offerings-csv.md).
 */
import { z } from '@hono/zod-openapi';
import { OFFERING_STATUSES, OFFERING_TRANSITIONS } from '../../core/capacity/workflow.js';
import {
  CurrencySchema,
  DateSchema,
  DigcompCodeSchema,
  EmailSchema,
  EscoCodeSchema,
  GroupCodeSchema,
  Iso3Schema,
  LanguageCodeSchema,
  SdgSchema,
  TopicCodeSchema,
  UnLanguageSchema,
  UrlSchema,
  distinctList,
  listCode,
  moneySchema,
  optionalText,
  text,
} from './schema-parts.js';

export const OfferingStatusSchema = z.enum(OFFERING_STATUSES).openapi({ description: 'draft → in-review → published → archived' });

export const TranslationSchema = z
  .strictObject({
    language: UnLanguageSchema,
    title: text(3, 200),
    summary: text(10, 600),
    description: optionalText(20_000, { multiline: true }),
  })
  .openapi('OfferingTranslation');

export const PledgeSchema = z
  .strictObject({
    amount: z.number().finite().min(0, 'must not be negative').max(1e12).nullable().optional(),
    currency: CurrencySchema.nullable().optional(),
    inKind: optionalText(2000, { multiline: true }).openapi({ description: 'The contribution in kind (equipment, spectrum, sites …)' }),
    umcDimension: listCode('umc-dimensions'),
  })
  .openapi('Pledge', {
    description:
      'A financing or infrastructure pledge (Partner2Connect): amount and currency, or in kind, and the UMC dimension it addresses',
  });

/** Every field of an offering a provider writes; required ones are marked in OfferingInputSchema. */
const fields = {
  kind: listCode('offering-kinds'),
  language: LanguageCodeSchema.openapi({ description: 'Language the title, summary and description are written in' }),
  title: text(3, 200).openapi({ example: 'Cybersecurity incident response for national CIRTs' }),
  summary: text(10, 600),
  description: optionalText(20_000, { multiline: true }),
  translations: z.array(TranslationSchema).max(5, 'at most five translations'),
  topics: distinctList(TopicCodeSchema, 5, 1),
  digcomp: distinctList(DigcompCodeSchema, 26),
  esco: distinctList(EscoCodeSchema, 20),
  audiences: distinctList(listCode('audiences'), 5, 1),
  targetGroups: distinctList(listCode('target-groups'), 4),
  levels: distinctList(listCode('levels'), 4),
  modality: listCode('modalities').nullable(),
  bandwidth: listCode('bandwidth').nullable().openapi({ description: 'Bandwidth a participant needs: offline, low or high' }),
  languages: distinctList(LanguageCodeSchema, 20, 1).openapi({ description: 'Languages it is delivered in', example: ['fr', 'en'] }),
  eligibleCountries: distinctList(Iso3Schema, 250),
  eligibleGroups: distinctList(GroupCodeSchema, 40).openapi({
    description:
      'Groups it is open to (WLD for everyone, LDC, SIDS, an M49 region …); with no countries and no groups it is open to the world',
  }),
  fee: moneySchema(10_000_000).nullable().openapi({ description: 'Fee per participant; null when free of charge' }),
  waivers: optionalText(1000, { multiline: true }).openapi({ description: 'Who may have the fee waived, and how' }),
  durationHours: z.number().finite().positive('must be more than 0').max(10_000).nullable(),
  startDate: DateSchema.nullable(),
  endDate: DateSchema.nullable(),
  rolling: z.boolean().openapi({ description: 'Open at any time (self-paced, on request): then no dates' }),
  seats: z.number().int().min(1, 'must be at least 1').max(1_000_000).nullable(),
  certification: listCode('certifications').nullable(),
  accessibility: distinctList(listCode('accessibility-features'), 7),
  sdgs: distinctList(SdgSchema, 17),
  url: UrlSchema.nullable(),
  contactEmail: EmailSchema.nullable(),
  pledge: PledgeSchema.nullable(),
};

const optional = <T extends Record<string, z.ZodType>>(shape: T) =>
  Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, schema.optional()])) as { [K in keyof T]: z.ZodOptional<T[K]> };

const { kind, language, title, summary, topics, audiences, languages, ...rest } = fields;

export const OfferingInputSchema = z
  .strictObject({
    providerOrganisationId: z.uuid().openapi({ description: 'The provider: an organisation you are an editor or owner of' }),
    kind,
    language,
    title,
    summary,
    topics,
    audiences,
    languages,
    ...optional(rest),
  })
  .openapi('OfferingInput');
export type OfferingInput = z.infer<typeof OfferingInputSchema>;

export const OfferingPatchSchema = z
  .strictObject({
    version: z
      .number()
      .int()
      .min(1)
      .openapi({ description: 'The version you edited; a newer stored version answers 409 with what changed' }),
    ...optional(fields),
  })
  .refine((patch) => Object.keys(patch).length > 1, 'give at least one field to change besides version')
  .openapi('OfferingPatch');
export type OfferingPatch = z.infer<typeof OfferingPatchSchema>;

/** One element of a JSON import: a create body, optionally with the id and status of an exported record. */
export const OfferingImportItemSchema = OfferingInputSchema.omit({ providerOrganisationId: true }).extend({
  providerOrganisationId: z.uuid().optional(),
  id: z.uuid().optional(),
  status: OfferingStatusSchema.optional(),
});
export type OfferingImportItem = z.infer<typeof OfferingImportItemSchema>;

const Money = z.object({ amount: z.number(), currency: z.string() });

export const OfferingSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    status: OfferingStatusSchema,
    statusReason: z.string().nullable().openapi({ description: 'Why it was last returned or archived' }),
    provider: z.object({ id: z.uuid(), name: z.string() }),
    kind: z.string(),
    language: z.string(),
    title: z.string(),
    summary: z.string(),
    description: z.string().nullable(),
    translations: z.array(z.object({ language: z.string(), title: z.string(), summary: z.string(), description: z.string().nullable() })),
    topics: z.array(z.string()),
    digcomp: z.array(z.string()),
    esco: z.array(z.string()),
    audiences: z.array(z.string()),
    targetGroups: z.array(z.string()),
    levels: z.array(z.string()),
    modality: z.string().nullable(),
    bandwidth: z.string().nullable(),
    languages: z.array(z.string()),
    eligibleCountries: z.array(z.string()),
    eligibleGroups: z.array(z.string()),
    fee: Money.nullable(),
    waivers: z.string().nullable(),
    durationHours: z.number().nullable(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    rolling: z.boolean(),
    seats: z.number().int().nullable(),
    certification: z.string().nullable(),
    accessibility: z.array(z.string()),
    sdgs: z.array(z.string()),
    url: z.string().nullable(),
    contactEmail: z.string().nullable(),
    pledge: z
      .object({ amount: z.number().nullable(), currency: z.string().nullable(), inKind: z.string().nullable(), umcDimension: z.string() })
      .nullable(),
    demo: z.boolean().openapi({ description: 'True for generated demo data: not a real offering' }),
    notice: z.string().nullable().openapi({ example: 'generated demo data' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    publishedAt: z.string().nullable(),
    lastReviewedAt: z.string(),
    linkBrokenSince: z.string().nullable().openapi({
      description: 'When the weekly link check first found `url` not answering (it is still not); null while it answers',
    }),
  })
  .openapi('Offering');
export type Offering = z.infer<typeof OfferingSchema>;

/** An offering in a list: without its long description and the translations' text, for slow connections. */
export const OfferingSummarySchema = OfferingSchema.omit({ description: true, translations: true })
  .extend({ translationLanguages: z.array(z.string()) })
  .openapi('OfferingSummary');
export type OfferingSummary = z.infer<typeof OfferingSummarySchema>;

export const OfferingTransitionSchema = z
  .strictObject({
    transition: z.enum(Object.keys(OFFERING_TRANSITIONS) as [keyof typeof OFFERING_TRANSITIONS]).openapi({
      description:
        'submit (draft → in-review), withdraw (in-review → draft), publish or return (coordinators, in-review → published or draft), ' +
        'archive (→ archived, with a reason), reopen (archived → draft)',
    }),
    reason: optionalText(2000, { multiline: true }).openapi({ description: 'Required to return and to archive' }),
    version: z.number().int().min(1).optional().openapi({ description: 'The version you saw; a newer stored version answers 409' }),
  })
  .openapi('OfferingTransition');
export type OfferingTransitionInput = z.infer<typeof OfferingTransitionSchema>;

export const OfferingParamsSchema = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, example: '0b8f3c2e-5d1a-4c1e-9a57-2f6f3f0f9a10' }),
});
