/**
 * Sending a stored mail: the `mail-send` job, one per mail.
 *
 * What is guaranteed. A queued mail is never lost: it is retried with backoff while
 * the SMTP server fails (10 retries, from 30 s doubling, about 8 to 17 hours in all),
 * and a mail the server refuses for good or that outlives its retries goes to the
 * outbox (/admin/outbox). A mail is handed to the SMTP server once, except in one
 * window: a worker that dies after the server accepted the mail and before the
 * `sent` mark commits (one database round trip). The retry then sends it again with
 * the same Message-ID, which lets the receiving system recognise the repeat; it is
 * logged as such. Exactly once is not possible over SMTP, which has no way to ask
 * whether a message arrived; at-least-once with a stable Message-ID is the promise.
 *
 * The job runs once at a time per mail: its time limit (5 minutes) exceeds the SMTP
 * timeouts (transport.ts), so it is never presumed dead while an attempt is under way.
 */
import { z } from 'zod';
import { defineJob, type JobContext } from '../jobs/index.js';
import { deliver, DeliveryError } from './transport.js';
import { claimMail, forgetFinishedMails, keepInOutbox, markAttemptFailed, markSent } from './store.js';

export const MAIL_RETRY = { limit: 10, delaySeconds: 30, backoff: true } as const;

const OUTBOX_HINT = 'mail kept in the outbox (no SMTP): read it at /admin/outbox as an admin, or run "npm run dcp -- outbox" on the server';

async function send(mailId: string, ctx: JobContext): Promise<void> {
  const { config, logger } = ctx;
  const mail = await claimMail(ctx.db, mailId);
  if (!mail) return; // already sent or kept, or forgotten with its account
  if (mail.interrupted)
    logger.warn({ mailId, attempt: mail.attempt }, 'a previous attempt ended without a record: sending again with the same Message-ID');
  if (!config.smtpUrl) {
    await keepInOutbox(ctx.db, mailId, 'no-smtp');
    // For a newcomer without SMTP: where the mail (a verification link, say) can be read. Never to whom.
    logger.info({ via: 'outbox', mailId }, OUTBOX_HINT);
    return;
  }
  try {
    await deliver(config.smtpUrl, config.mailFrom, mail);
  } catch (error) {
    if (!(error instanceof DeliveryError)) throw error;
    if (error.permanent) {
      await keepInOutbox(ctx.db, mailId, error.code);
      logger.warn({ via: 'outbox', mailId, error: error.code }, 'the SMTP server refused the mail for good; kept in the outbox');
      return;
    }
    await markAttemptFailed(ctx.db, mailId, error.code);
    throw error;
  }
  await markSent(ctx.db, mailId);
  logger.info({ via: 'smtp', mailId, attempt: mail.attempt }, 'mail sent');
}

export const sendMailJob = defineJob({
  name: 'mail-send',
  payload: z.object({ mailId: z.uuid() }),
  retry: MAIL_RETRY,
  timeoutSeconds: 300,
  concurrency: 2,
  handle: ({ mailId }, ctx) => send(mailId, ctx),
  async onDeadLetter({ mailId }, ctx) {
    if (await keepInOutbox(ctx.db, mailId, 'retries-exhausted'))
      ctx.logger.warn({ via: 'outbox', mailId }, 'mail still not accepted after every retry; kept in the outbox');
  },
});

/** How long the state of a mail that left is kept (its content is erased at once). */
export const FINISHED_MAIL_DAYS = 30;

export const forgetFinishedMailsJob = defineJob({
  name: 'mail-forget-finished',
  payload: z.object({}),
  schedule: '23 3 * * *',
  retry: { limit: 3, delaySeconds: 600, backoff: false },
  async handle(_payload, ctx) {
    const forgotten = await forgetFinishedMails(ctx.db, FINISHED_MAIL_DAYS);
    ctx.logger.info({ forgotten }, 'state of old mails dropped');
  },
});
