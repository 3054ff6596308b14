/**
 * The `mails` rows (every mail and its state) and the `outbox` (mail kept for an
 * admin to read instead of being sent). A mail's content stays in `mails` only until
 * it has left: then recipient, subject and bodies are erased.
 *
 *   queued ──claim──▶ sending ──SMTP accepted──▶ sent
 *     ▲                 │ └──no SMTP / refused for good / retries exhausted──▶ kept (outbox)
 *     └──SMTP failed────┘
 */
import { sql } from 'kysely';
import type { Db, WriteTx } from '../../db/database.js';
import type { MailsTable } from '../../db/schema.js';

export interface ClaimedMail {
  readonly id: string;
  readonly messageId: string;
  readonly lang: string;
  readonly recipient: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string | null;
  readonly attempt: number;
  /** The previous attempt ended without a record of its outcome (its worker died): the server may have the mail. */
  readonly interrupted: boolean;
}

/** What stays of a mail once it has left. */
const ERASED = { recipient: null, subject: null, body_text: null, body_html: null, finished_at: sql<Date>`now()` } as const;

/**
 * Marks the mail as being sent and counts the attempt; undefined when there is nothing
 * to send (already sent or kept, or forgotten with its account).
 */
export async function claimMail(db: Db, id: string): Promise<ClaimedMail | undefined> {
  return db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('mails').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row || (row.state !== 'queued' && row.state !== 'sending') || row.recipient === null) return undefined;
    const { attempts } = await tx
      .updateTable('mails')
      .set({ state: 'sending', attempts: sql<number>`attempts + 1` })
      .where('id', '=', id)
      .returning('attempts')
      .executeTakeFirstOrThrow();
    return {
      id: row.id,
      messageId: row.message_id,
      lang: row.lang,
      recipient: row.recipient,
      subject: row.subject ?? '',
      text: row.body_text ?? '',
      html: row.body_html,
      attempt: attempts,
      interrupted: row.state === 'sending',
    };
  });
}

/** The SMTP server accepted the mail: record it and erase the content (last_error says why earlier attempts failed). */
export async function markSent(db: Db, id: string): Promise<void> {
  await db
    .updateTable('mails')
    .set({ state: 'sent', ...ERASED })
    .where('id', '=', id)
    .execute();
}

/** The attempt failed before the server accepted the mail: back to the queue, with the reason. */
export async function markAttemptFailed(db: Db, id: string, code: string): Promise<void> {
  await db.updateTable('mails').set({ state: 'queued', last_error: code }).where('id', '=', id).where('state', '=', 'sending').execute();
}

/**
 * Moves a mail not yet gone to the outbox, in one transaction: the outbox gets it once
 * whatever runs this again. False when there was nothing to keep.
 */
export async function keepInOutbox(db: Db, id: string, reason: string): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('mails')
      .select(['recipient', 'subject', 'body_text'])
      .where('id', '=', id)
      .where('state', 'in', ['queued', 'sending'])
      .forUpdate()
      .executeTakeFirst();
    if (!row?.recipient) return false;
    await tx
      .insertInto('outbox')
      .values({ recipient: row.recipient, subject: row.subject ?? '', body: row.body_text ?? '' })
      .execute();
    await tx
      .updateTable('mails')
      .set({ state: 'kept', last_error: reason, ...ERASED })
      .where('id', '=', id)
      .execute();
    return true;
  });
}

export async function insertMail(
  tx: WriteTx,
  mail: Pick<MailsTable, 'id' | 'message_id' | 'lang' | 'recipient' | 'subject' | 'body_text' | 'body_html'>,
): Promise<void> {
  await tx
    .insertInto('mails')
    .values({ ...mail, state: 'queued' })
    .execute();
}

/** The most recent outbox mails, newest first, older than `beforeId` when given (keyset pages). */
export async function readOutbox(db: Db, limit = 100, beforeId?: number) {
  let query = db.selectFrom('outbox').selectAll().orderBy('id', 'desc').limit(limit);
  if (beforeId !== undefined) query = query.where('id', '<', beforeId);
  return query.execute();
}

/**
 * Drops every mail kept or still waiting for an address (when its account is
 * deleted): a queued mail then finds nothing to send. Runs in the caller's transaction.
 */
export async function forgetMailTo(db: Db, recipient: string): Promise<void> {
  await db.deleteFrom('outbox').where('recipient', '=', recipient).execute();
  await db.deleteFrom('mails').where('recipient', '=', recipient).execute();
}

/** Drops the state of mails that left more than `days` ago. Returns how many. */
export async function forgetFinishedMails(db: Db, days: number): Promise<number> {
  const result = await db
    .deleteFrom('mails')
    .where('finished_at', '<', new Date(Date.now() - days * 86_400_000))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
