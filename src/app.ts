/**
 * The app assembly: middleware in order, then every feature's routes. Built
 * from injected dependencies, so tests run it in process with `app.request()`.
 */
import { publicOrigin } from './web/public-origin.js';
import { OpenAPIHono } from '@hono/zod-openapi';
import { compress } from 'hono/compress';
import { requestId } from 'hono/request-id';
import { accountPages, authApi, authenticate, limitAnonymousApiReads, requireCsrf, tokenApi } from './features/accounts/index.js';
import { accountNav, CSRF_FIELD, csrfToken } from './features/accounts/index.js';
import { activityPages, digestPersonalData } from './features/activity/index.js';
import { apiDocsNav, apiDocsPage } from './features/api-docs/api-page.js';
import { auditApi, auditPages } from './features/audit/index.js';
import { activeProjectsSection, briefLink, briefPages, matchedOffersSection, openNeedsSection } from './features/briefs/index.js';
import {
  capacityPages,
  harvestPages,
  needsApi,
  needsNav,
  offeringSourcesApi,
  offeringsApi,
  offeringsNav,
  savedSearchesApi,
} from './features/capacity/index.js';
import { healthRoute } from './features/health/health-route.js';
import { learningPages, learningPersonalData } from './features/learning/index.js';
import { homeNav, homePages } from './features/home/home-page.js';
import { membershipsOf, organisationPages, organisationsApi, organisationsNav } from './features/organisations/index.js';
import { candidatePool, peopleApi, peopleNav, peoplePages, peopleVocabulary, profilePersonalData } from './features/people/index.js';
import { capacitySection, matchingApi, type PeopleSource } from './features/matching/index.js';
import { matchesNav, matchPersonalData, matchWorkflowApi, matchWorkflowPages, workflowHistory } from './features/match-workflow/index.js';
import { insightsApi, insightsNav, insightsPages } from './features/insights/index.js';
import { privacyApi, privacyPages } from './features/privacy/index.js';
import { projectPages, projectPersonalData, projectsApi, projectsNav, projectWorkApi } from './features/projects/index.js';
import { dataVersion } from './features/imports/index.js';
import {
  cacheForAnonymous,
  connectNav,
  connectivitySection,
  connectPages,
  INDICATOR_VERSIONED_READS,
  indicatorsApi,
} from './features/indicators/index.js';
import { REFERENCE_VERSIONED_READS, referenceApi, referenceNav, referencePages } from './features/reference/index.js';
import { ssoPages, ssoSignInAlternative } from './features/sso/index.js';
import { webhookPages, webhooksApi } from './features/webhooks/index.js';
import type { Actor } from './core/policy/actor.js';
import type { AppEnv, Deps } from './http/app-env.js';
import { limitBodies } from './http/body-limit.js';
import { noStoreByDefault } from './http/caching.js';
import { errorHandler, notFoundHandler } from './http/error-handler.js';
import { locale } from './http/locale.js';
import { requestLog } from './http/request-log.js';
import { versionedResponses } from './http/versioned-responses.js';
import { securityHeaders } from './http/security-headers.js';
import { formTokens } from './platform/forms/index.js';
import { ASSETS } from './web/assets.js';
import { navigation } from './web/navigation.js';
import { offlineWorker } from './web/offline.js';

export const OPENAPI_INFO: Parameters<OpenAPIHono['getOpenAPI31Document']>[0] = {
  openapi: '3.1.0',
  info: {
    title: 'Digital Cooperation Platform API',
    version: '1.0.0',
    description: 'Public JSON API of the Digital Cooperation Platform. Errors are application/problem+json; lists return { data, next }.',
    license: { name: 'Data: CC BY 4.0 and as stated per source' },
  },
  servers: [{ url: '/' }],
};

