/**
 * Webhook delivery by the job queue. `webhook-dispatch` (every minute, and right after a test
 * event) turns the audit entries the trigger noted (migration 930) into one delivery per event
 * and subscribed webhook, each with a `webhook-deliver` job, all in one transaction with the
 * claim: an event becomes deliveries exactly once, or stays noted. `webhook-deliver` sends one
 * signed POST (platform/webhooks) and records the attempt; a failure is retried with backoff
 * (30 s, then about 1, 2, 4, 8 min, 6 attempts in all), and the delivery is marked failed after
 * the last. The log and the job's output hold a status code or an error code, never the body.
 */
import { z } from 'zod';
import type { Config } from '../../config/config.js';
import type { Db, WriteTx } from '../../db/database.js';
import { defineJob, enqueue, type JobContext } from '../../platform/jobs/index.js';
import { mailLink } from '../../platform/mail/index.js';
import { openSecret, sendSigned } from '../../platform/webhooks/index.js';
import { serverSecret } from '../accounts/index.js';
import { eventsOfAuditEntries, type WebhookEvent } from './events.js';
import * as repo from './repository.js';

/** The server secret (migration 500) that seals webhook secrets. */
export const SEALING_KEY = 'webhook-secrets';
/** A receiver has this long to answer. */
export const DELIVERY_TIMEOUT_MS = 10_000;
const RETRY = { limit: 5, delaySeconds: 30, backoff: true } as const;
const BATCH = 200;
const KEEP_DAYS = 30;

/** The JSON body of an event: what happened to which record, with a link; no personal data. */
export function payloadOf(config: Pick<Config, 'publicUrl' | 'host' | 'port'>, event: WebhookEvent, organisationId: string) {
  return {
    event: event.event,
    occurredAt: event.occurredAt.toISOString(),
    organisationId,
    resource: {
      type: event.resource.type,
      id: event.resource.id,
      title: event.resource.title,
      status: event.resource.status,
      url: mailLink(config, event.resource.path, {}),
    },
  };
}

/** Turns up to BATCH noted entries into deliveries and their jobs; returns how many entries it took. */
export async function dispatchPending(deps: { db: Db; config: Config }): Promise<number> {
  return deps.db.transaction().execute(async (tx) => {
    const claimed = await repo.claimPending(tx, BATCH);
    const events = await eventsOfAuditEntries(tx, claimed);
    const hooks = await repo.webhooksOfOrganisations(tx, [...new Set(events.flatMap((e) => e.organisationIds))]);
    for (const event of events) {
      for (const hook of hooks) {
        if (!event.organisationIds.includes(hook.organisation_id) || !hook.events.includes(event.kind)) continue;
        await queueDelivery(tx, hook.id, event.event, payloadOf(deps.config, event, hook.organisation_id));
      }
    }
    return claimed.length;
  });
}

/** One delivery and its job, in the caller's transaction. */
export async function queueDelivery(tx: WriteTx, webhookId: string, event: string, payload: object): Promise<string> {
  const id = await repo.insertDelivery(tx, { webhook_id: webhookId, event, payload });
  await enqueue(tx, webhookDeliverJob, { deliveryId: id }, { id });
  return id;
}

class DeliveryFailed extends Error {
  override name = 'DeliveryFailed';
  constructor(readonly code: string) {
    super(`webhook delivery failed: ${code}`);
  }
}

/**
 * Sends a delivery once, as attempt `attempt`, and records it; throws on failure so the queue retries.
 * `timeoutMs` is the receiver's time to answer.
 */
export async function deliverOnce(
  ctx: Pick<JobContext, 'db' | 'config' | 'attempt'>,
  deliveryId: string,
  options: { timeoutMs: number; lastAttempt: number },
): Promise<void> {
  const delivery = await repo.deliveryToSend(ctx.db, deliveryId);
  if (!delivery || delivery.status !== 'pending') return;
  const secret = openSecret(await serverSecret(ctx.db, SEALING_KEY), delivery.secret_sealed);
  const body = JSON.stringify({ id: delivery.id, ...(delivery.payload as object) });
  const outcome = await sendSigned({
    url: delivery.url,
    secret,
    deliveryId: delivery.id,
    event: delivery.event,
    body,
    timeoutMs: options.timeoutMs,
    allowInternal: ctx.config.harvestPrivateAddresses,
  });
  const status = outcome.error === null ? 'delivered' : ctx.attempt >= options.lastAttempt ? 'failed' : 'pending';
  // The attempt and the delivery's status together: a worker killed between them would leave a delivered
  // event marked pending, and its retry would send it again.
  await ctx.db.transaction().execute((tx) =>
    repo.recordAttempt(
      tx,
      {
        delivery_id: delivery.id,
        attempt: ctx.attempt,
        status_code: outcome.statusCode,
        error: outcome.error,
        duration_ms: outcome.durationMs,
      },
      status,
    ),
  );
  if (outcome.error !== null) throw new DeliveryFailed(outcome.error);
}

export const webhookDeliverJob = defineJob({
  name: 'webhook-deliver',
  payload: z.object({ deliveryId: z.uuid() }),
  retry: RETRY,
  timeoutSeconds: 60,
  concurrency: 4,
  async handle({ deliveryId }, ctx) {
    await deliverOnce(ctx, deliveryId, { timeoutMs: DELIVERY_TIMEOUT_MS, lastAttempt: RETRY.limit + 1 });
  },
});

export const webhookDispatchJob = defineJob({
  name: 'webhook-dispatch',
  payload: z.object({}),
  schedule: '* * * * *',
  retry: { limit: 2, delaySeconds: 20, backoff: true },
  timeoutSeconds: 120,
  async handle(_payload, ctx) {
    let taken = 0;
    for (let batch = BATCH; batch === BATCH; taken += batch) batch = await dispatchPending(ctx);
    await ctx.db.transaction().execute((tx) => repo.forgetDeliveries(tx, KEEP_DAYS));
    if (taken > 0) ctx.logger.info({ entries: taken }, 'webhook events dispatched');
  },
});
