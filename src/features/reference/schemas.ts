/** Request and response schemas of the reference API (OpenAPI is generated from them). */
import { z } from '@hono/zod-openapi';
import { PageQuerySchema, pageOf } from '../../http/pagination.js';
import { text } from '../../http/text.js';

export const LocalisedSchema = z
  .object({ ar: z.string(), zh: z.string(), en: z.string(), fr: z.string(), ru: z.string(), es: z.string() })
  .openapi('Localised', { description: 'Text in the six UN languages' });

export const PartialLocalisedSchema = LocalisedSchema.partial().openapi('PartialLocalised');

export const GroupKindSchema = z.enum(['world', 'region', 'sub-region', 'intermediate-region', 'development-status', 'income']);

export const GroupRefSchema = z
  .object({ code: z.string().openapi({ example: '002' }), kind: GroupKindSchema, names: LocalisedSchema })
  .openapi('GroupRef');

export const CountrySchema = z
  .object({
    m49: z.string().openapi({ example: '404' }),
    iso2: z.string().nullable().openapi({ example: 'KE' }),
    iso3: z.string().nullable().openapi({ example: 'KEN' }),
    names: LocalisedSchema,
    formalNames: PartialLocalisedSchema.nullable(),
    region: z.string().nullable().openapi({ example: '002', description: 'M49 region code' }),
    subRegion: z.string().nullable().openapi({ example: '202' }),
    intermediateRegion: z.string().nullable().openapi({ example: '014' }),
    ldc: z.boolean(),
    lldc: z.boolean(),
    sids: z.boolean(),
    wbRegion: z.string().nullable().openapi({ example: 'Sub-Saharan Africa' }),
    wbIncomeGroup: z.enum(['HIC', 'UMC', 'LMC', 'LIC']).nullable(),
    groups: z.array(GroupRefSchema),
  })
  .openapi('Country');
export type Country = z.infer<typeof CountrySchema>;

const groupCode = z
  .string()
  .min(2)
  .max(4)
  .regex(/^[0-9A-Za-z]+$/, 'must be a group code such as 002, LDC or HIC');

export const CountryListQuerySchema = PageQuerySchema.extend({
  region: groupCode.optional().openapi({ description: 'M49 region, sub-region or intermediate-region code', example: '002' }),
  group: groupCode
    .optional()
    .openapi({ description: 'Any group code: WLD, LDC, LLDC, SIDS, HIC, UMC, LMC, LIC or an M49 region code', example: 'LDC' }),
});
/**
 * A country in a list: no formal names, and its groups as codes only (their six-language names
 * are at /api/v1/groups), so that a page of 100 costs a fraction of 100 full records on a slow link.
 */
export const CountrySummarySchema = CountrySchema.omit({ formalNames: true, groups: true })
  .extend({
    groups: z.array(z.string()).openapi({
      description: 'Codes of the groups it belongs to; their names are at /api/v1/groups',
      example: ['WLD', '002', '202', '014', 'LMC'],
    }),
  })
  .openapi('CountrySummary');
export type CountrySummary = z.infer<typeof CountrySummarySchema>;

export const CountryPageSchema = pageOf(CountrySummarySchema).openapi('CountryPage');

export const CountryParamsSchema = z.object({
  code: z
    .string()
    .min(2)
    .max(3)
    .regex(/^([A-Za-z]{2,3}|\d{3})$/, 'must be an ISO alpha-3, alpha-2 or M49 code')
    .openapi({ param: { name: 'code', in: 'path' }, example: 'KEN', description: 'ISO alpha-3 (or alpha-2, or M49) code' }),
});

export const GroupSchema = z
  .object({
    code: z.string().openapi({ example: 'LDC' }),
    kind: GroupKindSchema,
    names: LocalisedSchema,
    parent: z.string().nullable(),
    memberCount: z.number().int(),
  })
  .openapi('Group');

export const GroupListQuerySchema = z.object({
  kind: GroupKindSchema.optional().openapi({ description: 'Only groups of this kind' }),
});
export const GroupListSchema = z.object({ data: z.array(GroupSchema), next: z.null() }).openapi('GroupList');

export const GroupParamsSchema = z.object({
  code: groupCode.openapi({ param: { name: 'code', in: 'path' }, example: 'LDC' }),
});
export const MemberSchema = z.object({ m49: z.string(), iso3: z.string().nullable(), names: LocalisedSchema }).openapi('GroupMember');
export const GroupDetailSchema = GroupSchema.extend({ members: z.array(MemberSchema) }).openapi('GroupDetail');

export const TaxonomyNameParamsSchema = z.object({
  name: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9-]+$/, 'must be a taxonomy name such as digcomp')
    .openapi({ param: { name: 'name', in: 'path' }, example: 'digcomp' }),
});
export const TermSchema = z
  .object({
    code: z.string().openapi({ example: '1.1' }),
    parent: z.string().nullable().openapi({ example: '1' }),
    labels: PartialLocalisedSchema,
    description: PartialLocalisedSchema.nullable(),
    uri: z.string().nullable(),
    related: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .openapi({
        description:
          'Links to other taxonomies or indicators, by name: a topic’s DigComp areas, a UMC dimension’s indicators; an ESCO skill’s broader skills in the collection (`broader`)',
        example: { digcomp: ['4'] },
      }),
  })
  .openapi('TaxonomyTerm');
export const TaxonomySummarySchema = z
  .object({ name: z.string(), labels: LocalisedSchema, source: z.string(), licence: z.string(), termCount: z.number().int() })
  .openapi('TaxonomySummary');
export const TaxonomyListSchema = z.object({ data: z.array(TaxonomySummarySchema), next: z.null() }).openapi('TaxonomyList');
export const TermListQuerySchema = PageQuerySchema.extend({
  parent: text().max(60).optional().openapi({ description: 'Only the terms under this parent code' }),
});
export const TaxonomyPageSchema = pageOf(TermSchema)
  .extend({ taxonomy: TaxonomySummarySchema.omit({ termCount: true }) })
  .openapi('TaxonomyTermPage');
