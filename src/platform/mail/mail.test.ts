/**
 * Mail through a real SMTP server (smtp-server), as a job: delivery with both parts,
 * SMTP down then up, a permanent refusal, retries exhausted, a job run twice, a mail
 * forgotten before it left, and what reaches the logs.
 */
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { silentLogger } from '../../../test/support/app.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { eventually } from '../../../test/support/processes.js';
import { decodeQuotedPrintable, header, startSmtp, type TestSmtp } from '../../../test/support/smtp.js';
import { loadConfig } from '../../config/config.js';
import type { Db } from '../../db/database.js';
import { drainJobs, ensureQueues, startJobRunner, type JobDeps } from '../jobs/index.js';
import { forgetMailTo, queueMail, readOutbox, sendMailJob } from './index.js';

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

async function mailRow(db: Db, id: string) {
  return db.selectFrom('mails').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Makes the mail job's waiting retries due now. */
async function fastForward(db: Db): Promise<void> {
  await sql`update pgboss.job set start_after = now() where name = 'mail-send' and state = 'retry'`.execute(db);
}

const address = (name: string) => `${name}-${Math.random().toString(36).slice(2, 8)}@example.org`;

forEachEngine('mail as a job, through a real SMTP server', (t) => {
  let smtp: TestSmtp;
  let deps: JobDeps;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp.stop();
  });
  beforeEach(async () => {
    smtp.refuseWith = undefined;
    smtp.beforeAnswer = undefined;
    deps = {
      db: t.db,
      config: loadConfig({ NODE_ENV: 'test', DCP_SMTP_URL: smtp.url, DCP_MAIL_FROM: 'DCP <no-reply@dcp.example>' }),
      logger: silentLogger,
    };
    // The production policy (retries from 30 s) unless a test sets another.
    await ensureQueues(t.db, [sendMailJob]);
  });

  it('sends a plain-text and an HTML part, in the recipient’s language, with a stable Message-ID, and erases the content', async () => {
    const to = address('lea');
    const id = await queueMail(deps, {
      to,
      lang: 'fr',
      subject: 'Réinitialisez votre mot de passe',
      text: 'Ouvrez https://dcp.example/r?token=abc',
    });
    expect((await mailRow(t.db, id))?.state).toBe('queued');
    expect(smtp.inbox.filter((m) => m.to.includes(to))).toHaveLength(0); // nothing is sent inside the request
    expect(await drainJobs(deps, [sendMailJob])).toBe(1);
    const [mail] = smtp.inbox.filter((m) => m.to.includes(to));
    expect(mail).toBeDefined();
    expect(header(mail!.raw, 'Message-ID')).toBe(`<${id}@dcp.example>`);
    expect(header(mail!.raw, 'Content-Language')).toBe('fr');
    expect(header(mail!.raw, 'From')).toBe('DCP <no-reply@dcp.example>');
    expect(header(mail!.raw, 'Content-Type')).toMatch(/^multipart\/alternative/);
    const decoded = decodeQuotedPrintable(mail!.raw);
    expect(decoded).toContain('Content-Type: text/plain; charset=utf-8');
    expect(decoded).toContain('Content-Type: text/html; charset=utf-8');
    expect(decoded).toContain('<html lang="fr" dir="ltr">');
    expect(decoded).toContain('<a href="https://dcp.example/r?token=abc"');
    expect(await mailRow(t.db, id)).toMatchObject({
      state: 'sent',
      attempts: 1,
      recipient: null,
      subject: null,
      body_text: null,
      body_html: null,
    });
  });

  it('retries while the SMTP server is down, and delivers once when it is back', async () => {
    const { logger, lines } = capturingLogger();
    // Short retries for the test: 1 s, doubling.
    const quick = { ...sendMailJob, retry: { limit: 5, delaySeconds: 1, backoff: true } };
    const runner = await startJobRunner({ ...deps, logger }, [quick], { pollIntervalMs: 500 });
    try {
      await smtp.stop();
      const to = address('down');
      const id = await queueMail(deps, {
        to,
        lang: 'en',
        subject: 'Confirm your address',
        text: 'Secret body https://dcp.example/v?token=xyz',
      });
      const failed = await eventually(
        async () => {
          const row = await mailRow(t.db, id);
          return row && row.attempts >= 1 && row.state === 'queued' ? row : undefined;
        },
        20_000,
        'a failed attempt',
      );
      expect(failed.last_error).toMatch(/^E[A-Z]+$/); // a connection error code, e.g. ESOCKET
      await smtp.start();
      const sent = await eventually(
        async () => {
          const row = await mailRow(t.db, id);
          return row?.state === 'sent' ? row : undefined;
        },
        30_000,
        'sent',
      );
      console.info(`[smtp down then up] delivered on attempt ${sent.attempts}, after ${sent.last_error}`);
      expect(sent.attempts).toBeGreaterThanOrEqual(2);
      await new Promise((resolve) => setTimeout(resolve, 1500)); // a few more polls: nothing else goes out
      expect(smtp.inbox.filter((m) => m.to.includes(to))).toHaveLength(1);
      const log = lines.join('');
      expect(log).toContain('"error":"E');
      expect(log).toContain('mail sent');
      expect(log).not.toContain(to);
      expect(log).not.toContain('Secret body');
      expect(log).not.toContain('token=xyz');
    } finally {
      await runner.stop(2000);
      if (!smtp.port) await smtp.start();
    }
  });

  it('keeps a mail the server refuses for good in the outbox, without retrying', async () => {
    smtp.refuseWith = 550;
    const to = address('refused');
    const id = await queueMail(deps, { to, lang: 'en', subject: 'Refused', text: 'x' });
    await drainJobs(deps, [sendMailJob]);
    expect(await mailRow(t.db, id)).toMatchObject({ state: 'kept', last_error: 'smtp-550', recipient: null });
    expect((await readOutbox(t.db)).filter((m) => m.recipient === to)).toHaveLength(1);
    expect(await drainJobs(deps, [sendMailJob])).toBe(0);
  });

  it('keeps a mail in the outbox once every retry failed (its dead letter)', async () => {
    await ensureQueues(t.db, [{ ...sendMailJob, retry: { limit: 1, delaySeconds: 1, backoff: false } }]);
    smtp.refuseWith = 451; // "try again later", every time
    const to = address('exhausted');
    const id = await queueMail(deps, { to, lang: 'en', subject: 'Never accepted', text: 'x' });
    await drainJobs(deps, [sendMailJob]);
    expect(await mailRow(t.db, id)).toMatchObject({ state: 'queued', last_error: 'smtp-451' });
    await fastForward(t.db);
    await drainJobs(deps, [sendMailJob]);
    expect(await mailRow(t.db, id)).toMatchObject({ state: 'kept', last_error: 'retries-exhausted', attempts: 2 });
    expect((await readOutbox(t.db)).filter((m) => m.recipient === to)).toHaveLength(1);
  });

  it('does not send again when its job runs again after the mail was marked sent (a worker dying before it completed the job)', async () => {
    const to = address('twice');
    const id = await queueMail(deps, { to, lang: 'en', subject: 'Once', text: 'x' });
    await drainJobs(deps, [sendMailJob]);
    // What pg-boss does with a job whose worker died: it becomes due again.
    await sql`update pgboss.job set state = 'retry', start_after = now(), completed_on = null where name = 'mail-send' and id = ${id}`.execute(
      t.db,
    );
    expect(await drainJobs(deps, [sendMailJob])).toBe(1);
    expect(smtp.inbox.filter((m) => m.to.includes(to))).toHaveLength(1);
    expect((await mailRow(t.db, id))?.attempts).toBe(1);
  });

  it('sends nothing to an address forgotten before its mail left (account deleted)', async () => {
    const to = address('forgotten');
    await queueMail(deps, { to, lang: 'en', subject: 'Too late', text: 'x' });
    await t.db.transaction().execute((tx) => forgetMailTo(tx, to));
    expect(await drainJobs(deps, [sendMailJob])).toBe(1);
    expect(smtp.inbox.filter((m) => m.to.includes(to))).toHaveLength(0);
    expect(await t.db.selectFrom('mails').select('id').where('recipient', '=', to).execute()).toEqual([]);
  });

  it('keeps mail in the outbox when no SMTP server is set, and says where to read it', async () => {
    const { logger, lines } = capturingLogger();
    const outboxDeps = { db: t.db, config: loadConfig({ NODE_ENV: 'test' }), logger };
    const to = address('outbox');
    const id = await queueMail(outboxDeps, { to, lang: 'es', subject: 'Confirme', text: 'https://dcp.example/v?token=t1' });
    await drainJobs(outboxDeps, [sendMailJob]);
    expect(await mailRow(t.db, id)).toMatchObject({ state: 'kept', last_error: 'no-smtp' });
    const [kept] = (await readOutbox(t.db)).filter((m) => m.recipient === to);
    expect(kept).toMatchObject({ subject: 'Confirme', body: 'https://dcp.example/v?token=t1\n' });
    expect(lines.join('')).toContain('npm run dcp -- outbox');
    expect(lines.join('')).not.toContain(to);
  });
});
