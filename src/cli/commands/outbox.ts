/** `dcp outbox [--limit N]`: the latest mails kept when no SMTP server is set. */
import { defineCommand } from '../command.js';
import { printOutbox } from '../outbox.js';

export const outboxCommand = defineCommand({
  name: 'outbox',
  options: { limit: { type: 'string', value: 'N', help: 'How many mails, newest first (default 5, at most 1000)' } },
  summary: 'Print the latest mails kept in the outbox (without DCP_SMTP_URL: how to read a verification link)',
  async run({ db, options, out }) {
    await printOutbox(db, { limit: options.limit }, out);
  },
});
