/**
 * `dcp outbox [--limit N]`: prints the latest mails the platform kept instead of
 * sending (no DCP_SMTP_URL), newest first — how a newcomer without a mail server
 * reads the verification link of their first account. It prints to the
 * terminal of whoever runs it on the server, never to the log.
 */
import type { Db } from '../db/database.js';
import { readOutbox } from '../platform/mail/index.js';
import { UsageError } from './command.js';

/** @example await printOutbox(db, { limit: '5' }, (s) => process.stdout.write(s)) */
export async function printOutbox(db: Db, options: { limit: string | undefined }, write: (text: string) => void): Promise<void> {
  const limit = options.limit === undefined ? 5 : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new UsageError(`--limit must be a whole number from 1 to 1000 (got "${options.limit ?? ''}")`);
  const mails = await readOutbox(db, limit);
  if (mails.length === 0) {
    write('The outbox is empty (mail goes there when DCP_SMTP_URL is not set).\n');
    return;
  }
  for (const mail of mails) {
    write(`--- #${mail.id} · ${mail.created_at.toISOString()}\nTo: ${mail.recipient}\nSubject: ${mail.subject}\n\n${mail.body}\n\n`);
  }
}
