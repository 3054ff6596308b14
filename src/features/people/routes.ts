/**
 * /api/v1/people (the expert finder), /api/v1/people/{id} and /api/v1/me/profile. Each route
 * declares its schemas and calls one service function with who asks; the services ask the policy.
 */
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter, type AppEnv, type Deps } from '../../http/app-env.js';
import { actorOf } from '../../http/authorise.js';
import { jsonResponse, problemResponses } from '../../http/problem.js';
import { searchPeople } from './finder.js';
import { PeoplePageSchema, PeopleQuerySchema } from './finder-schemas.js';
import { OwnProfileSchema, PersonParamsSchema, PersonSchema, ProfileInputSchema } from './schemas.js';
import * as service from './service.js';

const tags = ['Collaborate: people'];
const asker = (c: Context<AppEnv>) => ({ actor: actorOf(c), requestId: c.get('requestId') });

const findPeople = createRoute({
  method: 'get',
  path: '/people',
  tags,
  summary: 'Find people by skill, language, duty station, availability and text (the expert finder)',
  description:
    'People whose profile basics you may see, matching every given facet (values of one facet: any of them). A DigComp area finds people ' +
    'with any of its competences; `languages=fr:B2` finds French at B2 or above. Each person decides who sees which part of their profile ' +
    '(public, signed-in members, their own organisations): a part hidden from you neither matches your filters nor counts in your facets ' +
    'or ranks your text search. Relevance ranks, facets and totals count at most the 250 most recently listed matches, and say so.',
  request: { query: PeopleQuerySchema },
  responses: { 200: jsonResponse(PeoplePageSchema, 'A page of people'), ...problemResponses(400) },
});

const getPerson = createRoute({
  method: 'get',
  path: '/people/{id}',
  tags,
  summary: 'One person’s profile, with the parts shown to you',
  description: 'Parts the person does not show you are null and listed in `hidden`. 404 when even their basics are not shown to you.',
  request: { params: PersonParamsSchema },
  responses: { 200: jsonResponse(PersonSchema, 'The person'), ...problemResponses(400, 404) },
});

const getMyProfile = createRoute({
  method: 'get',
  path: '/me/profile',
  tags,
  summary: 'My profile, with its visibility per part and my consent',
  description:
    'Needs a browser session: a profile is personal data, not something an organisation’s API token reads. 404 before you create one.',
  responses: { 200: jsonResponse(OwnProfileSchema, 'Your profile'), ...problemResponses(401, 403, 404) },
});

const putMyProfile = createRoute({
  method: 'put',
  path: '/me/profile',
  tags,
  summary: 'Create or replace my profile',
  description:
    'Send version 0 to create it, else the version you edited (409 with `currentVersion` when someone saved in between). The first save, ' +
    'and the first after the profile notice changed, must carry `consentToNotice` with the notice version (GET gives it; /privacy shows it). ' +
    'Parts without a visibility are shown to your organisations only.',
  request: { body: { required: true, content: { 'application/json': { schema: ProfileInputSchema } } } },
  responses: { 200: jsonResponse(OwnProfileSchema, 'Your saved profile'), ...problemResponses(400, 401, 403, 409) },
});

const deleteMyProfile = createRoute({
  method: 'delete',
  path: '/me/profile',
  tags,
  summary: 'Delete my profile and withdraw my consent',
  description: 'You leave the expert finder and every candidate list at once; your account stays.',
  responses: { 204: { description: 'Deleted' }, ...problemResponses(401, 403, 404) },
});

export function peopleApi({ db }: Deps) {
  return createRouter()
    .openapi(findPeople, async (c) => c.json(await searchPeople(db, actorOf(c), c.req.valid('query')), 200))
    .openapi(getPerson, async (c) => c.json(await service.getPerson(db, actorOf(c), c.req.valid('param').id), 200))
    .openapi(getMyProfile, async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(await service.getMyProfile(db, actorOf(c)), 200);
    })
    .openapi(putMyProfile, async (c) => c.json(await service.saveMyProfile(db, asker(c), c.req.valid('json')), 200))
    .openapi(deleteMyProfile, async (c) => {
      await service.deleteMyProfile(db, asker(c));
      return c.body(null, 204);
    });
}
