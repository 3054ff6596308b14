/**
 * The expert finder's query parameters and page: text search, one parameter per facet
 * (comma-separated values match any of them; different facets must all match), availability,
 * sort, keyset pagination; the page carries the total, how the ranking was capped, the typo
 * corrections applied and counts per facet value — all over what the asker may see.
 */
import { z } from '@hono/zod-openapi';
import { LANGUAGE_LEVELS } from '../../core/people/index.js';
import { DateSchema, ShareSchema, codeListParam } from './fields.js';
import { PersonSummarySchema } from './schemas.js';

export const PeopleQuerySchema = z.object({
  q: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'Text to search for in names, headlines, expertise, bios and skill names, in any of the six UN languages' }),
  topics: codeListParam('Topic codes (/api/v1/taxonomies/topics)', 'cybersecurity'),
  digcomp: codeListParam('DigComp 2.2 area or competence codes (an area finds people with any of its competences)', '4,1.1'),
  minProficiency: z.coerce
    .number()
    .int()
    .min(1)
    .max(8)
    .optional()
    .openapi({ description: 'With digcomp: at least this proficiency level (1–8)', example: 5 }),
  esco: codeListParam('ESCO skill UUIDs', ''),
  languages: codeListParam('ISO 639 language codes, each optionally with a minimum level: fr or fr:B2', 'fr:B2,ar'),
  country: z
    .string()
    .max(4)
    .regex(/^([A-Za-z]{3,4}|[0-9]{3})$/, 'must be an ISO alpha-3 country code or a group code such as LDC or 011')
    .transform((s) => s.toUpperCase())
    .optional()
    .openapi({ type: 'string', description: 'Duty station in this country (ISO alpha-3) or in a country of this group', example: 'KEN' }),
  organisation: z.uuid().optional().openapi({ description: 'Only members of this organisation' }),
  availableFrom: DateSchema.optional().openapi({ description: 'Available from this day (with availableTo: over the whole period)' }),
  availableTo: DateSchema.optional().openapi({ description: 'Available until this day' }),
  minShare: z.coerce
    .number()
    .pipe(ShareSchema)
    .optional()
    .openapi({ type: 'integer', description: 'At least this share of time (1–100 %)' }),
  demo: z
    .enum(['include', 'exclude', 'only'])
    .optional()
    .openapi({ description: 'Generated demo profiles: include (default), exclude, only' }),
  sort: z.enum(['relevance', 'newest']).optional().openapi({ description: 'relevance (default with q) or newest (default without)' }),
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ description: 'People per page (1–100)', example: 20 }),
  cursor: z.string().max(300).optional().openapi({ description: 'The `next` value of the previous page' }),
});
export type PeopleQuery = z.infer<typeof PeopleQuerySchema>;

const FacetValues = z.array(z.object({ value: z.string(), count: z.number().int() }));

export const PeoplePageSchema = z
  .object({
    data: z.array(PersonSummarySchema),
    next: z.string().nullable().openapi({ description: 'Cursor of the following page, or null on the last page' }),
    total: z.object({
      value: z.number().int(),
      exact: z
        .boolean()
        .openapi({ description: 'false: at least `value` people (counting stops at the 250 most recently listed matches)' }),
    }),
    search: z.object({
      q: z.string().nullable(),
      sort: z.enum(['relevance', 'newest']),
      corrections: z.array(z.object({ word: z.string(), alsoSearched: z.array(z.string()) })),
      ignoredCommonWords: z.boolean(),
      ranked: z.number().int().nullable(),
      capped: z.boolean(),
      method: z.string(),
    }),
    facets: z.object({
      counted: z.number().int().openapi({ description: 'People the counts were taken over (most recently listed first)' }),
      exact: z.boolean(),
      values: z.record(z.string(), FacetValues).openapi({
        description:
          'topics, digcomp (areas count everyone with one of their competences), esco, languages, country, availability (now, later)',
      }),
    }),
  })
  .openapi('PeoplePage');
export type PeoplePage = z.infer<typeof PeoplePageSchema>;

export const LANGUAGE_FILTER = new RegExp(`^([a-z]{2,3})(?::(${LANGUAGE_LEVELS.join('|')}))?$`);
