/**
 * /api/v1/needs: the demand side. Each route declares its schemas and calls
 * one service function with who asks; the services ask the policy.
 */
import { createRoute } from '@hono/zod-openapi';
import { createRouter, type Deps } from '../../http/app-env.js';
import { actorOf } from '../../http/authorise.js';
import { jsonResponse, problemResponses } from '../../http/problem.js';
import { asker, body, csvDownload, listContent, listQueryHook, localisedFilters } from './api-support.js';
import { needExportConditions, searchNeeds } from './catalogue.js';
import { NeedListQuerySchema, NeedPageSchema } from './list-schemas.js';
import { NeedInputSchema, NeedParamsSchema, NeedPatchSchema, NeedSchema, NeedTransitionSchema } from './need-schemas.js';
import * as service from './need-service.js';
import { exportNeeds } from './need-transfer.js';

const tags = ['Capacity: needs'];

const listNeeds = createRoute({
  method: 'get',
  path: '/needs',
  tags,
  summary: 'Search the needs',
  description:
    'Needs matching `q` (any of the six UN languages, typo-tolerant) and the facet parameters; `country` takes a country or a group ' +
    '(LDC, an M49 region …). Members-only needs are listed for signed-in people only. Facet counts per value with every page; ' +
    '`format=csv` downloads every match in the import template.',
  request: { query: NeedListQuerySchema },
  responses: {
    200: { description: 'A page of needs', content: listContent(NeedPageSchema, 'id,status,unmet_reason,status_reason,country,…\n') },
    ...problemResponses(400),
  },
});
const createNeed = createRoute({
  method: 'post',
  path: '/needs',
  tags,
  summary: 'Post a need (editors and owners of the requesting organisation)',
  description: 'Open from the start; visible to everyone, or to signed-in members only with `visibility: members`.',
  request: body(NeedInputSchema),
  responses: { 201: jsonResponse(NeedSchema, 'The new need'), ...problemResponses(400, 401, 403) },
});
const getNeed = createRoute({
  method: 'get',
  path: '/needs/{id}',
  tags,
  summary: 'One need',
  description: 'Members-only needs are not found for anonymous visitors (404).',
  request: { params: NeedParamsSchema },
  responses: { 200: jsonResponse(NeedSchema, 'The need'), ...problemResponses(400, 404) },
});
const updateNeed = createRoute({
  method: 'patch',
  path: '/needs/{id}',
  tags,
  summary: 'Change a need (editors and owners of the requester)',
  description: 'Send the version you edited; a stale version is a 409 with `currentVersion` and the `changes` since. Audited.',
  request: { params: NeedParamsSchema, ...body(NeedPatchSchema) },
  responses: { 200: jsonResponse(NeedSchema, 'The changed need'), ...problemResponses(400, 401, 403, 404, 409) },
});
const transitionNeed = createRoute({
  method: 'post',
  path: '/needs/{id}/transitions',
  tags,
  summary: 'Move a need through its life cycle',
  description:
    'match, unmatch (with a reason), start-delivery, fulfil, close-unmet (with `unmetReason` and a reason), reopen. The requester ' +
    'takes them all; coordinators may also match, unmatch and close unmet.',
  request: { params: NeedParamsSchema, ...body(NeedTransitionSchema) },
  responses: { 200: jsonResponse(NeedSchema, 'The need in its new status'), ...problemResponses(400, 401, 403, 404, 409) },
});

export function needsApi({ db }: Deps) {
  return createRouter()
    .openapi(
      listNeeds,
      async (c) => {
        const query = c.req.valid('query');
        if (query.format === 'csv')
          return csvDownload(
            c,
            await localisedFilters(c, async () => exportNeeds(db, await needExportConditions(db, actorOf(c), query), 'csv')),
            'needs',
          );
        return c.json(await localisedFilters(c, () => searchNeeds(db, actorOf(c), query)), 200);
      },
      listQueryHook('needs'),
    )
    .openapi(createNeed, async (c) => c.json(await service.createNeed(db, asker(c), c.req.valid('json')), 201))
    .openapi(getNeed, async (c) => c.json(await service.getNeed(db, actorOf(c), c.req.valid('param').id), 200))
    .openapi(updateNeed, async (c) => c.json(await service.updateNeed(db, asker(c), c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(transitionNeed, async (c) =>
      c.json(await service.transitionNeed(db, asker(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
}
