/**
 * The match workflow API: start a match, list one's matches, read one with its
 * history, take it through its life cycle, comment, rate. Each route validates
 * and calls one use case (service.ts); the policy decides in the service.
 */
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter, type AppEnv } from '../../http/app-env.js';
import { actorOf } from '../../http/authorise.js';
import { jsonResponse, problemResponses } from '../../http/problem.js';
import {
  MatchCommentInputSchema,
  MatchIdParamsSchema,
  MatchListQuerySchema,
  MatchListSchema,
  MatchRatingInputSchema,
  MatchSchema,
  MatchStartInputSchema,
  MatchTransitionInputSchema,
} from './schemas.js';
import * as service from './service.js';

const tags = ['Capacity: match workflow'];
const json = <T>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });
const asker = (c: Context<AppEnv>): service.Asker => ({ actor: actorOf(c), requestId: c.get('requestId'), lang: c.get('lang') });

const startMatch = createRoute({
  method: 'post',
  path: '/matches',
  tags,
  summary: 'Shortlist an offering for a need, or propose an offering for a need',
  description:
    'shortlist: an editor of the need’s organisation; propose: an editor of the offering’s provider (the requester is told by mail). ' +
    'The offering must be published, the need open, matched or in delivery, and the pair within every hard constraint ' +
    '(409 names the constraint); one match under way per pair.',
  request: { body: json(MatchStartInputSchema) },
  responses: { 201: jsonResponse(MatchSchema, 'The match'), ...problemResponses(400, 401, 403, 404, 409) },
});

const listMatches = createRoute({
  method: 'get',
  path: '/matches',
  tags,
  summary: 'Your organisations’ matches, on either side, most recently changed first',
  description:
    'Signed-in people and tokens: the matches of their organisations (a shortlist only for its requester); coordinators see all. At most 200.',
  request: { query: MatchListQuerySchema },
  responses: { 200: jsonResponse(MatchListSchema, 'The matches'), ...problemResponses(400, 401) },
});

const getMatch = createRoute({
  method: 'get',
  path: '/matches/{id}',
  tags,
  summary: 'One match with its history and what you may do now',
  request: { params: MatchIdParamsSchema },
  responses: { 200: jsonResponse(MatchSchema, 'The match'), ...problemResponses(400, 401, 404) },
});

const transitionMatch = createRoute({
  method: 'post',
  path: '/matches/{id}/transitions',
  tags,
  summary: 'Request, accept, decline, start delivery, deliver or close a match',
  description: 'The other side’s editors are told by mail. A reason is required to decline or close; peopleTrained to deliver.',
  request: { params: MatchIdParamsSchema, body: json(MatchTransitionInputSchema) },
  responses: { 200: jsonResponse(MatchSchema, 'The match after the transition'), ...problemResponses(400, 401, 403, 404, 409) },
});

const commentOnMatch = createRoute({
  method: 'post',
  path: '/matches/{id}/comments',
  tags,
  summary: 'Comment on a match (either side)',
  request: { params: MatchIdParamsSchema, body: json(MatchCommentInputSchema) },
  responses: { 201: jsonResponse(MatchSchema, 'The match with its history'), ...problemResponses(400, 401, 403, 404) },
});

const rateMatch = createRoute({
  method: 'post',
  path: '/matches/{id}/ratings',
  tags,
  summary: 'Rate a delivered match, once per side',
  description: 'The requester’s rating counts in the provider’s track record, which the matching engine scores.',
  request: { params: MatchIdParamsSchema, body: json(MatchRatingInputSchema) },
  responses: { 201: jsonResponse(MatchSchema, 'The rated match'), ...problemResponses(400, 401, 403, 404, 409) },
});

export function matchWorkflowApi(deps: service.WorkflowDeps) {
  return createRouter()
    .openapi(startMatch, async (c) => c.json(await service.startMatch(deps, asker(c), c.req.valid('json')), 201))
    .openapi(listMatches, async (c) => c.json(await service.listMatches(deps, actorOf(c), c.req.valid('query')), 200))
    .openapi(getMatch, async (c) => c.json(await service.getMatch(deps, actorOf(c), c.req.valid('param').id), 200))
    .openapi(transitionMatch, async (c) =>
      c.json(await service.transitionMatch(deps, asker(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(commentOnMatch, async (c) =>
      c.json(await service.commentOnMatch(deps, asker(c), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(rateMatch, async (c) => c.json(await service.rateMatch(deps, asker(c), c.req.valid('param').id, c.req.valid('json')), 201));
}
