/**
 * Query parameters and response envelope of the offering and need lists:
 * text search (`q`), one parameter per facet (comma-separated values match any
 * of them; different facets must all match), sort, keyset pagination, CSV.
 * The envelope carries the total, how the ranking was capped, the typo
 * corrections applied, and counts per facet value.
 */
import { z } from '@hono/zod-openapi';
import { CONTROL_CHARACTER_MESSAGE, isCleanText } from '../../http/text.js';
import { DateSchema, Iso3Schema, codeListParam } from './schema-parts.js';
import { NeedSummarySchema } from './need-schemas.js';
import { OfferingSummarySchema } from './offering-schemas.js';

/** Query text: the request text rule (no control characters), told as the catalogue page says it. */
const cleanQueryText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => isCleanText(value), { message: CONTROL_CHARACTER_MESSAGE, params: { i18n: 'clearinghouse.problem.control' } });

const common = {
  q: cleanQueryText(200)
    .optional()
    .openapi({ description: 'Text to search for, in any of the six UN languages; every word must match', example: 'cybersecurity' }),
  topics: codeListParam('Topic codes (/api/v1/taxonomies/topics)', 'cybersecurity,digital-health'),
  audiences: codeListParam('Audience codes', 'policymakers-regulators'),
  targetGroups: codeListParam('Target-group codes', 'women-girls'),
  levels: codeListParam('Level codes', 'foundation,intermediate'),
  modalities: codeListParam('Modality codes', 'in-person,blended'),
  languages: codeListParam('ISO 639 language codes', 'fr,ar'),
  digcomp: codeListParam('DigComp 2.2 area or competence codes (an area matches its competences)', '4,4.2'),
  esco: codeListParam('ESCO skill UUIDs', ''),
  from: DateSchema.optional().openapi({ description: 'Only what runs on or after this date (rolling offerings always do)' }),
  to: DateSchema.optional().openapi({ description: 'Only what runs on or before this date' }),
  status: codeListParam(
    'Statuses; you see other than published offerings only for your own organisations, or as a coordinator',
    'published',
  ),
  demo: z.enum(['include', 'exclude', 'only']).optional().openapi({ description: 'Generated demo data: include (default), exclude, only' }),
  sort: z.enum(['relevance', 'newest']).optional().openapi({ description: 'relevance (default with q) or newest (default without)' }),
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ description: 'Items per page (1–100)', example: 20 }),
  cursor: cleanQueryText(300).optional().openapi({ description: 'The `next` value of the previous page' }),
  format: z
    .enum(['json', 'csv'])
    .optional()
    .openapi({ description: 'csv: every match (up to 10,000, newest first) in the import template' }),
};

export const OfferingListQuerySchema = z.object({
  ...common,
  kind: codeListParam('Offering kinds', 'training,course'),
  bandwidth: codeListParam('Bandwidth a participant needs', 'offline,low'),
  accessibility: codeListParam('Accessibility features', 'captions'),
  certification: codeListParam('Certification codes', 'assessed,accredited'),
  sdgs: codeListParam('SDG numbers', '4,9'),
  eligibleFor: Iso3Schema.optional().openapi({
    description: 'Open to this country (ISO alpha-3): offered to it, to a group it belongs to (LDC, its region …) or to the world',
    example: 'NER',
  }),
  cost: z.enum(['free', 'paid', 'waiver']).optional().openapi({ description: 'free of charge, paid, or with fee waivers' }),
  provider: z.uuid().optional().openapi({ description: 'Only this provider organisation’s offerings' }),
});
export type OfferingListQuery = z.infer<typeof OfferingListQuerySchema>;

export const NeedListQuerySchema = z.object({
  ...common,
  country: z
    .string()
    .max(4)
    .regex(/^([A-Za-z]{3,4}|[0-9]{3})$/, 'must be an ISO alpha-3 country code or a group code such as LDC or 011')
    .transform((s) => s.toUpperCase())
    .optional()
    .openapi({ type: 'string', description: 'Needs in this country (ISO alpha-3) or in the countries of this group', example: 'LDC' }),
  urgency: codeListParam('Urgency codes', 'high,critical'),
  requester: z.uuid().optional().openapi({ description: 'Only this requesting organisation’s needs' }),
});
export type NeedListQuery = z.infer<typeof NeedListQuerySchema>;

const FacetValues = z.array(z.object({ value: z.string(), count: z.number().int() }));

const envelope = {
  next: z.string().nullable().openapi({ description: 'Cursor of the following page, or null on the last page' }),
  total: z.object({
    value: z.number().int(),
    exact: z.boolean().openapi({ description: 'false: at least `value` matches (counting stops at the 1,000 most recent)' }),
  }),
  search: z.object({
    q: z.string().nullable(),
    sort: z.enum(['relevance', 'newest']),
    corrections: z
      .array(z.object({ word: z.string(), alsoSearched: z.array(z.string()) }))
      .openapi({ description: 'Words not found in the catalogue, and the known words searched for as well (typo tolerance)' }),
    ignoredCommonWords: z.boolean().openapi({ description: 'True when q had only common words, which were ignored' }),
    ranked: z.number().int().nullable().openapi({ description: 'How many matches were ranked by relevance' }),
    capped: z.boolean().openapi({ description: 'True when only the most recent matches were ranked' }),
    method: z.string().openapi({ example: 'Ranked by relevance among all 42 matches.' }),
  }),
  facets: z.object({
    counted: z.number().int().openapi({ description: 'Matches the counts were taken over (the most recent first)' }),
    exact: z.boolean().openapi({ description: 'False when there were more matches than were counted' }),
    values: z.record(z.string(), FacetValues).openapi({ description: 'Per facet, each value with its number of matches' }),
  }),
};

export const OfferingPageSchema = z.object({ data: z.array(OfferingSummarySchema), ...envelope }).openapi('OfferingPage');
export type OfferingPage = z.infer<typeof OfferingPageSchema>;
export const NeedPageSchema = z.object({ data: z.array(NeedSummarySchema), ...envelope }).openapi('NeedPage');
export type NeedPage = z.infer<typeof NeedPageSchema>;
