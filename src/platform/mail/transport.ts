/**
 * SMTP through nodemailer, one transport per URL, with timeouts short enough that an
 * attempt always ends well within the send job's time limit (so a slow server is never
 * mistaken for a dead worker and the mail sent twice at once).
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { ClaimedMail } from './store.js';

const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 });
    transports.set(url, transport);
  }
  return transport;
}

/** Why an SMTP attempt failed, without the server's text (it may quote the address). */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
  constructor(
    readonly code: string,
    /** The server refused the mail for good (a 5xx reply): trying again would not help. */
    readonly permanent: boolean,
  ) {
    super(`mail delivery failed (${code})`);
  }
}

/**
 * Hands the mail to the SMTP server at `url`; resolves once the server accepted it.
 * @example await deliver(config.smtpUrl, config.mailFrom, claimed)
 */
export async function deliver(url: string, from: string, mail: ClaimedMail): Promise<void> {
  try {
    await transportFor(url).sendMail({
      from,
      to: mail.recipient,
      subject: mail.subject,
      text: mail.text,
      ...(mail.html ? { html: mail.html } : {}),
      messageId: mail.messageId,
      headers: { 'Content-Language': mail.lang },
    });
  } catch (error) {
    const { responseCode, code } = error as { responseCode?: unknown; code?: unknown };
    if (typeof responseCode === 'number') throw new DeliveryError(`smtp-${responseCode}`, responseCode >= 500 && responseCode !== 503);
    throw new DeliveryError(typeof code === 'string' ? code : 'unknown', false);
  }
}
