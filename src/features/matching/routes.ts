/**
 * GET /api/v1/needs/{id}/matches and GET /api/v1/offerings/{id}/matches: the
 * ranked, explained matches of a record the reader may read (else 404, as for
 * the record itself); GET /api/v1/needs/{id}/people: the people who could
 * advise on it. Each route validates and calls one use case.
 */
import { createRoute } from '@hono/zod-openapi';
import { createRouter, type Deps } from '../../http/app-env.js';
import { actorOf } from '../../http/authorise.js';
import { jsonResponse, problemResponses } from '../../http/problem.js';
import type { MatchHistory } from './history.js';
import { NeedPeoplePageSchema, NeedPeopleQuerySchema, needPeoplePage, type PeopleSource } from './need-people.js';
import { needMatchPage, offeringMatchPage } from './match-pages.js';
import { MatchParamsSchema, MatchQuerySchema, NeedMatchPageSchema, OfferingMatchPageSchema } from './schemas.js';

const tags = ['Capacity: matching'];
const common =
  'Hard constraints are never traded off: a shared language, eligibility of the need’s country (the country, its region, sub-region or ' +
  'intermediate region, LDC / LLDC / SIDS, income group or the world), dates inside the need’s timeframe (rolling offerings always fit), ' +
  'seats left, and no pledges (those answer connectivity gaps). The score (0–1) is the sum of the components’ points: topic and ' +
  'competences through the vocabulary’s hierarchy, audience, level, modality, connectivity against the country’s measured figures, ' +
  'cost, text relevance and the provider’s track record (docs/methods.md, Matching). Explanations follow ?lang= or Accept-Language.';

const needMatches = createRoute({
  method: 'get',
  path: '/needs/{id}/matches',
  tags,
  summary: 'Offerings that match a need, ranked and explained',
  description: `Published offerings only, for anyone who may read the need (members-only needs: signed-in people). ${common}`,
  request: { params: MatchParamsSchema, query: MatchQuerySchema },
  responses: { 200: jsonResponse(NeedMatchPageSchema, 'The need’s best matches'), ...problemResponses(400, 404) },
});

const offeringMatches = createRoute({
  method: 'get',
  path: '/offerings/{id}/matches',
  tags,
  summary: 'Open needs an offering could serve, ranked and explained',
  description:
    'For anyone who may read the offering (drafts: its provider and coordinators); needs visible to the reader only ' +
    `(members-only needs for signed-in people). ${common}`,
  request: { params: MatchParamsSchema, query: MatchQuerySchema },
  responses: { 200: jsonResponse(OfferingMatchPageSchema, 'The offering’s best matches'), ...problemResponses(400, 404) },
});

const needPeople = createRoute({
  method: 'get',
  path: '/needs/{id}/people',
  tags,
  summary: 'People who could advise on a need, ranked and explained',
  description:
    'For anyone who may read the need (members-only needs: signed-in people). Only people whose profile the reader may see, and only ' +
    'the parts of it shown to the reader, are scored: a hidden part counts as absent. Hard constraints: a language the need accepts ' +
    '(when the person’s languages are shown), and availability inside the need’s timeframe (when the person states any). The score ' +
    '(0–1) is the sum of the points of skills (topics, DigComp competences and ESCO skills through the vocabulary’s hierarchy), ' +
    'languages, availability and duty station (docs/methods.md, People for a need). Explanations follow ?lang= or Accept-Language.',
  request: { params: MatchParamsSchema, query: NeedPeopleQuerySchema },
  responses: { 200: jsonResponse(NeedPeoplePageSchema, 'The people who fit the need best'), ...problemResponses(400, 404) },
});

/** The routes, with the match history the workflow keeps and the people source (app.ts injects both). */
export function matchingApi({ db }: Deps, options: { history?: MatchHistory; people?: PeopleSource } = {}) {
  const deps = { db, ...(options.history ? { history: options.history } : {}) };
  const { people } = options;
  const router = createRouter();
  if (people)
    router.openapi(needPeople, async (c) =>
      c.json(await needPeoplePage({ db, people }, actorOf(c), c.req.valid('param').id, c.req.valid('query'), c.get('lang')), 200),
    );
  return router
    .openapi(needMatches, async (c) =>
      c.json(await needMatchPage(deps, actorOf(c), c.req.valid('param').id, c.req.valid('query'), c.get('lang')), 200),
    )
    .openapi(offeringMatches, async (c) =>
      c.json(await offeringMatchPage(deps, actorOf(c), c.req.valid('param').id, c.req.valid('query'), c.get('lang')), 200),
    );
}
