/**
 * Request and response schemas of the match workflow API (OpenAPI is generated
 * from them; the pages' forms validate with the same ones).
 */
import { z } from '@hono/zod-openapi';
import { MATCH_SIDES, MATCH_STATUSES, MATCH_TRANSITION_NAMES, RATING_MAX, RATING_MIN } from '../../core/matching/workflow.js';
import { multilineText } from '../../http/text.js';

const uuid = (example: string) => z.uuid().openapi({ example });

export const MatchIdParamsSchema = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, example: '7d1e2f30-4a5b-4c6d-8e7f-8091a2b3c4d5' }),
});

export const MatchStartInputSchema = z
  .object({
    needId: uuid('5c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5'),
    offeringId: uuid('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'),
    start: z.enum(['shortlist', 'propose']).openapi({
      description:
        'shortlist: the need’s organisation keeps the offering on its shortlist (the provider does not see it until requested); ' +
        'propose: the offering’s provider proposes it for the need',
    }),
  })
  .openapi('MatchStartInput');
export type MatchStartInput = z.infer<typeof MatchStartInputSchema>;

const reason = multilineText().trim().min(3).max(2000);

export const MatchTransitionInputSchema = z
  .object({
    transition: z.enum(MATCH_TRANSITION_NAMES as [string, ...string[]]).openapi({
      description:
        'request (requester, from shortlisted), accept / decline (provider, from requested), accept-proposal / decline-proposal ' +
        '(requester, from proposed), start-delivery (either, from accepted), deliver (either, from in-delivery, with peopleTrained), ' +
        'close (either, before delivery)',
    }),
    reason: reason.optional().openapi({ description: 'Required to decline, decline a proposal or close (3–2000 characters)' }),
    peopleTrained: z
      .number()
      .int()
      .min(0)
      .max(1_000_000)
      .optional()
      .openapi({ description: 'Required to deliver: how many people the delivery trained (0–1,000,000)' }),
    needMet: z
      .boolean()
      .optional()
      .openapi({
        description:
          'With deliver, by the requester’s side only: the need is met, so it becomes fulfilled in the same step. Without it the need ' +
          'stays in delivery (docs/methods.md, "The match workflow and the need")',
      }),
    version: z.number().int().min(1).openapi({ description: 'The version of the match you acted on (409 when it changed since)' }),
  })
  .openapi('MatchTransitionInput');
export type MatchTransitionInput = z.infer<typeof MatchTransitionInputSchema>;

export const MatchCommentInputSchema = z
  .object({ text: multilineText().trim().min(1).max(4000).openapi({ description: 'The comment, 1–4000 characters' }) })
  .openapi('MatchCommentInput');
export type MatchCommentInput = z.infer<typeof MatchCommentInputSchema>;

export const MatchRatingInputSchema = z
  .object({
    rating: z.number().int().min(RATING_MIN).max(RATING_MAX).openapi({ description: '1 (poor) to 5 (excellent)', example: 4 }),
    comment: multilineText().trim().max(2000).optional(),
  })
  .openapi('MatchRatingInput');
export type MatchRatingInput = z.infer<typeof MatchRatingInputSchema>;

export const MatchListQuerySchema = z.object({
  status: z.enum(MATCH_STATUSES).optional().openapi({ description: 'Only matches in this status' }),
});
export type MatchListQuery = z.infer<typeof MatchListQuerySchema>;

const party = z.object({ id: z.uuid(), name: z.string() });

const EventSchema = z
  .object({
    kind: z.enum(['start', 'transition', 'comment', 'rating']),
    transition: z.string().nullable(),
    from: z.enum(MATCH_STATUSES).nullable(),
    to: z.enum(MATCH_STATUSES).nullable(),
    side: z.enum(MATCH_SIDES).nullable().openapi({ description: 'The side that acted' }),
    author: z.string().nullable().openapi({ description: 'Display name of the person who acted (null once their account is gone)' }),
    text: z.string().nullable().openapi({ description: 'The reason, comment or rating comment' }),
    rating: z.number().int().nullable(),
    at: z.iso.datetime(),
  })
  .openapi('MatchEvent');

export const MatchSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    status: z.enum(MATCH_STATUSES),
    startedBy: z.enum(MATCH_SIDES),
    need: z.object({ id: z.uuid(), title: z.string(), country: z.string() }),
    offering: z.object({ id: z.uuid(), title: z.string() }),
    requester: party,
    provider: party,
    score: z.number().min(0).max(1).nullable().openapi({ description: 'The engine’s score when the match was started' }),
    statusReason: z.string().nullable(),
    peopleTrained: z.number().int().nullable(),
    ratings: z.object({
      requester: z
        .number()
        .int()
        .nullable()
        .openapi({ description: 'The requester’s rating of the delivery (feeds the provider’s track record)' }),
      provider: z.number().int().nullable().openapi({ description: 'The provider’s rating of the collaboration' }),
    }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    events: z.array(EventSchema).optional().openapi({ description: 'The history, oldest first (one match only)' }),
    actions: z
      .array(z.string())
      .optional()
      .openapi({ description: 'What the reader may do now: transitions, comment, rate (one match only)' }),
  })
  .openapi('Match');
export type Match = z.infer<typeof MatchSchema>;
export type MatchEvent = z.infer<typeof EventSchema>;

export const MatchListSchema = z.object({ data: z.array(MatchSchema) }).openapi('MatchList');
export type MatchList = z.infer<typeof MatchListSchema>;
