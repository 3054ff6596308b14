/**
 * /api/v1 routes of the Connect data: the indicator catalogue, observations, aggregates and
 * country and group profiles. Each route declares its schemas, picks the representation (JSON, CSV or
 * SDMX-CSV) and calls one service function; presenters shape what leaves.
 */
import { createRoute } from '@hono/zod-openapi';
import { createRouter, type Deps } from '../../http/app-env.js';
import { cachePublicly } from '../../http/caching.js';
import { problemResponses } from '../../http/problem.js';
import { csvResponse, downloadContent, refuseSdmx, requestedFormat, sdmxResponse } from './downloads.js';
import {
  aggregatesSdmx,
  aggregatesTable,
  groupProfileSdmx,
  groupProfileTable,
  indicatorsTable,
  observationsSdmx,
  observationsTable,
  profileSdmx,
  profileTable,
} from './presenters.js';
import * as service from './service.js';
import {
  AggregatePageSchema,
  AggregateQuerySchema,
  CountryProfileParamsSchema,
  CountryProfileSchema,
  FormatQuerySchema,
  GroupProfileParamsSchema,
  GroupProfileSchema,
  IndicatorListSchema,
  IndicatorParamsSchema,
  IndicatorSchema,
  ObservationPageSchema,
  ObservationQuerySchema,
} from './schemas.js';

const tags = ['Indicators'];

/** Reads whose answer changes only when an import commits: served per data version (http/versioned-responses.ts). */
export const INDICATOR_VERSIONED_READS = [
  '/api/v1/indicators',
  '/api/v1/indicators/{code}',
  '/api/v1/indicators/{code}/observations',
  '/api/v1/indicators/{code}/aggregates',
  '/api/v1/countries/{iso3}/profile',
  '/api/v1/groups/{code}/profile',
] as const;
const FORMATS_NOTE =
  'JSON by default; CSV or SDMX-CSV with `Accept: text/csv` / `Accept: application/vnd.sdmx.data+csv` or `?format=csv|sdmx-csv`. ' +
  'SDMX-CSV is version 2.0; `Accept: application/vnd.sdmx.data+csv;version=1.0.0` gives 1.0, another version a 406. ' +
  'Every row carries its source, vintage and licence.';

const listIndicators = createRoute({
  method: 'get',
  path: '/indicators',
  tags,
  summary: 'The indicator catalogue',
  description:
    'Every indicator with names and definitions in six languages, unit, direction, aggregation rule, 2030 target, source and the span of data held. JSON or CSV.',
  request: { query: FormatQuerySchema },
  responses: {
    200: { description: 'All indicators', content: downloadContent(IndicatorListSchema, { sdmx: false }) },
    ...problemResponses(400, 406),
  },
});

const getIndicator = createRoute({
  method: 'get',
  path: '/indicators/{code}',
  tags,
  summary: 'One indicator',
  description: 'By its code or any source alias (IT.NET.USER.ZS, IT_USE_ii99); the answer carries the canonical code. JSON or CSV.',
  request: { params: IndicatorParamsSchema, query: FormatQuerySchema },
  responses: {
    200: { description: 'The indicator', content: downloadContent(IndicatorSchema, { sdmx: false }) },
    ...problemResponses(400, 404, 406),
  },
});

const listObservations = createRoute({
  method: 'get',
  path: '/indicators/{code}/observations',
  tags,
  summary: 'Observations of one indicator',
  description: `Country × year (× breakdown) values with source, vintage, estimate flag and note, filtered by countries, groups (their members' values), years and breakdown. ${FORMATS_NOTE}`,
  request: { params: IndicatorParamsSchema, query: ObservationQuerySchema },
  responses: {
    200: { description: 'A page of observations', content: downloadContent(ObservationPageSchema) },
    ...problemResponses(400, 404, 406),
  },
});

const listAggregates = createRoute({
  method: 'get',
  path: '/indicators/{code}/aggregates',
  tags,
  summary: 'Group aggregates of one indicator',
  description:
    'Population-weighted (or summed) figures for the world, M49 regions and sub-regions, LDC, LLDC, SIDS and income groups, ' +
    'each with coverage (0–1), method and member counts, beside the figure the source itself published for the group and year and the difference. ' +
    `Group-years below two thirds coverage are not published. ${FORMATS_NOTE}`,
  request: { params: IndicatorParamsSchema, query: AggregateQuerySchema },
  responses: {
    200: { description: 'A page of aggregates', content: downloadContent(AggregatePageSchema) },
    ...problemResponses(400, 404, 406),
  },
});

