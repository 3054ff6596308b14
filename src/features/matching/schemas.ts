/**
 * Request and response schemas of the matching API (OpenAPI is generated from
 * them): ranked matches with a score in [0, 1] and one explanation entry per
 * component in the reader's language, and on request the candidates a hard
 * constraint excluded, each with the constraints it breaks.
 */
import { z } from '@hono/zod-openapi';
import { COMPONENTS, CONSTRAINTS } from '../../core/matching/index.js';
import { NeedSummarySchema, OfferingSummarySchema } from '../capacity/index.js';

export const MAX_MATCHES = 50;

export const MatchQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_MATCHES)
    .default(10)
    .openapi({ description: `Matches to return, best first (1–${MAX_MATCHES})`, example: 10 }),
  explain: z
    .enum(['excluded'])
    .optional()
    .openapi({ description: 'excluded: also list the candidates a hard constraint excluded, and the constraints each breaks' }),
});
export type MatchQuery = z.infer<typeof MatchQuerySchema>;

export const MatchParamsSchema = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, example: '5c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5' }),
});

const ExplanationSchema = z
  .object({
    component: z.enum(COMPONENTS),
    weight: z.number().openapi({ description: 'The component’s weight (docs/methods.md, Matching); the weights sum to 1', example: 0.3 }),
    points: z
      .number()
      .openapi({ description: 'weight × how well the pair fits on this component; the points add up to the score', example: 0.3 }),
    text: z.string().openapi({ description: 'Why, in the reader’s language', example: 'Same topic as asked: Cybersecurity' }),
  })
  .openapi('MatchExplanation');

const ViolationSchema = z
  .object({
    constraint: z.enum(CONSTRAINTS).openapi({ description: 'kind, language, eligibility, dates or seats' }),
    text: z.string().openapi({ example: 'Not open to Niger' }),
  })
  .openapi('MatchConstraintViolation');

const score = z.number().min(0).max(1).openapi({ description: 'From 0 to 1: the sum of the explanation’s points', example: 0.82 });

const CandidatesSchema = z
  .object({
    considered: z.number().int().openapi({ description: 'Candidates read and scored' }),
    linked: z.number().int().openapi({ description: 'Candidates sharing a topic, a related topic or a competence with the subject' }),
    links: z.enum(['close', 'all']).openapi({
      description:
        'close: enough candidates were closely linked (same topic or competence), so related topics were not searched; all: every link counted',
    }),
    cap: z.number().int(),
    capped: z.boolean().openapi({ description: 'True when more were linked than were scored (the most closely linked were scored)' }),
    constraintsInQuery: z.boolean().openapi({ description: 'False with explain=excluded: the engine alone applied the hard constraints' }),
    method: z.string().openapi({ description: 'How the candidates were chosen, in the reader’s language' }),
  })
  .openapi('MatchCandidates');

const FigureSchema = z.object({
  indicator: z.string().openapi({ example: 'mobile-coverage-4g' }),
  value: z.number(),
  year: z.number().int(),
  text: z.string().openapi({ example: '4G reaches 0 % of people (2017)' }),
});

export const OfferingMatchSchema = z
  .object({ score, offering: OfferingSummarySchema, explanation: z.array(ExplanationSchema) })
  .openapi('OfferingMatch');

const ExcludedOfferingSchema = z
  .object({
    offering: z.object({ id: z.uuid(), title: z.string(), provider: z.object({ id: z.uuid(), name: z.string() }) }),
    constraints: z.array(ViolationSchema).min(1),
  })
  .openapi('ExcludedOffering');

export const NeedMatchPageSchema = z
  .object({
    need: z.object({
      id: z.uuid(),
      title: z.string(),
      country: z.string(),
      connectivity: z
        .object({
          level: z.number().min(0).max(1).nullable().openapi({ description: 'The weakest measured connectivity figure on a 0–1 scale' }),
          figure: FigureSchema.nullable().openapi({ description: 'The figure that set the level, with its year' }),
        })
        .openapi({ description: 'The country’s measured connectivity the connectivity component used' }),
    }),
    data: z.array(OfferingMatchSchema),
    excluded: z.array(ExcludedOfferingSchema).optional().openapi({ description: 'With explain=excluded: the closest 50, closest first' }),
    excludedTotal: z.number().int().optional(),
    candidates: CandidatesSchema,
  })
  .openapi('NeedMatchPage');
export type NeedMatchPage = z.infer<typeof NeedMatchPageSchema>;

export const NeedMatchSchema = z.object({ score, need: NeedSummarySchema, explanation: z.array(ExplanationSchema) }).openapi('NeedMatch');

const ExcludedNeedSchema = z
  .object({
    need: z.object({ id: z.uuid(), title: z.string(), country: z.string(), requester: z.object({ id: z.uuid(), name: z.string() }) }),
    constraints: z.array(ViolationSchema).min(1),
  })
  .openapi('ExcludedNeed');

export const OfferingMatchPageSchema = z
  .object({
    offering: z.object({ id: z.uuid(), title: z.string() }),
    data: z.array(NeedMatchSchema),
    excluded: z.array(ExcludedNeedSchema).optional().openapi({ description: 'With explain=excluded: the closest 50, closest first' }),
    excludedTotal: z.number().int().optional(),
    candidates: CandidatesSchema,
  })
  .openapi('OfferingMatchPage');
export type OfferingMatchPage = z.infer<typeof OfferingMatchPageSchema>;
