/** Request and response schemas of the indicators API (OpenAPI is generated from them). */
import { z } from '@hono/zod-openapi';
import { PageQuerySchema, pageOf } from '../../http/pagination.js';
import { LocalisedSchema } from '../reference/index.js';

/** How a list may be downloaded besides JSON; the `Accept` header chooses too (see downloads.ts). */
export const FormatSchema = z
  .enum(['json', 'csv', 'sdmx-csv'])
  .optional()
  .openapi({
    description:
      'Response format; overrides `Accept` (application/json, text/csv, application/vnd.sdmx.data+csv). ' +
      'CSV and SDMX-CSV downloads hold every matching row (limit and cursor apply to JSON only).',
    example: 'csv',
  });

export const IndicatorParamsSchema = z.object({
  code: z
    .string()
    .min(2)
    .max(60)
    .regex(/^[A-Za-z0-9._-]+$/, 'must be an indicator code such as internet-use or a source code such as IT.NET.USER.ZS')
    .openapi({
      param: { name: 'code', in: 'path' },
      example: 'internet-use',
      description: 'Indicator code, or a source alias (IT.NET.USER.ZS, IT_USE_ii99)',
    }),
});

export const CountryProfileParamsSchema = z.object({
  iso3: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'must be an ISO alpha-3 code such as KEN')
    .openapi({ param: { name: 'iso3', in: 'path' }, example: 'KEN', description: 'ISO alpha-3 code' }),
});

export const FormatQuerySchema = z.object({ format: FormatSchema });

const TargetSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('at-least'), value: z.number() }),
    z.object({ kind: z.literal('at-most'), value: z.number() }),
    z.object({ kind: z.literal('between'), lower: z.number(), upper: z.number() }),
  ])
  .openapi('Target', { description: 'The 2030 target: reached at or above, at or below, or inside a band' });

export const SourceSchema = z
  .object({ name: z.string(), licence: z.string().openapi({ example: 'CC-BY-4.0' }), url: z.string().nullable() })
  .openapi('IndicatorSource');

export const IndicatorSchema = z
  .object({
    code: z.string().openapi({ example: 'internet-use' }),
    aliases: z.array(z.string()).openapi({ example: ['IT.NET.USER.ZS', 'IT_USE_ii99'] }),
    names: LocalisedSchema,
    definitions: LocalisedSchema,
    unit: z.string().openapi({ example: 'percent' }),
    decimals: z.number().int(),
    direction: z.enum(['higher-is-better', 'lower-is-better']).nullable(),
    aggregation: z.enum(['population-weighted', 'sum', 'none']),
    aggregationNote: z.string(),
    target: TargetSchema.nullable(),
    targetReference: z.string().nullable(),
    source: SourceSchema,
    derivedFrom: z.array(z.string()),
    breakdowns: z.array(z.object({ dimension: z.string(), values: z.array(z.string()) })),
    observations: z
      .object({
        count: z.number().int(),
        countries: z.number().int(),
        firstYear: z.number().int().nullable(),
        lastYear: z.number().int().nullable(),
      })
      .openapi({ description: 'What the platform holds for this indicator' }),
  })
  .openapi('Indicator');
export type Indicator = z.infer<typeof IndicatorSchema>;
export const IndicatorListSchema = z.object({ data: z.array(IndicatorSchema), next: z.null() }).openapi('IndicatorList');

const codeList = (what: string, pattern: RegExp, example: string) =>
  z
    .string()
    .max(2000)
    .transform((s) =>
      s
        .split(',')
        .map((c) => c.trim().toUpperCase())
        .filter((c) => c !== ''),
    )
    .pipe(z.array(z.string().regex(pattern, `each must be ${what}`)).max(300))
    .optional()
    .openapi({ type: 'string', description: `Comma-separated ${what}`, example });

/** `2020` or `2015-2023`, parsed into an inclusive span. */
export const YearsSchema = z
  .string()
  .regex(/^\d{4}(-\d{4})?$/, 'must be a year (2020) or a span (2015-2023)')
  .transform((s) => {
    const [from, to = from] = s.split('-').map(Number) as [number, number?];
    return { from, to };
  })
  .refine((span) => span.from <= span.to, 'the span must not end before it starts')
  .optional()
  .openapi({ type: 'string', description: 'A year (2020) or an inclusive span (2015-2023)', example: '2015-2023' });

