/**
 * The account mails end to end: a request queues the mail, the mail job sends it
 * through a real SMTP server (smtp-server), in the recipient's language; nothing
 * personal reaches the logs on the way.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { JOBS } from '../../jobs.js';
import { drainJobs } from '../../platform/jobs/index.js';
import { loadConfig } from '../../config/config.js';
import { createUser } from '../../../test/support/auth.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { Browser } from '../../../test/support/forms.js';
import { runJobs } from '../../../test/support/jobs.js';
import { decodeQuotedPrintable, header, startSmtp, type TestSmtp } from '../../../test/support/smtp.js';

/** A logger whose every line is kept, to check what reaches the logs. */
function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

forEachEngine('account mail', (t) => {
  describe('through SMTP (DCP_SMTP_URL set)', () => {
    let smtp: TestSmtp;
    beforeAll(async () => {
      smtp = await startSmtp();
    });
    afterAll(async () => {
      await smtp.stop();
    });

    it('sends the verification mail to a real SMTP server, and the link in it verifies the address', async () => {
      const { logger, lines } = capturingLogger();
      const config = loadConfig({ NODE_ENV: 'test', DCP_TRUST_PROXY: 'true', DCP_SMTP_URL: smtp.url });
      const browser = new Browser(createApp({ db: t.db, config, logger }));
      const email = `smtp-${Date.now()}@example.org`;
      await browser.submit('/sign-up?lang=fr', { displayName: 'Léa Martin', email, password: 'mangoes in the rainy season' });
      expect(smtp.inbox.find((m) => m.to.includes(email))).toBeUndefined(); // the request only queued it
      await runJobs(t.db, config);
      const mail = smtp.inbox.find((m) => m.to.includes(email));
      expect(mail).toBeDefined();
      expect(header(mail!.raw, 'Subject')).toMatch(/^=\?UTF-8\?Q\?Confirmez_votre_adresse/);
      expect(header(mail!.raw, 'Content-Language')).toBe('fr');
      const token = /token=([A-Za-z0-9_-]+)/.exec(decodeQuotedPrintable(mail!.raw))?.[1];
      expect(token).toBeDefined();
      expect(await t.db.selectFrom('outbox').selectAll().where('recipient', '=', email).execute()).toEqual([]);

      const page = await browser.get(`/verify-email?token=${token}`);
      expect((await browser.post('/verify-email', { token: token! }, page.html)).response.status).toBe(303);
      const user = await t.db.selectFrom('users').select('email_verified_at').where('email', '=', email).executeTakeFirstOrThrow();
      expect(user.email_verified_at).not.toBeNull();
      expect(lines.join('')).not.toContain(email);
    });

    it('writes the reset mail in the account’s language, Arabic right to left, whatever language the request came in', async () => {
      const config = loadConfig({ NODE_ENV: 'test', DCP_TRUST_PROXY: 'true', DCP_SMTP_URL: smtp.url });
      const user = await createUser(t.db, { displayName: 'أمينة' });
      await t.db.updateTable('users').set({ preferred_lang: 'ar' }).where('id', '=', user.id).execute();
      await new Browser(createApp({ db: t.db, config, logger: pino({ level: 'silent' }) })).submit('/reset-password?lang=en', {
        email: user.email,
      });
      await runJobs(t.db, config);
      const mail = smtp.inbox.find((m) => m.to.includes(user.email));
      expect(mail).toBeDefined();
      const decoded = decodeQuotedPrintable(mail!.raw);
      expect(header(mail!.raw, 'Content-Language')).toBe('ar');
      expect(decoded).toContain('<html lang="ar" dir="rtl">');
      expect(decoded).toContain('أمينة');
      expect(decoded).toMatch(/\/reset-password\/confirm\?token=[\w-]+/);
    });
  });

  describe('no personal data in logs', () => {
    it('logs sign-up, failed sign-in, sign-in, reset and the mails they send without the address, name or password', async () => {
      const { logger, lines } = capturingLogger();
      const config = loadConfig({ NODE_ENV: 'test', DCP_TRUST_PROXY: 'true' });
      const app = createApp({ db: t.db, config, logger });
      const browser = new Browser(app);
      const email = `private-${Date.now()}@example.org`;
      const password = 'mangoes in the rainy season';
      await browser.submit('/sign-up', { displayName: 'Zainab Secret', email, password });
      await browser.submit('/sign-in', { email, password: 'wrong password here' });
      await t.db.updateTable('users').set({ email_verified_at: new Date() }).where('email', '=', email).execute();
      await browser.submit('/sign-in', { email, password });
      await new Browser(app).submit('/reset-password', { email });
      await app.request(`/api/v1/countries?email=${encodeURIComponent(email)}`);
      expect(await drainJobs({ db: t.db, config, logger }, JOBS)).toBeGreaterThanOrEqual(3);
      const log = lines.join('');
      expect(log).toContain('"via":"outbox"');
      expect(log).toContain('sign-in failed');
      expect(log).not.toContain(email);
      expect(log).not.toContain('private-');
      expect(log).not.toContain('Zainab');
      expect(log).not.toContain(password);
      expect(log).not.toContain('token=');
      // The mails themselves went to the outbox, where an admin can read them.
      expect(await t.db.selectFrom('outbox').select('subject').where('recipient', '=', email).execute()).toHaveLength(2);
    });
  });
});