export function createApp(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();
  // Other features' shares of a person's data: exported and erased with the account (privacy feature).
  const personalDataParts = [profilePersonalData, projectPersonalData, learningPersonalData, digestPersonalData, matchPersonalData];
  app.onError(errorHandler(deps.logger));
  app.notFound(notFoundHandler);

  app.use(requestId({ headerName: 'X-Request-Id' }));
  app.use(requestLog(deps.logger));
  app.use(securityHeaders(deps.config));
  // no-store unless a route declares its own caching (public reads do, in their routers).
  app.use(noStoreByDefault());
  app.use(compress());
  app.use(locale());
  app.use(publicOrigin(deps.config.publicUrl));
  // The main navigation, in order: each feature contributes its entry; the page shell knows no URL.
  app.use(
    navigation([
      homeNav,
      referenceNav,
      ...connectNav,
      offeringsNav,
      needsNav,
      organisationsNav,
      insightsNav,
      matchesNav,
      peopleNav,
      projectsNav,
      apiDocsNav,
      ...accountNav,
    ]),
  );
  // Before anything reads a body (the CSRF stage reads forms): small by default, larger only where a route allows it.
  app.use(limitBodies());

  for (const asset of ASSETS) {
    app.get(asset.path, (c) => {
      const caching = { 'Cache-Control': 'public, max-age=31536000, immutable', ETag: asset.etag };
      if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304, caching);
      return c.body(asset.body, 200, { 'Content-Type': asset.type, ...caching });
    });
  }
  // The offline-reading service worker (web/offline.ts): at the root so its scope is the site; revalidated on every check.
  const worker = offlineWorker();
  app.get('/offline.js', (c) => c.body(worker, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' }));

  // Who is asking (session cookie or Bearer token), then CSRF for cookie-authenticated
  // state changes, then the anonymous API read limit — before any route but the static assets.
  app.use(authenticate(deps));
  app.use(requireCsrf(deps));
  // Every form's hidden CSRF field, from the accounts feature's token, for the forms stage (platform).
  app.use(formTokens({ field: CSRF_FIELD, token: csrfToken }));
  app.use('/api/v1/*', limitAnonymousApiReads(deps));

  // Public reads that change only with an import: kept finished (body, gzip, headers, ETag) per data
  // version, so that a repeat skips the route, serialising, hashing and compressing. Their routers
  // opt into public caching themselves (everything else is no-store by default).
  app.use(
    '/api/v1/*',
    versionedResponses({ version: () => dataVersion(deps.db), routes: [...REFERENCE_VERSIONED_READS, ...INDICATOR_VERSIONED_READS] }),
  );

  app.route('/', healthRoute(deps));
  // Before the reference routes, so /countries/{iso3}/profile is the indicators feature's.
  app.route('/api/v1', indicatorsApi(deps));
  app.route('/api/v1', referenceApi(deps));
  app.route('/api/v1', authApi(deps));
  app.route('/api/v1', tokenApi(deps));
  app.route('/api/v1', organisationsApi(deps));
  app.route('/api/v1', auditApi(deps));
  app.route('/api/v1', privacyApi(deps, { parts: personalDataParts }));
  app.route('/api/v1', offeringsApi(deps));
  app.route('/api/v1', needsApi(deps));
  app.route('/api/v1', offeringSourcesApi(deps));
  app.route('/api/v1', savedSearchesApi(deps));
  app.route('/api/v1', peopleApi(deps));
  app.route('/api/v1', projectsApi(deps));
  app.route('/api/v1', projectWorkApi(deps));
  // People for an advisory need: matching ranks the people feature's capped, visibility-filtered pool.
  const peopleForMatching: PeopleSource = {
    pool: (db, actor, criteria, cap) => candidatePool(db, actor, criteria, cap),
    placeOf: async (db, iso3) => (await peopleVocabulary(db)).countries.get(iso3),
  };
  // The workflow's track record and seats feed the matching engine (matching never imports the workflow).
  const matching = { ...deps, history: workflowHistory, people: peopleForMatching };
  app.route('/api/v1', matchingApi(deps, { history: workflowHistory, people: peopleForMatching }));
  app.route('/api/v1', matchWorkflowApi(matching));
  app.route('/api/v1', insightsApi(deps));
  app.route('/api/v1', webhooksApi(deps));
  app.doc31('/api/v1/openapi.json', OPENAPI_INFO);

  app.route('/', homePages(deps));
  // A gap on a country profile offers to start a capacity need to members of a government or UN organisation.
  const startsNeeds = async (actor: Actor) =>
    actor.kind === 'user' &&
    (await membershipsOf(deps.db, actor.userId, actor)).some(
      (m) => m.organisation.kind === 'member-state' || m.organisation.kind === 'un-entity',
    );
  // A country page is public caching material for anonymous visitors, like the other Connect pages.
  app.use('/countries/:code', cacheForAnonymous());
  app.route(
    '/',
    referencePages(deps, { countrySections: [connectivitySection(deps, { startsNeeds }), capacitySection(matching), briefLink()] }),
  );
  app.route('/', connectPages(deps));
  // The country brief; later features (capacity needs, matched offers, projects) add their sections here.
  app.route('/', briefPages(deps, { sections: [openNeedsSection(deps), matchedOffersSection(matching), activeProjectsSection(deps)] }));
  app.route('/', accountPages(deps, { signInAlternative: ssoSignInAlternative(deps) }));
  app.route('/', organisationPages(deps));
  app.route('/', auditPages(deps));
  app.route('/', privacyPages(deps, { parts: personalDataParts }));
  app.route('/', peoplePages(deps));
  app.route('/', projectPages(deps));
  app.route('/', learningPages(deps));
  app.route('/', activityPages(deps));
  app.route('/', ssoPages(deps));
  app.route('/', capacityPages(deps));
  app.route('/', harvestPages(deps));
  app.route('/', matchWorkflowPages(matching));
  app.route('/', insightsPages(deps));
  app.route('/', webhookPages(deps));
  app.route(
    '/',
    apiDocsPage(() => openApiDocument(app)),
  );
  return app;
}

export type App = ReturnType<typeof createApp>;

/** The OpenAPI 3.1 document, as served at /api/v1/openapi.json and committed in docs/openapi.json. */
export function openApiDocument(app: OpenAPIHono<AppEnv>) {
  return app.getOpenAPI31Document(OPENAPI_INFO);
}
