/**
 * /api/v1 routes for an organisation's webhooks and their delivery log. Each declares its schemas
 * and calls one service function; the service asks the policy (owners and admins; changes in person).
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter, type AppEnv, type Deps } from '../../http/app-env.js';
import { actorOf } from '../../http/authorise.js';
import { jsonResponse, problemResponses } from '../../http/problem.js';
import {
  DeliveryListSchema,
  OrganisationWebhooksParamsSchema,
  WebhookCreatedSchema,
  WebhookInputSchema,
  WebhookListSchema,
  WebhookParamsSchema,
} from './schemas.js';
import * as service from './service.js';

const tags = ['Webhooks'];
const asker = (c: Context<AppEnv>) => ({ actor: actorOf(c), requestId: c.get('requestId') });
const SIGNING =
  'Each event is a POST of JSON signed with the webhook’s secret: X-DCP-Signature: sha256=<hex HMAC-SHA256(secret, ' +
  '"<X-DCP-Timestamp>.<raw body>")>; refuse a timestamp more than 300 s from your clock and drop an X-DCP-Delivery you ' +
  'already handled (retries repeat it). Failed deliveries are retried 5 times with growing delays (30 s … about 8 min).';

const listWebhooks = createRoute({
  method: 'get',
  path: '/organisations/{id}/webhooks',
  tags,
  summary: 'An organisation’s webhooks (owners, admins)',
  request: { params: OrganisationWebhooksParamsSchema },
  responses: { 200: jsonResponse(WebhookListSchema, 'Its webhooks'), ...problemResponses(400, 401, 403, 404) },
});
const createWebhook = createRoute({
  method: 'post',
  path: '/organisations/{id}/webhooks',
  tags,
  summary: 'Register a webhook (owners, admins, signed in)',
  description: `The answer carries the signing secret, once. ${SIGNING}`,
  request: {
    params: OrganisationWebhooksParamsSchema,
    body: { required: true, content: { 'application/json': { schema: WebhookInputSchema } } },
  },
  responses: { 201: jsonResponse(WebhookCreatedSchema, 'The webhook, with its secret'), ...problemResponses(400, 401, 403, 404, 409) },
});
const deleteWebhook = createRoute({
  method: 'delete',
  path: '/organisations/{id}/webhooks/{webhookId}',
  tags,
  summary: 'Remove a webhook and its delivery log (owners, admins, signed in)',
  request: { params: WebhookParamsSchema },
  responses: { 204: { description: 'Removed' }, ...problemResponses(400, 401, 403, 404) },
});
const testWebhook = createRoute({
  method: 'post',
  path: '/organisations/{id}/webhooks/{webhookId}/test',
  tags,
  summary: 'Send a test event (ping) to a webhook (owners, admins, signed in)',
  description: 'Queued at once; its attempts appear in the delivery log.',
  request: { params: WebhookParamsSchema },
  responses: {
    202: jsonResponse(z.object({ deliveryId: z.uuid() }).openapi('WebhookTestQueued'), 'The test delivery is queued'),
    ...problemResponses(400, 401, 403, 404),
  },
});
const listDeliveries = createRoute({
  method: 'get',
  path: '/organisations/{id}/webhooks/{webhookId}/deliveries',
  tags,
  summary: 'A webhook’s latest 50 deliveries with every attempt (owners, admins)',
  description: 'Status codes, error codes and times only: the bodies sent are not kept in the log.',
  request: { params: WebhookParamsSchema },
  responses: { 200: jsonResponse(DeliveryListSchema, 'Deliveries, newest first'), ...problemResponses(400, 401, 403, 404) },
});

export function webhooksApi(deps: Deps) {
  const { db } = deps;
  return createRouter()
    .openapi(listWebhooks, async (c) => c.json({ data: await service.listWebhooks(db, actorOf(c), c.req.valid('param').id) }, 200))
    .openapi(createWebhook, async (c) =>
      c.json(await service.createWebhook(deps, asker(c), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(deleteWebhook, async (c) => {
      const { id, webhookId } = c.req.valid('param');
      await service.deleteWebhook(db, asker(c), id, webhookId);
      return c.body(null, 204);
    })
    .openapi(testWebhook, async (c) => {
      const { id, webhookId } = c.req.valid('param');
      return c.json({ deliveryId: await service.sendTestEvent(deps, asker(c), id, webhookId) }, 202);
    })
    .openapi(listDeliveries, async (c) => {
      const { id, webhookId } = c.req.valid('param');
      return c.json({ data: (await service.deliveriesOf(db, actorOf(c), id, webhookId)).data }, 200);
    });
}
