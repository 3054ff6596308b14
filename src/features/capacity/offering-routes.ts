/**
 * /api/v1/offerings: the catalogue of supply. Each route declares its schemas
 * and calls one service function with who asks; the services ask the policy.
 */
import { createRoute } from '@hono/zod-openapi';
import { createRouter, type Deps } from '../../http/app-env.js';
import { actorOf } from '../../http/authorise.js';
import { jsonResponse, problemResponses } from '../../http/problem.js';
import { asker, body, csvDownload, listContent, listQueryHook, localisedFilters } from './api-support.js';
import { offeringExportConditions, searchOfferings } from './catalogue.js';
import { OfferingListQuerySchema, OfferingPageSchema } from './list-schemas.js';
import {
  OfferingInputSchema,
  OfferingParamsSchema,
  OfferingPatchSchema,
  OfferingSchema,
  OfferingTransitionSchema,
} from './offering-schemas.js';
import * as service from './offering-service.js';
import { exportOfferings } from './offering-transfer.js';

const tags = ['Capacity: offerings'];

const listOfferings = createRoute({
  method: 'get',
  path: '/offerings',
  tags,
  summary: 'Search the catalogue of offerings',
  description:
    'Published offerings (and, for their providers and coordinators, drafts and those in review) matching `q` in any of the six UN languages ' +
    '(stemmed, accent-insensitive, Chinese by character bigrams, misspelt words also searched as their closest known words) and the facet ' +
    'parameters. Ranking, facet counts and the total are taken over at most the 1,000 most recently listed matches, and the ' +
    'response says so (`search.capped`, `search.method`, `total.exact`, `facets.exact`); newest-first pages reach every match. ' +
    '`format=csv` downloads every match (up to 10,000) in the import template.',
  request: { query: OfferingListQuerySchema },
  responses: {
    200: { description: 'A page of offerings', content: listContent(OfferingPageSchema, 'id,status,kind,language,title,summary,…\n') },
    ...problemResponses(400),
  },
});
const createOffering = createRoute({
  method: 'post',
  path: '/offerings',
  tags,
  summary: 'List an offering (editors and owners of the provider)',
  description: 'It starts as a draft of the provider organisation; submit it for review with a transition.',
  request: body(OfferingInputSchema),
  responses: { 201: jsonResponse(OfferingSchema, 'The new draft'), ...problemResponses(400, 401, 403) },
});
const getOffering = createRoute({
  method: 'get',
  path: '/offerings/{id}',
  tags,
  summary: 'One offering',
  description: 'Published offerings for everyone; others for their organisation and coordinators (404 for the rest).',
  request: { params: OfferingParamsSchema },
  responses: { 200: jsonResponse(OfferingSchema, 'The offering'), ...problemResponses(400, 404) },
});
const updateOffering = createRoute({
  method: 'patch',
  path: '/offerings/{id}',
  tags,
  summary: 'Change an offering (editors and owners of the provider)',
  description:
    'Send the version you edited. A published offering stays published; every change is audited. If someone saved in between, ' +
    '409 with `currentVersion` and `changes` (each field changed since your version, with its current value).',
  request: { params: OfferingParamsSchema, ...body(OfferingPatchSchema) },
  responses: { 200: jsonResponse(OfferingSchema, 'The changed offering'), ...problemResponses(400, 401, 403, 404, 409) },
});
const transitionOffering = createRoute({
  method: 'post',
  path: '/offerings/{id}/transitions',
  tags,
  summary: 'Move an offering through review',
  description:
    'Providers submit, withdraw, archive and reopen; coordinators publish, return (with a reason) and archive. A transition that does not ' +
    'apply to the current status is a 409 naming those that do.',
  request: { params: OfferingParamsSchema, ...body(OfferingTransitionSchema) },
  responses: { 200: jsonResponse(OfferingSchema, 'The offering in its new status'), ...problemResponses(400, 401, 403, 404, 409) },
});

export function offeringsApi({ db }: Deps) {
  return createRouter()
    .openapi(
      listOfferings,
      async (c) => {
        const query = c.req.valid('query');
        if (query.format === 'csv')
          return csvDownload(
            c,
            await localisedFilters(c, async () => exportOfferings(db, await offeringExportConditions(db, actorOf(c), query), 'csv')),
            'offerings',
          );
        return c.json(await localisedFilters(c, () => searchOfferings(db, actorOf(c), query)), 200);
      },
      listQueryHook('offerings'),
    )
    .openapi(createOffering, async (c) => c.json(await service.createOffering(db, asker(c), c.req.valid('json')), 201))
    .openapi(getOffering, async (c) => c.json(await service.getOffering(db, actorOf(c), c.req.valid('param').id), 200))
    .openapi(updateOffering, async (c) =>
      c.json(await service.updateOffering(db, asker(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(transitionOffering, async (c) =>
      c.json(await service.transitionOffering(db, asker(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
}