const getProfile = createRoute({
  method: 'get',
  path: '/countries/{iso3}/profile',
  tags,
  summary: 'Connectivity profile of one country',
  description:
    'Every indicator: latest value, year, source and vintage; trend and 2030 projection; ITU band or target status; on track; ' +
    'years to target; gap; rank in the region and in each group (LDC, LLDC, SIDS, income), each peer on its latest value within the three years ' +
    `ending at the country's latest year (the rank says the window and how many peers had no value). ${FORMATS_NOTE}`,
  request: { params: CountryProfileParamsSchema, query: FormatQuerySchema },
  responses: { 200: { description: 'The profile', content: downloadContent(CountryProfileSchema) }, ...problemResponses(400, 404, 406) },
});

const getGroupProfile = createRoute({
  method: 'get',
  path: '/groups/{code}/profile',
  tags,
  summary: 'Connectivity profile of one group',
  description:
    'Every indicator for the world, an M49 region or sub-region, LDC, LLDC, SIDS or an income group: the latest computed aggregate ' +
    '(value, year, coverage 0–1, method), the figure the source itself published for the group that year when there is one, ' +
    "and the trend fitted on the group's aggregate series with the same model as for countries, ITU band or target status, 2030 projection, " +
    `on track, years to target and gap. Indicators that are not aggregated have no latest value. ${FORMATS_NOTE}`,
  request: { params: GroupProfileParamsSchema, query: FormatQuerySchema },
  responses: { 200: { description: 'The profile', content: downloadContent(GroupProfileSchema) }, ...problemResponses(400, 404, 406) },
});

export function indicatorsApi({ db }: Deps) {
  // Public data: the same answer for everyone, so shared caches may keep it.
  return cachePublicly(createRouter(), ['/indicators', '/indicators/*', '/countries/:iso3/profile', '/groups/:code/profile'])
    .openapi(listIndicators, async (c) => {
      const { format } = requestedFormat(c, c.req.valid('query').format);
      refuseSdmx(format, 'The indicator catalogue');
      const data = await service.listIndicators(db);
      return format === 'csv' ? csvResponse(c, indicatorsTable(data), 'indicators') : c.json({ data, next: null }, 200);
    })
    .openapi(getIndicator, async (c) => {
      const { format } = requestedFormat(c, c.req.valid('query').format);
      refuseSdmx(format, 'An indicator');
      const indicator = await service.getIndicator(db, c.req.valid('param').code);
      return format === 'csv' ? csvResponse(c, indicatorsTable([indicator]), indicator.code) : c.json(indicator, 200);
    })
    .openapi(listObservations, async (c) => {
      const { format: asked, ...query } = c.req.valid('query');
      const { format, sdmxVersion } = requestedFormat(c, asked);
      const page = await service.listObservations(db, c.req.valid('param').code, query, format !== 'json');
      const licence = page.indicator.source.licence;
      const name = `${page.indicator.code}-observations`;
      if (format === 'csv') return csvResponse(c, observationsTable(page.data, licence), name);
      if (format === 'sdmx-csv') return sdmxResponse(c, observationsSdmx(page.data, licence), name, sdmxVersion);
      return c.json({ data: page.data, next: page.next }, 200);
    })
    .openapi(listAggregates, async (c) => {
      const { format: asked, ...query } = c.req.valid('query');
      const { format, sdmxVersion } = requestedFormat(c, asked);
      const page = await service.listAggregates(db, c.req.valid('param').code, query, format !== 'json');
      const licence = page.indicator.source.licence;
      const name = `${page.indicator.code}-aggregates`;
      if (format === 'csv') return csvResponse(c, aggregatesTable(page.data, licence), name);
      if (format === 'sdmx-csv') return sdmxResponse(c, aggregatesSdmx(page.data, licence), name, sdmxVersion);
      return c.json({ data: page.data, next: page.next }, 200);
    })
    .openapi(getProfile, async (c) => {
      const { format, sdmxVersion } = requestedFormat(c, c.req.valid('query').format);
      const profile = await service.countryProfile(db, c.req.valid('param').iso3);
      const name = `${profile.country.iso3}-profile`;
      if (format === 'csv') return csvResponse(c, profileTable(profile), name);
      if (format === 'sdmx-csv') return sdmxResponse(c, profileSdmx(profile), name, sdmxVersion);
      return c.json(profile, 200);
    })
    .openapi(getGroupProfile, async (c) => {
      const { format, sdmxVersion } = requestedFormat(c, c.req.valid('query').format);
      const profile = await service.groupProfile(db, c.req.valid('param').code);
      const name = `${profile.group.code}-profile`;
      if (format === 'csv') return csvResponse(c, groupProfileTable(profile), name);
      if (format === 'sdmx-csv') return sdmxResponse(c, groupProfileSdmx(profile), name, sdmxVersion);
      return c.json(profile, 200);
    });
}
