/**
 * GET /healthz: `{ status: "ok" }` only when the database answers, else 503,
 * so a load balancer takes an instance out when it cannot serve.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { databaseAnswers } from '../../db/database.js';
import { createRouter, type Deps } from '../../http/app-env.js';

const HealthSchema = z.object({ status: z.enum(['ok', 'unavailable']) }).openapi('Health');

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

export function healthRoute({ db }: Deps) {
  return createRouter().openapi(route, async (c) => {
    c.header('Cache-Control', 'no-store');
    return (await databaseAnswers(db)) ? c.json({ status: 'ok' as const }, 200) : c.json({ status: 'unavailable' as const }, 503);
  });
}