export const ObservationQuerySchema = PageQuerySchema.extend({
  countries: codeList('ISO alpha-3 codes', /^[A-Z]{3}$/, 'KEN,UGA'),
  groups: codeList('group codes (WLD, LDC, 002, HIC …): values of their members', /^[0-9A-Z]{2,4}$/, 'LDC'),
  years: YearsSchema,
  breakdown: z
    .string()
    .max(60)
    .regex(/^(total|[a-z]+=[a-z0-9-]+)$/, 'must be total or dimension=value, such as sex=female')
    .optional()
    .openapi({
      description: 'Only this breakdown: `total`, or `dimension=value` (sex=female, speed=10mbps-plus); all when absent',
      example: 'total',
    }),
  format: FormatSchema,
});
export type ObservationQuery = z.infer<typeof ObservationQuerySchema>;

export const ObservationSchema = z
  .object({
    indicator: z.string().openapi({ example: 'internet-use' }),
    iso3: z.string().nullable().openapi({ example: 'KEN' }),
    m49: z.string().openapi({ example: '404' }),
    year: z.number().int().openapi({ example: 2023 }),
    breakdown: z.string().nullable().openapi({ description: 'null for the total; else dimension=value', example: null }),
    value: z.number().openapi({ example: 35 }),
    estimate: z.boolean(),
    note: z.string().nullable(),
    source: z.string(),
    vintage: z.string().openapi({ description: 'When the source published the value (ISO date)', example: '2026-03-01' }),
  })
  .openapi('Observation');
export type ObservationItem = z.infer<typeof ObservationSchema>;
export const ObservationPageSchema = pageOf(ObservationSchema).openapi('ObservationPage');

export const AggregateQuerySchema = PageQuerySchema.extend({
  group: z
    .string()
    .min(2)
    .max(4)
    .regex(/^[0-9A-Za-z]+$/, 'must be a group code such as WLD, LDC, 002 or HIC')
    .optional()
    .openapi({ description: 'Only this group: WLD, LDC, LLDC, SIDS, HIC, UMC, LMC, LIC or an M49 region code', example: 'LDC' }),
  year: YearsSchema,
  format: FormatSchema,
});
export type AggregateQuery = z.infer<typeof AggregateQuerySchema>;

const EstimatedShareSchema = z
  .number()
  .min(0)
  .max(1)
  .openapi({
    description:
      'Share of the covered population whose value for the year is estimated (interpolated or from its own trend), not reported; ' +
      'years where it is above one half are not published',
  });

export const AggregateSchema = z
  .object({
    indicator: z.string().openapi({ example: 'internet-use' }),
    group: z.string().openapi({ example: 'LDC' }),
    year: z.number().int(),
    value: z.number(),
    coverage: z.number().min(0).max(1).openapi({ description: 'Share of the group population with a value, reported or estimated' }),
    estimatedShare: EstimatedShareSchema,
    method: z.string(),
    members: z.object({ withData: z.number().int(), gapFilled: z.number().int(), total: z.number().int() }),
    published: z
      .object({ value: z.number(), source: z.string(), vintage: z.string() })
      .nullable()
      .openapi({ description: 'The aggregate the source itself published for this group and year, when there is one' }),
    difference: z.number().nullable().openapi({ description: 'value − published.value' }),
  })
  .openapi('Aggregate');
export type AggregateItem = z.infer<typeof AggregateSchema>;
export const AggregatePageSchema = pageOf(AggregateSchema).openapi('AggregatePage');

const RankSchema = z
  .object({
    group: z.string().openapi({ example: '002' }),
    kind: z.string().openapi({ example: 'region' }),
    year: z.number().int().openapi({ description: "Reference year: the country's latest year for the indicator", example: 2024 }),
    window: z.object({ from: z.number().int(), to: z.number().int() }).openapi({
      description: "Years whose values were compared (inclusive): each peer's latest value in this span",
      example: { from: 2022, to: 2024 },
    }),
    rank: z.number().int(),
    of: z.number().int().openapi({ description: 'Members ranked: those with a value in the window, the country included' }),
    withoutValue: z.number().int().openapi({ description: 'Members of the group with no value in the window, left out of the ranking' }),
    tied: z.boolean(),
    label: z.string().openapi({ example: '12 of 48' }),
  })
  .openapi('PeerRank');

