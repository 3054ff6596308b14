/** The public shapes of webhooks and their delivery log: never the sealed secret, never a payload. */
import type { AttemptRow, DeliveryRow, WebhookRow } from './repository.js';
import type { Delivery, Webhook } from './schemas.js';

export function presentWebhook(row: WebhookRow): Webhook {
  return { id: row.id, organisationId: row.organisation_id, url: row.url, events: row.events, createdAt: row.created_at.toISOString() };
}

export function presentDelivery(row: DeliveryRow & { attempts: AttemptRow[] }): Delivery {
  return {
    id: row.id,
    event: row.event,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    attempts: row.attempts.map((a) => ({
      attempt: a.attempt,
      at: a.at.toISOString(),
      statusCode: a.status_code,
      error: a.error,
      durationMs: a.duration_ms,
    })),
  };
}
