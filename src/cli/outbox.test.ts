import { expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { forEachEngine } from '../../test/support/engines.js';
import { runJobs } from '../../test/support/jobs.js';
import { queueMail } from '../platform/mail/index.js';
import { UsageError } from './command.js';
import { printOutbox } from './outbox.js';

forEachEngine('dcp outbox', (t) => {
  it('prints the latest kept mails, newest first, with their links', async () => {
    const deps = { db: t.db, config: loadConfig({ NODE_ENV: 'test' }) };
    await queueMail(deps, { to: 'first@example.org', lang: 'en', subject: 'Older', text: 'old' });
    await runJobs(t.db);
    await queueMail(deps, {
      to: 'newcomer@example.org',
      lang: 'en',
      subject: 'Confirm your e-mail address',
      text: 'Open http://localhost:3000/verify-email?token=abc',
    });
    await runJobs(t.db);
    let out = '';
    await printOutbox(t.db, { limit: '1' }, (s) => {
      out += s;
    });
    expect(out).toContain('To: newcomer@example.org');
    expect(out).toContain('/verify-email?token=abc');
    expect(out).not.toContain('Older');
  });

  it('refuses a limit that is not a number', async () => {
    await expect(printOutbox(t.db, { limit: 'all' }, () => {})).rejects.toThrow(UsageError);
  });
});
