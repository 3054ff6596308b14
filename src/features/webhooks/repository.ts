/** Reads and writes of webhooks, their deliveries and attempts. Writes take the caller's transaction. */
import { sql, type Selectable } from 'kysely';
import type { Db, WriteTx } from '../../db/database.js';
import type { WebhookAttemptsTable, WebhookDeliveriesTable, WebhooksTable } from '../../db/schema.js';
import type { WebhookEventKind } from './schemas.js';

export type WebhookRow = Selectable<WebhooksTable>;
export type DeliveryRow = Selectable<WebhookDeliveriesTable>;
export type AttemptRow = Selectable<WebhookAttemptsTable>;
type Reader = Db | WriteTx;

export async function webhooksOf(db: Reader, organisationId: string): Promise<WebhookRow[]> {
  return db.selectFrom('webhooks').selectAll().where('organisation_id', '=', organisationId).orderBy('created_at').orderBy('id').execute();
}

export async function findWebhook(db: Reader, organisationId: string, id: string): Promise<WebhookRow | undefined> {
  return db.selectFrom('webhooks').selectAll().where('id', '=', id).where('organisation_id', '=', organisationId).executeTakeFirst();
}

export async function insertWebhook(
  tx: WriteTx,
  row: { organisation_id: string; url: string; events: WebhookEventKind[]; secret_sealed: Buffer; created_by: string },
): Promise<WebhookRow> {
  return tx.insertInto('webhooks').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function deleteWebhook(tx: WriteTx, organisationId: string, id: string): Promise<boolean> {
  const result = await tx.deleteFrom('webhooks').where('id', '=', id).where('organisation_id', '=', organisationId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Every webhook of these organisations (the dispatcher's fan-out). */
export async function webhooksOfOrganisations(db: Reader, organisationIds: readonly string[]): Promise<WebhookRow[]> {
  if (organisationIds.length === 0) return [];
  return db.selectFrom('webhooks').selectAll().where('organisation_id', 'in', organisationIds).execute();
}

export async function insertDelivery(tx: WriteTx, row: { webhook_id: string; event: string; payload: object }): Promise<string> {
  const { id } = await tx
    .insertInto('webhook_deliveries')
    .values({ webhook_id: row.webhook_id, event: row.event, payload: JSON.stringify(row.payload) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A delivery with what sending it needs. */
export async function deliveryToSend(db: Reader, id: string) {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
    .select(['d.id', 'd.event', 'd.payload', 'd.status', 'w.url', 'w.secret_sealed'])
    .where('d.id', '=', id)
    .executeTakeFirst();
}

/**
 * One attempt, once (a job retried after its worker died records its number once), and the
 * delivery's status, in the caller's transaction.
 */
export async function recordAttempt(
  tx: WriteTx,
  attempt: { delivery_id: string; attempt: number; status_code: number | null; error: string | null; duration_ms: number },
  status: 'pending' | 'delivered' | 'failed',
): Promise<void> {
  await tx
    .insertInto('webhook_attempts')
    .values(attempt)
    .onConflict((oc) => oc.columns(['delivery_id', 'attempt']).doNothing())
    .execute();
  await tx.updateTable('webhook_deliveries').set({ status }).where('id', '=', attempt.delivery_id).execute();
}

/** The latest deliveries of a webhook, newest first, with their attempts (oldest first). */
export async function recentDeliveries(
  db: Reader,
  webhookId: string,
  limit: number,
): Promise<(DeliveryRow & { attempts: AttemptRow[] })[]> {
  const deliveries = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('webhook_id', '=', webhookId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  if (deliveries.length === 0) return [];
  const attempts = await db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where(
      'delivery_id',
      'in',
      deliveries.map((d) => d.id),
    )
    .orderBy('attempt')
    .execute();
  return deliveries.map((d) => ({ ...d, attempts: attempts.filter((a) => a.delivery_id === d.id) }));
}

/** Takes up to `limit` noted audit entries off the queue, in the caller's transaction (another dispatcher skips them). */
export async function claimPending(tx: WriteTx, limit: number): Promise<number[]> {
  const { rows } = await sql<{ audit_id: string }>`
    delete from webhook_pending where audit_id in (
      select audit_id from webhook_pending order by audit_id limit ${limit} for update skip locked
    ) returning audit_id`.execute(tx);
  return rows.map((r) => Number(r.audit_id));
}

/** Deliveries older than this many days go (their attempts with them): the log is for recent troubles. */
export async function forgetDeliveries(tx: WriteTx, days: number): Promise<void> {
  await tx
    .deleteFrom('webhook_deliveries')
    .where('created_at', '<', sql<Date>`now() - make_interval(days => ${days})`)
    .execute();
}
