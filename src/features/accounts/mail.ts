/**
 * Outgoing mail. Through SMTP (nodemailer) when DCP_SMTP_URL is set;
 * otherwise — and whenever SMTP fails — into the `outbox` table, where an
 * admin can read it. The log says only that a mail was queued and how, never
 * to whom or what it says.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../../db/database.js';
import type { Deps } from '../../http/app-env.js';

export interface Mail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport(url);
    transports.set(url, transport);
  }
  return transport;
}

/**
 * @example await sendMail(deps, { to: 'ana@example.org', subject: 'Confirm your address', text: '…' })
 */
export async function sendMail(deps: Pick<Deps, 'db' | 'config' | 'logger'>, mail: Mail): Promise<void> {
  const { config, logger } = deps;
  if (config.smtpUrl) {
    try {
      await transportFor(config.smtpUrl).sendMail({ from: config.mailFrom, to: mail.to, subject: mail.subject, text: mail.text });
      logger.info({ via: 'smtp' }, 'mail queued');
      return;
    } catch (error) {
      // The error text may quote the address: log only its code.
      logger.warn({ code: (error as { code?: unknown }).code ?? 'unknown' }, 'mail delivery failed; kept in the outbox');
    }
  }
  await writeOutbox(deps.db, mail);
  logger.info({ via: 'outbox' }, 'mail queued');
}

async function writeOutbox(db: Db, mail: Mail): Promise<void> {
  await db.insertInto('outbox').values({ recipient: mail.to, subject: mail.subject, body: mail.text }).execute();
}

/** The most recent outbox mails, newest first (for admins). */
export async function readOutbox(db: Db, limit = 100) {
  return db.selectFrom('outbox').selectAll().orderBy('id', 'desc').limit(limit).execute();
}
