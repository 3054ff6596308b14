/**
 * Request and response schemas of the webhooks API (OpenAPI is generated from them; the settings
 * page's form validates with the same input schema).
 */
import { z } from '@hono/zod-openapi';
import { text } from '../../http/text.js';

export const WEBHOOK_EVENTS = ['project', 'need', 'offering', 'match'] as const;
export type WebhookEventKind = (typeof WEBHOOK_EVENTS)[number];
/** An organisation registers a few endpoints, not a fan-out service. */
export const WEBHOOKS_PER_ORGANISATION = 5;

export const OrganisationWebhooksParamsSchema = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, example: '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c' }),
});
export const WebhookParamsSchema = OrganisationWebhooksParamsSchema.extend({
  webhookId: z.uuid().openapi({ param: { name: 'webhookId', in: 'path' }, example: '8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5968' }),
});

export const WebhookInputSchema = z
  .object({
    url: text()
      .trim()
      .min(10)
      .max(2000)
      .pipe(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' }))
      .openapi({
        description: 'Where to POST the events: http or https, not the platform itself',
        example: 'https://chat.example.org/hooks/dcp',
      }),
    events: z
      .array(z.enum(WEBHOOK_EVENTS))
      .min(1)
      .max(WEBHOOK_EVENTS.length)
      .refine((list) => new Set(list).size === list.length, 'must not repeat an event')
      .openapi({
        description:
          'What to send: project (updates, team and roles of projects the organisation leads or partners in), need and ' +
          'offering (the organisation’s own, created or changed), match (matches on its needs or offerings)',
        example: ['project', 'match'],
      }),
  })
  .openapi('WebhookInput');
export type WebhookInput = z.infer<typeof WebhookInputSchema>;

export const WebhookSchema = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENTS)),
    createdAt: z.iso.datetime(),
  })
  .openapi('Webhook');
export type Webhook = z.infer<typeof WebhookSchema>;

export const WebhookCreatedSchema = WebhookSchema.extend({
  secret: z.string().openapi({
    description: 'The signing secret, shown this once: keep it where the receiver can read it (it is stored sealed, never shown again)',
    example: 'whsec_3q2-7wEaR0k1m9vXc8bN5tYp4sL6dJ0hF2gA1zQwErT',
  }),
}).openapi('WebhookCreated');
export type WebhookCreated = z.infer<typeof WebhookCreatedSchema>;

export const WebhookListSchema = z.object({ data: z.array(WebhookSchema) }).openapi('WebhookList');

const AttemptSchema = z
  .object({
    attempt: z.number().int().min(1),
    at: z.iso.datetime(),
    statusCode: z.number().int().nullable().openapi({ description: 'The receiver’s HTTP status; null when it did not answer' }),
    error: z
      .string()
      .nullable()
      .openapi({ description: 'null on 2xx; else http-<status>, timeout, internal-address or a socket error code' }),
    durationMs: z.number().int(),
  })
  .openapi('WebhookAttempt');

export const DeliverySchema = z
  .object({
    id: z.uuid().openapi({ description: 'Also sent as X-DCP-Delivery, the same on every retry' }),
    event: z.string().openapi({ example: 'need.update' }),
    status: z.enum(['pending', 'delivered', 'failed']),
    createdAt: z.iso.datetime(),
    attempts: z.array(AttemptSchema),
  })
  .openapi('WebhookDelivery');
export type Delivery = z.infer<typeof DeliverySchema>;

export const DeliveryListSchema = z.object({ data: z.array(DeliverySchema) }).openapi('WebhookDeliveryList');
export type DeliveryList = z.infer<typeof DeliveryListSchema>;