/** Trend, target status and 2030 outlook: the same fields for a country and a group. */
const OutlookFields = {
  trend: z
    .object({
      slope: z.number().openapi({ description: 'Change per year on the fitted line, in the indicator unit' }),
      yearsUsed: z.array(z.number().int()),
      model: z.string(),
    })
    .nullable(),
  target: TargetSchema.nullable(),
  targetReference: z.string().nullable(),
  band: z
    .enum(['limited', 'satisfactory', 'advanced', 'target-met'])
    .nullable()
    .openapi({ description: 'ITU band of the latest value (at-least targets only)' }),
  targetMet: z.boolean().nullable(),
  gap: z.number().nullable().openapi({ description: 'Points from the latest value to the full target' }),
  projected2030: z.number().nullable(),
  onTrack: z.boolean().nullable(),
  yearsToTarget: z
    .number()
    .int()
    .nullable()
    .openapi({ description: 'Years after the latest year until the trend meets the target; 0 when met; null when never on this trend' }),
};

export const ProfileIndicatorSchema = z
  .object({
    code: z.string(),
    names: LocalisedSchema,
    unit: z.string(),
    decimals: z.number().int(),
    direction: z.enum(['higher-is-better', 'lower-is-better']).nullable(),
    latest: z
      .object({ year: z.number().int(), value: z.number(), source: z.string(), vintage: z.string(), estimate: z.boolean() })
      .nullable(),
    ...OutlookFields,
    ranks: z.array(RankSchema).openapi({
      description:
        "Rank among the members of the region and of each group, on each member's latest value within the three years ending at the country's latest year (docs/methods.md)",
    }),
    licence: z.string(),
  })
  .openapi('ProfileIndicator');
export type ProfileIndicator = z.infer<typeof ProfileIndicatorSchema>;

export const CountryProfileSchema = z
  .object({
    country: z.object({
      iso3: z.string(),
      m49: z.string(),
      names: LocalisedSchema,
      region: z.string().nullable(),
      groups: z.array(z.string()),
    }),
    dataVersion: z.string().openapi({ description: 'Changes whenever any import finishes' }),
    indicators: z.array(ProfileIndicatorSchema),
  })
  .openapi('CountryProfile');
export type CountryProfile = z.infer<typeof CountryProfileSchema>;

export const GroupProfileParamsSchema = z.object({
  code: z
    .string()
    .min(2)
    .max(4)
    .regex(/^[0-9A-Za-z]+$/, 'must be a group code such as WLD, LDC, 002 or HIC')
    .openapi({
      param: { name: 'code', in: 'path' },
      example: 'LDC',
      description: 'WLD, LDC, LLDC, SIDS, HIC, UMC, LMC, LIC or an M49 region or sub-region code',
    }),
});

export const GroupProfileIndicatorSchema = z
  .object({
    code: z.string(),
    names: LocalisedSchema,
    unit: z.string(),
    decimals: z.number().int(),
    direction: z.enum(['higher-is-better', 'lower-is-better']).nullable(),
    aggregation: z
      .enum(['population-weighted', 'sum', 'none'])
      .openapi({ description: 'How the group figure is made; `none`: not aggregated, latest is null' }),
    latest: z
      .object({
        year: z.number().int(),
        value: z.number(),
        coverage: z.number().min(0).max(1).openapi({ description: 'Share of the group population with a value, reported or estimated' }),
        estimatedShare: EstimatedShareSchema,
        method: z.string(),
        members: z.object({ withData: z.number().int(), gapFilled: z.number().int(), total: z.number().int() }),
      })
      .nullable()
      .openapi({ description: 'The latest computed aggregate published by the platform (coverage at least two thirds)' }),
    published: z
      .object({ value: z.number(), source: z.string(), vintage: z.string() })
      .nullable()
      .openapi({ description: 'The aggregate the source itself published for the group in the same year, when there is one' }),
    difference: z.number().nullable().openapi({ description: 'latest.value − published.value' }),
    ...OutlookFields,
    licence: z.string(),
  })
  .openapi('GroupProfileIndicator');
export type GroupProfileIndicator = z.infer<typeof GroupProfileIndicatorSchema>;

export const GroupProfileSchema = z
  .object({
    group: z.object({
      code: z.string(),
      kind: z.string(),
      names: LocalisedSchema,
      parent: z.string().nullable(),
      memberCount: z.number().int(),
    }),
    dataVersion: z.string().openapi({ description: 'Changes whenever any import finishes' }),
    indicators: z.array(GroupProfileIndicatorSchema),
  })
  .openapi('GroupProfile');
export type GroupProfile = z.infer<typeof GroupProfileSchema>;
