/**
 * Queuing a mail: the rendered mail is stored and its send job enqueued in one
 * transaction (the caller's, when given one), so a mail exists exactly when the work
 * that asked for it committed. The caller renders the words in the recipient's
 * language; this adds the HTML part and a stable Message-ID.
 */
import { randomUUID } from 'node:crypto';
import type { Config } from '../../config/config.js';
import type { Db, WriteTx } from '../../db/database.js';
import type { Language } from '../../shared/localised.js';
import { enqueue } from '../jobs/index.js';
import { composeMail, messageIdFor } from './compose.js';
import { sendMailJob } from './send-job.js';
import { insertMail } from './store.js';

export interface OutgoingMail {
  readonly to: string;
  /** The recipient's language: the words are in it, and the HTML part says so. */
  readonly lang: Language;
  readonly subject: string;
  readonly text: string;
}

/** Where a mail is queued from: a database or a transaction, and the sender's settings. */
export interface MailDeps {
  readonly db: Db | WriteTx;
  readonly config: Pick<Config, 'mailFrom' | 'publicUrl'>;
}

/**
 * Stores the mail and enqueues its sending; resolves with the mail's id.
 * @example await queueMail({ db: tx, config }, { to: 'ana@example.org', lang: 'es', subject, text })
 */
export async function queueMail(deps: MailDeps, mail: OutgoingMail): Promise<string> {
  const id = randomUUID();
  const composed = composeMail(mail);
  const write = async (tx: WriteTx) => {
    await insertMail(tx, {
      id,
      message_id: messageIdFor(id, deps.config),
      lang: mail.lang,
      recipient: mail.to,
      subject: composed.subject,
      body_text: composed.text,
      body_html: composed.html,
    });
    // The mail's id is the job's: sending it again can never make a second job.
    await enqueue(tx, sendMailJob, { mailId: id }, { id });
  };
  if (deps.db.isTransaction) await write(deps.db as WriteTx);
  else await deps.db.transaction().execute(write);
  return id;
}
