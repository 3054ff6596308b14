/**
 * Outgoing mail, for every feature: `queueMail` stores a mail rendered in the
 * recipient's language and enqueues its sending; the `mail-send` job delivers it by
 * SMTP (DCP_SMTP_URL) with retries, or keeps it in the outbox (/admin/outbox,
 * `dcp outbox`) when no SMTP server is set. See send-job.ts for the guarantee.
 * Logs say that a mail was sent or kept and its id, never to whom or what it says.
 */
export { queueMail, type MailDeps, type OutgoingMail } from './queue-mail.js';
export { sendMailJob, forgetFinishedMailsJob, MAIL_RETRY, FINISHED_MAIL_DAYS } from './send-job.js';
export { readOutbox, forgetMailTo } from './store.js';
export { composeMail } from './compose.js';
export { mailLink } from './links.js';
