/**
 * /api/v1/saved-searches: the API side of the /alerts page. A signed-in person, in person (a
 * session, not an organisation's token: what one watches is one's own), lists, saves and deletes
 * their catalogue searches; the daily digest mails what newly matches each, as its owner sees the
 * catalogue. A search is the list parameters of /api/v1/offerings or /api/v1/needs, checked with
 * their schema; paging and output parameters are dropped.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, type Deps } from '../../../http/app-env.js';
import { actorOf } from '../../../http/authorise.js';
import { jsonResponse, problemResponses } from '../../../http/problem.js';
import { text } from '../../../http/text.js';
import { body } from '../api-support.js';
import { deleteSavedSearch, listSavedSearches, MAX_SAVED, saveSearch } from './saved-searches.js';

const tags = ['Capacity: saved searches'];

const KindSchema = z.enum(['offerings', 'needs']).openapi({ description: 'Which catalogue the search runs on' });
const QuerySchema = z
  .record(z.string().regex(/^[A-Za-z]{1,30}$/, 'a list parameter name'), text().max(1000))
  .refine((query) => Object.keys(query).length <= 20, 'at most 20 parameters')
  .openapi({
    description: 'The list parameters as /api/v1/offerings or /api/v1/needs take them (lists comma-separated)',
    example: { topics: 'cybersecurity', eligibleFor: 'NER' },
  });

const SavedSearchInputSchema = z.strictObject({ kind: KindSchema, query: QuerySchema }).openapi('SavedSearchInput');
const SavedSearchSchema = z
  .object({ id: z.uuid(), kind: KindSchema, query: z.record(z.string(), z.string()), createdAt: z.string() })
  .openapi('SavedSearch');
const IdParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

const listRoute = createRoute({
  method: 'get',
  path: '/saved-searches',
  tags,
  summary: 'Your saved searches',
  responses: { 200: jsonResponse(z.object({ data: z.array(SavedSearchSchema) }), 'Oldest first'), ...problemResponses(401, 403) },
});
const saveRoute = createRoute({
  method: 'post',
  path: '/saved-searches',
  tags,
  summary: 'Save a catalogue search: a daily mail tells you what newly matches it',
  description: `At most ${MAX_SAVED} per person (409 beyond). The digest runs the search as you see the catalogue: members-only needs of your organisations included.`,
  request: body(SavedSearchInputSchema),
  responses: { 201: jsonResponse(SavedSearchSchema, 'Saved'), ...problemResponses(400, 401, 403, 409) },
});
const deleteRoute = createRoute({
  method: 'delete',
  path: '/saved-searches/{id}',
  tags,
  summary: 'Delete one of your saved searches (another’s is not found)',
  request: { params: IdParams },
  responses: { 204: { description: 'Deleted' }, ...problemResponses(400, 401, 403, 404) },
});

export function savedSearchesApi({ db }: Deps) {
  return createRouter()
    .openapi(listRoute, async (c) => c.json({ data: await listSavedSearches(db, actorOf(c)) }, 200))
    .openapi(saveRoute, async (c) => {
      const { kind, query } = c.req.valid('json');
      return c.json(await saveSearch(db, actorOf(c), kind, query), 201);
    })
    .openapi(deleteRoute, async (c) => {
      await deleteSavedSearch(db, actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    });
}
