/**
 * The one window where a mail can go twice (send-job.ts): the worker dies after the
 * SMTP server has the message and before it recorded that. Here the SMTP server
 * kills the worker (SIGKILL) the moment the message's data has arrived, before it
 * answers. The next worker sends it again, with the same Message-ID, and says so.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../../../test/support/engines.js';
import { eventually, killAll, startNode, type Child } from '../../../test/support/processes.js';
import { header, startSmtp, type TestSmtp } from '../../../test/support/smtp.js';
import { loadConfig } from '../../config/config.js';
import { queueMail } from './index.js';

forEachEngine('mail when its worker is killed mid-delivery', (t) => {
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await killAll();
    await smtp.stop();
  });

  it('sends again with the same Message-ID after a SIGKILL between the server receiving it and the sent mark', async () => {
    const worker = (): Child =>
      startNode('test/support/job-worker.ts', [], {
        DATABASE_URL: t.url,
        DCP_SMTP_URL: smtp.url,
        MAIL_TIMEOUT_SECONDS: '2',
        LOG_LEVEL: 'info',
      });
    const first = worker();
    await first.waitFor('job workers started', 60_000);
    smtp.beforeAnswer = () => {
      smtp.beforeAnswer = undefined;
      first.process.kill('SIGKILL');
    };
    const to = 'kill-window@example.org';
    const id = await queueMail({ db: t.db, config: loadConfig({ NODE_ENV: 'test' }) }, { to, lang: 'en', subject: 'Twice?', text: 'x' });
    expect(await first.exited()).toBeNull();
    expect(smtp.inbox.filter((m) => m.to.includes(to))).toHaveLength(1);
    expect((await t.db.selectFrom('mails').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state).toBe('sending');

    const second = worker();
    const sent = await eventually(
      async () => {
        const row = await t.db.selectFrom('mails').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        return row.state === 'sent' ? row : undefined;
      },
      60_000,
      'sent',
    );
    const copies = smtp.inbox.filter((m) => m.to.includes(to));
    console.info(
      `[kill -9 mid-delivery] copies received: ${copies.length}, attempts: ${sent.attempts}, Message-IDs: ${copies.map((c) => header(c.raw, 'Message-ID')).join(' ')}`,
    );
    expect(copies).toHaveLength(2);
    expect(new Set(copies.map((c) => header(c.raw, 'Message-ID')))).toEqual(new Set([header(copies[0]!.raw, 'Message-ID')]));
    expect(sent.attempts).toBe(2);
    await second.waitFor('sending again with the same Message-ID');
    expect(second.output()).not.toContain(to);
    second.process.kill('SIGTERM');
    expect(await second.exited()).toBe(0);
  }, 120_000);
});
