/**
 * Password reset and the per-address mail limits, against enumeration: asking for a
 * reset does the same work for every address (one enqueued job, the same statements),
 * and the limits on mails to one address never show in the answers.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { testApp } from '../../../test/support/app.js';
import { createUser } from '../../../test/support/auth.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { Browser } from '../../../test/support/forms.js';
import { runJobs } from '../../../test/support/jobs.js';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { MAILS_PER_ADDRESS } from './mail-limits.js';
import { requestPasswordReset } from './password-reset.js';
import * as passwords from './passwords.js';

vi.mock(import('./passwords.js'), async (original) => {
  const real = await original();
  return {
    ...real,
    hashPassword: vi.fn<typeof real.hashPassword>(real.hashPassword),
    verifyPassword: vi.fn<typeof real.verifyPassword>(real.verifyPassword),
  };
});

/** Outbox mails to `to`, after the queued jobs ran. */
async function mailsTo(db: Db, to: string): Promise<number> {
  await runJobs(db);
  return (await db.selectFrom('outbox').select('id').where('recipient', '=', to).execute()).length;
}

async function resetJobsFor(db: Db, email: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from (
      select data from pgboss.job where name = 'account-password-reset' union all
      select data from pgboss.archive where name = 'account-password-reset') j
    where data->>'email' = ${email}`.execute(db);
  return rows[0]!.n;
}

/** A page's HTML without what differs between any two requests (the CSRF token). */
const comparable = (html: string) => html.replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""');

forEachEngine('password reset and mail limits', (t) => {
  // A second connection to the same database that records every statement it runs.
  const statements: string[] = [];
  let recording: Kysely<Database>;
  beforeAll(() => {
    recording = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: t.url, max: 1 }) }),
      log: (event) => void (event.level === 'query' && statements.push(event.query.sql)),
    });
  });
  afterAll(() => recording.destroy());

  it('asks the database the same things and enqueues one job, for an address with an account and one without', async () => {
    const existing = await createUser(t.db);
    const unknown = `nobody-${Date.now()}@example.org`;
    const work = async (email: string) => {
      statements.length = 0;
      vi.mocked(passwords.hashPassword).mockClear();
      vi.mocked(passwords.verifyPassword).mockClear();
      await requestPasswordReset({ db: recording }, email);
      return {
        statements: [...statements],
        hashes: vi.mocked(passwords.hashPassword).mock.calls.length + vi.mocked(passwords.verifyPassword).mock.calls.length,
        jobs: await resetJobsFor(t.db, email),
      };
    };
    const known = await work(existing.email);
    const stranger = await work(unknown);
    expect(known.statements.length).toBeGreaterThan(0);
    expect(stranger).toEqual(known);
    expect(known.jobs).toBe(1);
    // The job decides: a mail for the account, nothing for the stranger.
    expect(await mailsTo(t.db, existing.email)).toBe(1);
    expect(await mailsTo(t.db, unknown)).toBe(0);
  });

  it(`sends ${MAILS_PER_ADDRESS.quarterHour} of 12 resets asked for one address within a minute, and every answer is the same for known and unknown addresses`, async () => {
    const app = testApp(t.db);
    const existing = await createUser(t.db);
    const unknown = `nobody-else-${Date.now()}@example.org`;
    const answers = new Set<string>();
    for (const email of [existing.email, unknown]) {
      for (let i = 0; i < 12; i++) {
        // A new client address each time: the per-IP limit (10 a minute) is not what stops these.
        const { response, html } = await new Browser(app).submit('/reset-password', { email });
        answers.add(`${response.status} ${response.headers.get('location') ?? ''} ${comparable(html)}`);
      }
    }
    expect(answers.size).toBe(1);
    expect([...answers][0]).toMatch(/^303 \/reset-password\/sent /);
    expect(await resetJobsFor(t.db, existing.email)).toBe(12);
    expect(await resetJobsFor(t.db, unknown)).toBe(12);
    expect(await mailsTo(t.db, existing.email)).toBe(MAILS_PER_ADDRESS.quarterHour);
    expect(await mailsTo(t.db, unknown)).toBe(0);
  });

  it('counts sign-up mails against the same share: twelve sign-ups with one address send three mails and answer alike', async () => {
    const app = testApp(t.db);
    const email = `signup-flood-${Date.now()}@example.org`;
    const answers = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const { response, html } = await new Browser(app).submit('/sign-up', {
        displayName: 'Flood',
        email,
        password: 'mangoes in the rainy season',
      });
      answers.add(`${response.status} ${response.headers.get('location') ?? ''} ${comparable(html)}`);
    }
    expect(answers.size).toBe(1);
    expect(await mailsTo(t.db, email)).toBe(MAILS_PER_ADDRESS.quarterHour);
    // A reset for it now sends nothing more: the address had its share.
    await new Browser(app).submit('/reset-password', { email });
    expect(await mailsTo(t.db, email)).toBe(MAILS_PER_ADDRESS.quarterHour);
  });

  it('limits confirmation mails to a new address asked for again and again, with the same answer each time', async () => {
    const app = testApp(t.db);
    const user = await createUser(t.db);
    const target = `moving-${Date.now()}@example.org`;
    const browser = new Browser(app);
    await browser.submit('/sign-in', { email: user.email, password: user.password });
    const locations = new Set<string | null>();
    for (let i = 0; i < 5; i++) {
      const asked = await browser.submit('/account', { newEmail: target, emailPassword: user.password }, '/account/email');
      locations.add(asked.response.headers.get('location'));
    }
    expect([...locations]).toEqual(['/account?done=email-sent']);
    expect(await mailsTo(t.db, target)).toBe(MAILS_PER_ADDRESS.quarterHour);
  });
});
