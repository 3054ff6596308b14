import { Writable } from 'node:stream';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { loadConfig } from '../../config/config.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { Browser } from '../../../test/support/forms.js';

interface Received {
  to: string[];
  raw: string;
}

/** A real SMTP server on a free loopback port, keeping what it receives. */
async function startSmtp(): Promise<{ url: string; inbox: Received[]; close(): Promise<void> }> {
  const inbox: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return { url: `smtp://127.0.0.1:${port}`, inbox, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

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
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    beforeAll(async () => {
      smtp = await startSmtp();
    });
    afterAll(async () => {
      await smtp.close();
    });

    it('sends the verification mail to a real SMTP server, and the link in it verifies the address', async () => {
      const { logger, lines } = capturingLogger();
      const app = createApp({
        db: t.db,
        config: loadConfig({ NODE_ENV: 'test', DCP_TRUST_PROXY: 'true', DCP_SMTP_URL: smtp.url }),
        logger,
      });
      const browser = new Browser(app);
      const email = `smtp-${Date.now()}@example.org`;
      await browser.submit('/sign-up?lang=fr', { displayName: 'Léa Martin', email, password: 'mangoes in the rainy season' });
      const mail = smtp.inbox.find((m) => m.to.includes(email));
      expect(mail).toBeDefined();
      expect(mail!.raw).toMatch(/Subject: =\?UTF-8\?Q\?Confirmez_votre_adresse/);
      // The body is quoted-printable: undo soft line breaks and =XX escapes (the link is ASCII).
      const decoded = mail!.raw
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      const token = /token=([A-Za-z0-9_-]+)/.exec(decoded)?.[1];
      expect(token).toBeDefined();
      expect(await t.db.selectFrom('outbox').selectAll().where('recipient', '=', email).execute()).toEqual([]);

      const page = await browser.get(`/verify-email?token=${token}`);
      expect((await browser.post('/verify-email', { token: token! }, page.html)).response.status).toBe(303);
      const user = await t.db.selectFrom('users').select('email_verified_at').where('email', '=', email).executeTakeFirstOrThrow();
      expect(user.email_verified_at).not.toBeNull();
      expect(lines.join('')).toContain('"via":"smtp"');
    });
  });

  describe('no personal data in logs', () => {
    it('logs sign-up, failed sign-in, sign-in and reset without the address, name or password', async () => {
      const { logger, lines } = capturingLogger();
      const app = createApp({ db: t.db, config: loadConfig({ NODE_ENV: 'test', DCP_TRUST_PROXY: 'true' }), logger });
      const browser = new Browser(app);
      const email = `private-${Date.now()}@example.org`;
      const password = 'mangoes in the rainy season';
      await browser.submit('/sign-up', { displayName: 'Zainab Secret', email, password });
      await browser.submit('/sign-in', { email, password: 'wrong password here' });
      await t.db.updateTable('users').set({ email_verified_at: new Date() }).where('email', '=', email).execute();
      await browser.submit('/sign-in', { email, password });
      await new Browser(app).submit('/reset-password', { email });
      await app.request(`/api/v1/countries?email=${encodeURIComponent(email)}`);
      const log = lines.join('');
      expect(log).toContain('mail queued');
      expect(log).toContain('sign-in failed');
      expect(log).not.toContain(email);
      expect(log).not.toContain('private-');
      expect(log).not.toContain('Zainab');
      expect(log).not.toContain(password);
      // The mail itself went to the outbox, where an admin can read it.
      expect(await t.db.selectFrom('outbox').select('subject').where('recipient', '=', email).execute()).toHaveLength(2);
    });
  });
});
