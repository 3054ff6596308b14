/**
 * Outgoing mail. Through SMTP (nodemailer) when DCP_SMTP_URL is set;
 * otherwise — and whenever SMTP fails — into the `outbox` table, where an
 * admin reads it at /admin/outbox and anyone on the server with `dcp outbox`. The log says only that a mail was queued and how, never
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
  // For a newcomer without SMTP: where the mail (a verification link, say) can be read. Never to whom.
  logger.info(
    { via: 'outbox' },
    'mail queued in the outbox (no SMTP): read it at /admin/outbox as an admin, or run "npm run dcp -- outbox" on the server',
  );
}

async function writeOutbox(db: Db, mail: Mail): Promise<void> {
  await db.insertInto('outbox').values({ recipient: mail.to, subject: mail.subject, body: mail.text }).execute();
}

/** The most recent outbox mails, newest first, older than `beforeId` when given (keyset pages). */
export async function readOutbox(db: Db, limit = 100, beforeId?: number) {
  let query = db.selectFrom('outbox').selectAll().orderBy('id', 'desc').limit(limit);
  if (beforeId !== undefined) query = query.where('id', '<', beforeId);
  return query.execute();
}

/** Drops mail still kept for an address (when its account is deleted). */
export async function forgetMailTo(db: Db, recipient: string): Promise<void> {
  await db.deleteFrom('outbox').where('recipient', '=', recipient).execute();
}
