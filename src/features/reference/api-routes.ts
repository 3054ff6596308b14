/**
 * /api/v1 routes for countries, groups and taxonomies. Each route declares its
 * schemas and calls one service function.
 */
import { createRoute } from '@hono/zod-openapi';
import { createRouter, type Deps } from '../../http/app-env.js';
import { cachePublicly } from '../../http/caching.js';
import { jsonResponse, problemResponses } from '../../http/problem.js';
import * as service from './service.js';
import {
  CountryListQuerySchema,
  CountryPageSchema,
  CountryParamsSchema,
  CountrySchema,
  GroupDetailSchema,
  GroupListQuerySchema,
  GroupListSchema,
  GroupParamsSchema,
  TaxonomyListSchema,
  TaxonomyNameParamsSchema,
  TaxonomyPageSchema,
  TermListQuerySchema,
} from './schemas.js';

const tags = ['Reference data'];

const listCountries = createRoute({
  method: 'get',
  path: '/countries',
  tags,
  summary: 'List countries and areas',
  description: 'The 248 countries and areas of the UN M49 standard with names in six languages, filterable by region and group.',
  request: { query: CountryListQuerySchema },
  responses: { 200: jsonResponse(CountryPageSchema, 'A page of countries'), ...problemResponses(400, 404) },
});

const getCountry = createRoute({
  method: 'get',
  path: '/countries/{code}',
  tags,
  summary: 'One country or area',
  request: { params: CountryParamsSchema },
  responses: { 200: jsonResponse(CountrySchema, 'The country or area'), ...problemResponses(400, 404) },
});

const listGroups = createRoute({
  method: 'get',
  path: '/groups',
  tags,
  summary: 'List groupings',
  description: 'World, M49 regions, sub-regions and intermediate regions, LDC, LLDC, SIDS and World Bank income groups.',
  request: { query: GroupListQuerySchema },
  responses: { 200: jsonResponse(GroupListSchema, 'All groups'), ...problemResponses(400) },
});

const getGroup = createRoute({
  method: 'get',
  path: '/groups/{code}',
  tags,
  summary: 'One grouping with its members',
  request: { params: GroupParamsSchema },
  responses: { 200: jsonResponse(GroupDetailSchema, 'The group and its members'), ...problemResponses(400, 404) },
});

const listTaxonomies = createRoute({
  method: 'get',
  path: '/taxonomies',
  tags,
  summary: 'List taxonomies and controlled lists',
  responses: { 200: jsonResponse(TaxonomyListSchema, 'All taxonomies') },
});

const getTaxonomy = createRoute({
  method: 'get',
  path: '/taxonomies/{name}',
  tags,
  summary: 'Terms of one taxonomy',
  description:
    'digcomp, esco-digital, sdg, topics, audiences, target-groups, levels, modalities, bandwidth, organisation-kinds, offering-kinds, ' +
    'certifications, accessibility-features, urgencies, unmet-reasons, umc-dimensions.',
  request: { params: TaxonomyNameParamsSchema, query: TermListQuerySchema },
  responses: { 200: jsonResponse(TaxonomyPageSchema, 'A page of terms'), ...problemResponses(400, 404) },
});

export function referenceApi({ db }: Deps) {
  // Public reference data: the same answer for everyone, so shared caches may keep it.
  return cachePublicly(createRouter(), ['/countries', '/countries/*', '/groups', '/groups/*', '/taxonomies', '/taxonomies/*'])
    .openapi(listCountries, async (c) => c.json(await service.listCountries(db, c.req.valid('query')), 200))
    .openapi(getCountry, async (c) => c.json(await service.getCountry(db, c.req.valid('param').code), 200))
    .openapi(listGroups, async (c) => c.json({ data: await service.listGroups(db, c.req.valid('query').kind), next: null }, 200))
    .openapi(getGroup, async (c) => c.json(await service.getGroup(db, c.req.valid('param').code), 200))
    .openapi(listTaxonomies, async (c) => c.json({ data: await service.listTaxonomies(db), next: null }, 200))
    .openapi(getTaxonomy, async (c) => c.json(await service.getTaxonomyTerms(db, c.req.valid('param').name, c.req.valid('query')), 200));
}
