/**
 * /api/v1/offering-sources: a provider registers the URL of its own catalogue (schema.org
 * JSON-LD or CSV in the template), lists its sources with each one's last report, reads a
 * source's last runs, changes or removes a source, and may harvest one now (the daily job
 * harvests every source). Editors and owners of the provider, and admins; the service asks the
 * policy.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, type Deps } from '../../../http/app-env.js';
import { actorOf } from '../../../http/authorise.js';
import { jsonResponse, problemResponses } from '../../../http/problem.js';
import { body } from '../api-support.js';
import { distinctList, listCode, TopicCodeSchema, UrlSchema } from '../schema-parts.js';
import { harvestSource } from './harvest.js';
import { SOURCE_FORMATS } from './read-catalogue.js';
import { changeSource, listSources, registerSource, removeSource, sourceRuns } from './sources.js';

const tags = ['Capacity: harvesting'];

const FormatSchema = z.enum(SOURCE_FORMATS).openapi({
  description: 'json-ld (a page or feed of schema.org Course, Service, CreativeWork, MonetaryGrant …; the default) or csv (our template)',
});

const SourceInputSchema = z
  .strictObject({
    providerOrganisationId: z.uuid().openapi({ description: 'The provider: an organisation you are an editor or owner of' }),
    url: UrlSchema.openapi({ description: 'Its catalogue: a page or feed of schema.org JSON-LD, or CSV in the offerings template' }),
    format: FormatSchema.optional(),
    defaultTopics: distinctList(TopicCodeSchema, 5, 1).openapi({ description: 'Topics for items that name none of ours' }),
    defaultAudiences: distinctList(listCode('audiences'), 5, 1).openapi({ description: 'Audiences for items that name none of ours' }),
  })
  .openapi('OfferingSourceInput');

const SourceChangeSchema = SourceInputSchema.omit({ providerOrganisationId: true }).openapi('OfferingSourceChange');

const HarvestReportSchema = z
  .object({
    sourceId: z.uuid(),
    url: z.string(),
    ranAt: z.string(),
    error: z.string().nullable().openapi({ description: 'Why nothing could be harvested (then nothing changed)' }),
    items: z.number().int(),
    created: z.number().int().openapi({ description: 'New offerings, as drafts for review' }),
    updated: z.number().int(),
    unchanged: z.number().int(),
    archived: z.number().int().openapi({ description: 'Offerings the catalogue no longer lists' }),
    problems: z.array(z.object({ position: z.number().int(), key: z.string().nullable(), message: z.string() })),
  })
  .openapi('HarvestReport');

const SourceSchema = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    url: z.string(),
    format: FormatSchema,
    defaultTopics: z.array(z.string()),
    defaultAudiences: z.array(z.string()),
    lastRunAt: z.string().nullable(),
    lastReport: HarvestReportSchema.nullable(),
  })
  .openapi('OfferingSource');

const IdParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

const registerRoute = createRoute({
  method: 'post',
  path: '/offering-sources',
  tags,
  summary: 'Register a catalogue to harvest (editors and owners of the provider)',
  description:
    'The daily harvest fetches it, creates new items as drafts for review, updates changed ones and archives those it no longer lists, ' +
    'reporting per item what it could not read. Registering the same URL again changes its defaults.',
  request: body(SourceInputSchema),
  responses: { 201: jsonResponse(SourceSchema, 'The source'), ...problemResponses(400, 401, 403) },
});
const listRoute = createRoute({
  method: 'get',
  path: '/offering-sources',
  tags,
  summary: 'An organisation’s harvested catalogues, with their last reports',
  request: { query: z.object({ organisation: z.uuid().openapi({ description: 'The provider organisation' }) }) },
  responses: { 200: jsonResponse(z.object({ data: z.array(SourceSchema) }), 'Its sources'), ...problemResponses(400, 401, 403) },
});
const harvestRoute = createRoute({
  method: 'post',
  path: '/offering-sources/{id}/harvest',
  tags,
  summary: 'Harvest a catalogue now',
  request: { params: IdParams },
  responses: { 200: jsonResponse(HarvestReportSchema, 'What the run did, item by item'), ...problemResponses(400, 401, 403, 404) },
});

const runsRoute = createRoute({
  method: 'get',
  path: '/offering-sources/{id}/runs',
  tags,
  summary: 'A catalogue’s last ten harvest runs, newest first, each with what it could not read',
  request: { params: IdParams },
  responses: { 200: jsonResponse(z.object({ data: z.array(HarvestReportSchema) }), 'Its runs'), ...problemResponses(400, 401, 403, 404) },
});
const changeRoute = createRoute({
  method: 'patch',
  path: '/offering-sources/{id}',
  tags,
  summary: 'Change a catalogue’s address, format or defaults (the next run reads them)',
  request: { params: IdParams, ...body(SourceChangeSchema) },
  responses: { 200: jsonResponse(SourceSchema, 'The source'), ...problemResponses(400, 401, 403, 404, 409) },
});
const removeRoute = createRoute({
  method: 'delete',
  path: '/offering-sources/{id}',
  tags,
  summary: 'Stop harvesting a catalogue; the offerings it brought stay, with their status',
  request: { params: IdParams },
  responses: { 204: { description: 'Removed' }, ...problemResponses(400, 401, 403, 404) },
});

export function offeringSourcesApi({ db, config }: Deps) {
  return createRouter()
    .openapi(registerRoute, async (c) => c.json(await registerSource(db, actorOf(c), c.req.valid('json')), 201))
    .openapi(listRoute, async (c) => c.json({ data: await listSources(db, actorOf(c), c.req.valid('query').organisation) }, 200))
    .openapi(runsRoute, async (c) => c.json({ data: await sourceRuns(db, actorOf(c), c.req.valid('param').id) }, 200))
    .openapi(changeRoute, async (c) => c.json(await changeSource(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(removeRoute, async (c) => {
      await removeSource(db, actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(harvestRoute, async (c) =>
      c.json(await harvestSource(db, actorOf(c), c.req.valid('param').id, { allowPrivate: config.harvestPrivateAddresses }), 200),
    );
}
