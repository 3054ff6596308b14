/** Response schemas of the insights API (OpenAPI is generated from them); each table also downloads as CSV. */
import { z } from '@hono/zod-openapi';
import { FUNNEL } from '../../core/insights/demand.js';

export const InsightsQuerySchema = z.object({
  format: z.enum(['json', 'csv']).default('json').openapi({ description: 'csv: the same table as a CSV download' }),
});
export type InsightsQuery = z.infer<typeof InsightsQuerySchema>;

const region = z
  .string()
  .nullable()
  .openapi({ description: 'M49 region code of the need’s country (null: an area without one)', example: '002' });

export const UnmetDemandSchema = z
  .object({
    data: z.array(
      z.object({
        topic: z.string().openapi({ example: 'cybersecurity' }),
        region,
        open: z.number().int().openapi({ description: 'Needs still open' }),
        unmet: z.number().int().openapi({ description: 'Needs closed unmet' }),
      }),
    ),
    demo: z.boolean().openapi({ description: 'True when generated demo needs are among those counted' }),
  })
  .openapi('UnmetDemand');

export const UnmetByLanguageSchema = z
  .object({
    data: z.array(
      z.object({
        topic: z.string().openapi({ example: 'cybersecurity' }),
        language: z.string().openapi({ description: 'A language the need accepts (ISO 639)', example: 'fr' }),
        open: z.number().int().openapi({ description: 'Needs still open' }),
        unmet: z.number().int().openapi({ description: 'Needs closed unmet' }),
      }),
    ),
    demo: z.boolean().openapi({ description: 'True when generated demo needs are among those counted' }),
  })
  .openapi('UnmetDemandByLanguage');

export const DemandTrendSchema = z
  .object({
    data: z.array(
      z.object({
        month: z.string().openapi({ example: '2026-11' }),
        posted: z.number().int(),
        open: z.number().int().openapi({ description: 'Of those posted that month, still open' }),
        unmet: z.number().int().openapi({ description: 'Of those posted that month, closed unmet' }),
      }),
    ),
    demo: z.boolean(),
  })
  .openapi('DemandTrend');

const Thin = z.object({
  code: z.string(),
  needs: z.number().int().openapi({ description: 'Open needs asking for it' }),
  offerings: z.number().int().openapi({ description: 'Published offerings (pledges aside) with it' }),
  needsPerOffering: z.number().nullable().openapi({ description: 'null: asked for and never offered' }),
});

export const SupplyGapsSchema = z
  .object({
    topics: z.array(Thin).openapi({ description: 'Topics with open needs, thinnest supply first' }),
    languages: z.array(Thin).openapi({ description: 'Languages needs accept, thinnest supply first' }),
    demo: z.boolean(),
  })
  .openapi('SupplyGaps');

export const UnfittedNeedsSchema = z
  .object({
    examined: z.number().int().openapi({ description: 'Open needs examined (the most recent, at most cap)' }),
    cap: z.number().int(),
    withoutFit: z.number().int().openapi({ description: 'Of those, needs no published offering fits' }),
    byStep: z.object(Object.fromEntries(FUNNEL.map((s) => [s, z.number().int()])) as Record<(typeof FUNNEL)[number], z.ZodNumber>).openapi({
      description: 'Needs without a fit by the first constraint no offering passed: topic, language, eligibility, dates',
    }),
    data: z
      .array(
        z.object({
          id: z.uuid(),
          title: z.string(),
          country: z.string(),
          language: z.string(),
          step: z.enum(FUNNEL),
        }),
      )
      .openapi({ description: 'Public needs without a fit (at most 50), most recent first' }),
    demo: z.boolean(),
  })
  .openapi('UnfittedNeeds');

export const TimeToMatchSchema = z
  .object({
    overall: z.object({ needs: z.number().int(), medianDays: z.number().nullable() }),
    data: z.array(z.object({ region, needs: z.number().int(), medianDays: z.number().nullable() })),
    demo: z.boolean(),
  })
  .openapi('TimeToMatch');
