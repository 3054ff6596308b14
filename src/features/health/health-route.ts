/**
 * GET /healthz: `{ status: "ok" }` only when the database answers, else 503, so a load balancer
 * takes an instance out when it cannot serve.
 * GET /readyz: `{ status: "ready" }` only when, besides, the platform has its data — the reference
 * and indicator data of first-start loading (a start after a crash part-way resumes the loading,
 * and an instance without a data directory serves without it); else 503 with what is missing.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { databaseAnswers } from '../../db/database.js';
import { createRouter, type Deps } from '../../http/app-env.js';
import { INITIAL_STEPS, missingInitialSteps } from '../imports/index.js';

const HealthSchema = z.object({ status: z.enum(['ok', 'unavailable']) }).openapi('Health');
const ReadinessSchema = z
  .object({
    status: z.enum(['ready', 'loading', 'unavailable']),
    missing: z.array(z.enum(INITIAL_STEPS)).openapi({ description: 'Data not loaded yet: reference (countries, groups), indicators' }),
  })
  .openapi('Readiness');

const route = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['Operations'],
  summary: 'Liveness and database reachability',
  responses: {
    200: { description: 'The database answers', content: { 'application/json': { schema: HealthSchema } } },
    503: { description: 'The database does not answer', content: { 'application/json': { schema: HealthSchema } } },
  },
});

const readiness = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['Operations'],
  summary: 'Readiness: the database answers and the data is loaded',
  responses: {
    200: { description: 'Ready to serve with its data', content: { 'application/json': { schema: ReadinessSchema } } },
    503: {
      description: 'The database does not answer, or data is still missing',
      content: { 'application/json': { schema: ReadinessSchema } },
    },
  },
});

export function healthRoute({ db }: Deps) {
  return createRouter()
    .openapi(route, async (c) => {
      c.header('Cache-Control', 'no-store');
      return (await databaseAnswers(db)) ? c.json({ status: 'ok' as const }, 200) : c.json({ status: 'unavailable' as const }, 503);
    })
    .openapi(readiness, async (c) => {
      c.header('Cache-Control', 'no-store');
      if (!(await databaseAnswers(db))) return c.json({ status: 'unavailable' as const, missing: [] }, 503);
      const missing = await missingInitialSteps(db).catch(() => null);
      if (missing === null) return c.json({ status: 'unavailable' as const, missing: [] }, 503);
      return missing.length === 0
        ? c.json({ status: 'ready' as const, missing }, 200)
        : c.json({ status: 'loading' as const, missing }, 503);
    });
}
