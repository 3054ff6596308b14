/**
 * Webhook use cases: an organisation's owners (and admins) list, register, remove and test its
 * webhooks and read their delivery log (policy: `webhook`). Registering makes the secret, shows it
 * once and keeps it sealed; every change is audited without the secret or the URL's path (chat
 * tools put their own tokens there).
 */
import type { Actor } from '../../core/policy/actor.js';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import { authorise, requireUser } from '../../http/authorise.js';
import { newWebhookSecret, sealSecret, webhookAddressProblem, type AddressProblem } from '../../platform/webhooks/index.js';
import { recordAudit } from '../audit/index.js';
import { serverSecret } from '../accounts/index.js';
import { queueDelivery, SEALING_KEY } from './delivery.js';
import { presentDelivery, presentWebhook } from './presenters.js';
import * as repo from './repository.js';
import { WEBHOOKS_PER_ORGANISATION, type DeliveryList, type Webhook, type WebhookCreated, type WebhookInput } from './schemas.js';

export interface Asker {
  readonly actor: Actor;
  readonly requestId?: string | null;
}
type Deps = { readonly db: Db; readonly config: Config };

const DELIVERIES_SHOWN = 50;

const ADDRESS_PROBLEMS: Record<AddressProblem, string> = {
  invalid: 'must be a web address such as https://chat.example.org/hooks/dcp',
  'not-http': 'must start with http:// or https://',
  credentials: 'must not contain a user name or password: put the secret in the receiver, not in the address',
  'own-host': 'must not point to this platform itself',
};

async function organisationExists(db: Db, id: string): Promise<void> {
  if (!(await db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst()))
    throw new AppError('not-found', `No organisation with id ${id}`);
}

/** Where an audit entry says a webhook points: scheme and host only. */
const auditedUrl = (url: string) => `${new URL(url).protocol}//${new URL(url).host}`;

/** @example await listWebhooks(db, actor, orgId) // [{ id, url, events, … }] */
export async function listWebhooks(db: Db, actor: Actor, organisationId: string): Promise<Webhook[]> {
  authorise(actor, 'read', { type: 'webhook', organisationId });
  await organisationExists(db, organisationId);
  return (await repo.webhooksOf(db, organisationId)).map(presentWebhook);
}

/**
 * @example await createWebhook(deps, { actor }, orgId, { url: 'https://chat.example.org/hooks/dcp', events: ['match'] }) // { …, secret: 'whsec_…' }
 */
export async function createWebhook(deps: Deps, asker: Asker, organisationId: string, input: WebhookInput): Promise<WebhookCreated> {
  const { db, config } = deps;
  authorise(asker.actor, 'manage', { type: 'webhook', organisationId });
  const { userId } = requireUser(asker.actor);
  await organisationExists(db, organisationId);
  const problem = webhookAddressProblem(input.url, config);
  if (problem)
    throw new AppError('validation-failed', `The webhook address ${ADDRESS_PROBLEMS[problem]}`, [
      { field: 'body.url', message: ADDRESS_PROBLEMS[problem] },
    ]);
  const secret = newWebhookSecret();
  const sealed = sealSecret(await serverSecret(db, SEALING_KEY), secret);
  const row = await db.transaction().execute(async (tx) => {
    // Counted under the organisation's row lock, so two registrations at once cannot pass the limit together.
    await tx.selectFrom('organisations').select('id').where('id', '=', organisationId).forUpdate().execute();
    const existing = await repo.webhooksOf(tx, organisationId);
    if (existing.length >= WEBHOOKS_PER_ORGANISATION)
      throw new AppError('conflict', `An organisation has at most ${WEBHOOKS_PER_ORGANISATION} webhooks: remove one first`);
    const created = await repo.insertWebhook(tx, {
      organisation_id: organisationId,
      url: input.url,
      events: [...input.events],
      secret_sealed: sealed,
      created_by: userId,
    });
    await recordAudit(tx, {
      actor: asker.actor,
      action: 'webhook.create',
      resourceType: 'webhook',
      resourceId: created.id,
      after: { organisationId, url: auditedUrl(input.url), events: input.events },
      requestId: asker.requestId ?? null,
    });
    return created;
  });
  return { ...presentWebhook(row), secret };
}

export async function deleteWebhook(db: Db, asker: Asker, organisationId: string, webhookId: string): Promise<void> {
  authorise(asker.actor, 'manage', { type: 'webhook', organisationId });
  await db.transaction().execute(async (tx) => {
    if (!(await repo.deleteWebhook(tx, organisationId, webhookId)))
      throw new AppError('not-found', `No webhook ${webhookId} in this organisation`);
    await recordAudit(tx, {
      actor: asker.actor,
      action: 'webhook.delete',
      resourceType: 'webhook',
      resourceId: webhookId,
      before: { organisationId },
      requestId: asker.requestId ?? null,
    });
  });
}

/** Queues a `ping` event to one webhook now; its outcome appears in the log. */
export async function sendTestEvent(deps: Deps, asker: Asker, organisationId: string, webhookId: string): Promise<string> {
  authorise(asker.actor, 'manage', { type: 'webhook', organisationId });
  const hook = await repo.findWebhook(deps.db, organisationId, webhookId);
  if (!hook) throw new AppError('not-found', `No webhook ${webhookId} in this organisation`);
  return deps.db
    .transaction()
    .execute((tx) =>
      queueDelivery(tx, hook.id, 'ping', { event: 'ping', occurredAt: new Date().toISOString(), organisationId, resource: null }),
    );
}

/** The webhook and its latest deliveries, newest first, each with its attempts. */
export async function deliveriesOf(
  db: Db,
  actor: Actor,
  organisationId: string,
  webhookId: string,
): Promise<{ webhook: Webhook } & DeliveryList> {
  authorise(actor, 'read', { type: 'webhook', organisationId });
  const hook = await repo.findWebhook(db, organisationId, webhookId);
  if (!hook) throw new AppError('not-found', `No webhook ${webhookId} in this organisation`);
  return { webhook: presentWebhook(hook), data: (await repo.recentDeliveries(db, hook.id, DELIVERIES_SHOWN)).map(presentDelivery) };
}
