import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../../test/support/app.js';
import { createUser, signInAs } from '../../../test/support/auth.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { Browser } from '../../../test/support/forms.js';
import { runJobs } from '../../../test/support/jobs.js';
import type { Db } from '../../db/database.js';
import { currentTotp } from './totp.js';

/** The token in the last mail the outbox holds for `to`, once the queued mails were sent. */
async function mailedToken(db: Db, to: string): Promise<{ token: string; subject: string; body: string }> {
  await runJobs(db);
  const mail = await db.selectFrom('outbox').selectAll().where('recipient', '=', to).orderBy('id', 'desc').executeTakeFirstOrThrow();
  const token = /token=([A-Za-z0-9_-]+)/.exec(mail.body)?.[1];
  if (!token) throw new Error(`no link in: ${mail.body}`);
  return { token, subject: mail.subject, body: mail.body };
}

/** The ids the error summary links to, in order. */
function summaryTargets(html: string): string[] {
  const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
  return [...summary.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
}

/** The visible text of a page: markup, attributes and the hidden CSRF value left out. */
function textOf(html: string): string {
  return html.replace(/<head>[\s\S]*?<\/head>/, '').replace(/<[^>]*>/g, ' ');
}

const count = async (db: Db, table: 'users' | 'sessions' | 'account_tokens' | 'api_tokens') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

forEachEngine('account pages', (t) => {
  const app = () => testApp(t.db);

  describe('sign-up and e-mail verification', () => {
    it('signs up, confirms the address from the mailed link, signs in and sees the account page', async () => {
      const browser = new Browser(app());
      const email = `newcomer-${Date.now()}@example.org`;
      const signUp = await browser.submit('/sign-up', { displayName: 'Amina Diallo', email, password: 'mangoes in the rainy season' });
      // Redirect after post: a reload of the confirmation never signs up again.
      expect(signUp.response.status).toBe(303);
      expect(signUp.response.headers.get('location')).toBe('/sign-up/sent');
      const sent = await browser.get('/sign-up/sent');
      expect(sent.html).toContain('Check your e-mail');
      // The public never learns where mail goes without a mail server; that is for an admin or the server log.
      expect(sent.html).not.toContain('/admin/outbox');
      expect(sent.html).not.toContain('dcp -- outbox');

      const refused = await browser.submit('/sign-in', { email, password: 'mangoes in the rainy season' });
      expect(refused.response.status).toBe(403); // not verified yet: a new link is sent

      const mail = await mailedToken(t.db, email);
      expect(mail.subject).toBe('Confirm your e-mail address');
      expect(mail.body).toContain('Hello Amina Diallo');
      const confirm = await browser.get(`/verify-email?token=${mail.token}`);
      expect(confirm.html).toContain('Confirm my address');
      const verified = await browser.post('/verify-email', { token: mail.token }, confirm.html);
      expect(verified.response.status).toBe(303);
      expect(verified.response.headers.get('location')).toBe('/sign-in?done=email-verified');

      const signIn = await browser.submit('/sign-in', { email, password: 'mangoes in the rainy season' });
      expect(signIn.response.status).toBe(303);
      expect(signIn.response.headers.get('location')).toBe('/account');
      const account = await browser.get('/account');
      expect(account.response.status).toBe(200);
      expect(account.html).toContain('Amina Diallo');
      expect(account.html).toContain('href="/account"'); // the header now links to the account
      expect(account.response.headers.get('cache-control')).toBe('no-store');
    });

    it('uses a verification link once only', async () => {
      const browser = new Browser(app());
      const email = `once-${Date.now()}@example.org`;
      await browser.submit('/sign-up', { displayName: 'Once', email, password: 'mangoes in the rainy season' });
      const { token } = await mailedToken(t.db, email);
      const page = await browser.get(`/verify-email?token=${token}`);
      expect((await browser.post('/verify-email', { token }, page.html)).response.status).toBe(303);
      expect((await browser.post('/verify-email', { token }, page.html)).response.status).toBe(404);
    });

    it('refuses a common password with an error summary linked to the field, and creates nothing', async () => {
      const before = await count(t.db, 'users');
      const browser = new Browser(app());
      const { response, html } = await browser.submit('/sign-up', {
        displayName: 'Test',
        email: `c-${Date.now()}@example.org`,
        password: 'password123',
      });
      expect(response.status).toBe(400);
      expect(html).toContain('role="alert"');
      expect(html).toContain('href="#password"');
      expect(html).toContain('aria-invalid="true"');
      expect(html).toContain('one of the most common passwords');
      expect(await count(t.db, 'users')).toBe(before);
    });

    it('answers an already registered address exactly like a new one, and tells its owner by mail', async () => {
      const existing = await createUser(t.db);
      const browser = new Browser(app());
      const { response, html } = await browser.submit('/sign-up', {
        displayName: 'Someone',
        email: existing.email,
        password: 'mangoes in the rainy season',
      });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/sign-up/sent');
      expect(html).toBe('');
      expect(await mailedToken(t.db, existing.email).catch(() => undefined)).toBeUndefined(); // no token: a plain notice
      await runJobs(t.db);
      const notice = await t.db.selectFrom('outbox').selectAll().where('recipient', '=', existing.email).executeTakeFirstOrThrow();
      expect(notice.subject).toBe('Someone tried to sign up with your address');
    });

    it('shows the sign-in page in Arabic, right to left, with labelled fields and autocomplete', async () => {
      const { html } = await new Browser(app()).get('/sign-in?lang=ar');
      expect(html).toContain('<html lang="ar" dir="rtl">');
      expect(html).toContain('<label for="email">عنوان البريد الإلكتروني</label>');
      expect(html).toContain('autocomplete="current-password"');
      expect(html).toContain('name="_csrf"');
      expect(html).toContain('<a href="/sign-in" aria-current="page">تسجيل الدخول</a>'); // the header link, for a visitor not signed in
    });
  });

  describe('CSRF', () => {
    it('refuses a signed-in form post without the token with 403, and changes nothing', async () => {
      const user = await createUser(t.db);
      const browser = new Browser(app());
      await browser.submit('/sign-in', { email: user.email, password: user.password });
      const before = await t.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
      const sessions = await count(t.db, 'sessions');
      const { response, html } = await browser.post('/account/password', {
        currentPassword: user.password,
        newPassword: 'a brand new passphrase',
        _csrf: 'forged',
      });
      expect(response.status).toBe(403);
      expect(html).toContain('Reload the page');
      const after = await t.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
      expect(after.password_hash).toBe(before.password_hash);
      expect(await count(t.db, 'sessions')).toBe(sessions);
    });

    it('refuses a sign-up post without the form cookie, and creates no account', async () => {
      const before = await count(t.db, 'users');
      const response = await app().request('/sign-up', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': '203.0.113.9' },
        body: new URLSearchParams({
          displayName: 'X',
          email: `x-${Date.now()}@example.org`,
          password: 'mangoes in the rainy season',
          _csrf: 'guess',
        }).toString(),
      });
      expect(response.status).toBe(403);
      expect(await count(t.db, 'users')).toBe(before);
    });

    it('refuses a JSON token creation with the session cookie but no X-CSRF-Token, and creates no token', async () => {
      const org = await t.db
        .insertInto('organisations')
        .values({ name: `CSRF org ${Date.now()}`, kind: 'academia' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const user = await createUser(t.db, { memberships: [{ organisationId: org.id, role: 'owner' }] });
      const { cookie } = await signInAs(app(), user);
      const before = await count(t.db, 'api_tokens');
      const response = await app().request('/api/v1/tokens', {
        method: 'POST',
        headers: { Cookie: cookie, 'Content-Type': 'application/json' },
        body: JSON.stringify({ organisationId: org.id, scope: 'write', name: 'forged' }),
      });
      expect(response.status).toBe(403);
      expect(await count(t.db, 'api_tokens')).toBe(before);
    });
  });

  describe('passwords', () => {
    it('ends the other sessions when the password changes, and keeps this one', async () => {
      const user = await createUser(t.db);
      const other = await signInAs(app(), user);
      const browser = new Browser(app());
      await browser.submit('/sign-in', { email: user.email, password: user.password });
      const changed = await browser.submit(
        '/account',
        { currentPassword: user.password, newPassword: 'a brand new passphrase' },
        '/account/password',
      );
      expect(changed.response.status).toBe(303);
      expect(changed.response.headers.get('location')).toBe('/account?done=password-changed');
      expect((await app().request('/api/v1/me', { headers: other.headers })).status).toBe(401);
      expect((await browser.get('/account')).response.status).toBe(200);
      expect(await t.db.selectFrom('sessions').where('user_id', '=', user.id).select('user_id').execute()).toHaveLength(1);
    });

    it('resets a forgotten password with a single-use link, ending every session and revoking API tokens', async () => {
      const org = await t.db
        .insertInto('organisations')
        .values({ name: 'Reset Test Org', kind: 'academia' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const user = await createUser(t.db, { memberships: [{ organisationId: org.id, role: 'editor' }] });
      const existing = await signInAs(app(), user);
      const made = await app().request('/api/v1/tokens', {
        method: 'POST',
        headers: { ...existing.headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ organisationId: org.id, scope: 'write', name: 'made before the reset' }),
      });
      const { token: apiToken } = (await made.json()) as { token: string };
      expect((await app().request('/api/v1/me', { headers: { Authorization: `Bearer ${apiToken}` } })).status).toBe(200);
      const browser = new Browser(app());
      const asked = await browser.submit('/reset-password', { email: user.email });
      expect(asked.response.headers.get('location')).toBe('/reset-password/sent');
      expect((await browser.get('/reset-password/sent')).html).toContain('If an account uses this address');
      const { token } = await mailedToken(t.db, user.email);
      const form = await browser.get(`/reset-password/confirm?token=${token}`);
      expect(form.response.status).toBe(200);
      const done = await browser.post('/reset-password/confirm', { token, password: 'another fresh passphrase' }, form.html);
      expect(done.response.headers.get('location')).toBe('/sign-in?done=password-reset');
      expect((await app().request('/api/v1/me', { headers: existing.headers })).status).toBe(401);
      expect((await app().request('/api/v1/me', { headers: { Authorization: `Bearer ${apiToken}` } })).status).toBe(401);
      const again = await browser.post('/reset-password/confirm', { token, password: 'yet another passphrase' }, form.html);
      expect(again.response.status).toBe(404);
      const signIn = await browser.submit('/sign-in', { email: user.email, password: 'another fresh passphrase' });
      expect(signIn.response.status).toBe(303);
    });

    it('refuses an expired reset link', async () => {
      const user = await createUser(t.db);
      const browser = new Browser(app());
      await browser.submit('/reset-password', { email: user.email });
      const { token } = await mailedToken(t.db, user.email);
      await t.db
        .updateTable('account_tokens')
        .set({ expires_at: sql<Date>`now() - interval '1 second'` })
        .where('user_id', '=', user.id)
        .execute();
      expect((await browser.get(`/reset-password/confirm?token=${token}`)).response.status).toBe(404);
      const page = await browser.get('/reset-password');
      expect(
        (await browser.post('/reset-password/confirm', { token, password: 'another fresh passphrase' }, page.html)).response.status,
      ).toBe(404);
    });

    it('says the same for an unknown address and sends nothing', async () => {
      await runJobs(t.db);
      const before = Number(
        (
          await t.db
            .selectFrom('outbox')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      const browser = new Browser(app());
      const { response } = await browser.submit('/reset-password', { email: 'nobody-here@example.org' });
      expect(response.headers.get('location')).toBe('/reset-password/sent');
      expect((await browser.get('/reset-password/sent')).html).toContain('If an account uses this address');
      expect(await runJobs(t.db)).toBeGreaterThan(0); // the reset job ran, and decided to send nothing
      expect(
        Number(
          (
            await t.db
              .selectFrom('outbox')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      ).toBe(before);
    });
  });

  describe('change of e-mail', () => {
    it('moves the account only once the new address confirms, and tells the old one', async () => {
      const user = await createUser(t.db);
      const browser = new Browser(app());
      await browser.submit('/sign-in', { email: user.email, password: user.password });
      const next = `moved-${Date.now()}@example.org`;
      const asked = await browser.submit('/account', { newEmail: next, emailPassword: user.password }, '/account/email');
      expect(asked.response.headers.get('location')).toBe('/account?done=email-sent');
      expect((await t.db.selectFrom('users').select('email').where('id', '=', user.id).executeTakeFirstOrThrow()).email).toBe(user.email);
      const { token } = await mailedToken(t.db, next);
      const page = await browser.get(`/confirm-email?token=${token}`);
      expect((await browser.post('/confirm-email', { token }, page.html)).response.headers.get('location')).toBe(
        '/account?done=email-changed',
      );
      expect((await t.db.selectFrom('users').select('email').where('id', '=', user.id).executeTakeFirstOrThrow()).email).toBe(next);
      await runJobs(t.db);
      const notice = await t.db
        .selectFrom('outbox')
        .select('subject')
        .where('recipient', '=', user.email)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(notice.subject).toBe('Your e-mail address was changed');
    });
  });

  describe('two-factor sign-in', () => {
    it('holds an admin without TOTP at the set-up page until they enrol', async () => {
      const admin = await createUser(t.db, { platformRole: 'admin', totp: false });
      const browser = new Browser(app());
      const signIn = await browser.submit('/sign-in', { email: admin.email, password: admin.password });
      expect(signIn.response.headers.get('location')).toBe('/account/two-factor');
      expect((await browser.get('/account')).response.headers.get('location')).toBe('/account/two-factor');
      const session = [...browser.cookies].find(([k]) => k === 'dcp_session')![1];
      expect((await app().request('/api/v1/me', { headers: { Cookie: `dcp_session=${session}` } })).status).toBe(401);

      const setup = await browser.get('/account/two-factor');
      expect(setup.html).toContain('Administrators and coordinators must use two-factor sign-in');
      const { totp_secret } = await t.db.selectFrom('users').select('totp_secret').where('id', '=', admin.id).executeTakeFirstOrThrow();
      expect(setup.html.replace(/ /g, '')).toContain(totp_secret!);
      const wrong = await browser.post('/account/two-factor', { code: '000000' }, setup.html);
      expect(wrong.response.status).toBe(400);
      const right = await browser.post('/account/two-factor', { code: currentTotp(totp_secret!) }, setup.html);
      expect(right.response.headers.get('location')).toBe('/account?done=two-factor-on');
      expect((await browser.get('/account')).response.status).toBe(200);
      // The sign-in completed under a new session id; the pending one opens nothing.
      const renewed = browser.cookies.get('dcp_session');
      expect(renewed).not.toBe(session);
      expect((await app().request('/api/v1/me', { headers: { Cookie: `dcp_session=${renewed}` } })).status).toBe(200);
      expect((await app().request('/api/v1/me', { headers: { Cookie: `dcp_session=${session}` } })).status).toBe(401);
    });

    it('asks an enrolled account for its code after the password', async () => {
      const user = await createUser(t.db, { totp: true });
      const browser = new Browser(app());
      const signIn = await browser.submit('/sign-in', { email: user.email, password: user.password });
      expect(signIn.response.headers.get('location')).toBe('/sign-in/two-factor?next=%2Faccount');
      expect((await browser.get('/account')).response.headers.get('location')).toBe('/sign-in/two-factor');
      const page = await browser.get('/sign-in/two-factor');
      expect(page.html).toContain('autocomplete="one-time-code"');
      expect((await browser.post('/sign-in/two-factor', { code: '000000', next: '/account' }, page.html)).response.status).toBe(401);
      const done = await browser.post('/sign-in/two-factor', { code: currentTotp(user.totpSecret!), next: '/account' }, page.html);
      expect(done.response.headers.get('location')).toBe('/account');
      expect((await browser.get('/account')).response.status).toBe(200);
    });
  });

  describe('sign-out', () => {
    it('ends the session on the server from the account page', async () => {
      const user = await createUser(t.db);
      const browser = new Browser(app());
      await browser.submit('/sign-in', { email: user.email, password: user.password });
      const out = await browser.submit('/account', {}, '/sign-out');
      expect(out.response.headers.get('location')).toBe('/sign-in?done=signed-out');
      expect(await t.db.selectFrom('sessions').where('user_id', '=', user.id).select('user_id').execute()).toHaveLength(0);
    });

    it('never redirects off-site after sign-in', async () => {
      const user = await createUser(t.db);
      const browser = new Browser(app());
      const page = await browser.get('/sign-in?next=//evil.example/');
      expect(page.html).toContain('name="next" value="/account"');
      const signIn = await browser.post(
        '/sign-in',
        { email: user.email, password: user.password, next: 'https://evil.example/' },
        page.html,
      );
      expect(signIn.response.headers.get('location')).toBe('/account');
    });
  });
  describe('the forms stage on the account pages', () => {
    it('answers an invalid sign-up in Arabic: summary first and focused, each line linked to its field, nothing in English', async () => {
      const browser = new Browser(app());
      await browser.get('/sign-up?lang=ar');
      const { response, html } = await browser.submit(
        '/sign-up?lang=ar',
        { displayName: '', email: 'not-an-address', password: 'short' },
        '/sign-up',
      );
      expect(response.status).toBe(400);
      expect(html).toMatch(/<title>خطأ: /);
      expect(html).toMatch(/<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus/);
      expect(html).toContain('هناك مشكلة');
      expect(summaryTargets(html)).toEqual(['displayName', 'email', 'password']);
      for (const id of summaryTargets(html)) expect(html, id).toContain(`id="${id}"`);
      // No field keys, no English validator text.
      expect(textOf(html)).not.toMatch(/displayName|Invalid|Too small|expected|characters/);
      expect(html).toContain('يجب أن تتكون كلمة المرور من 8 أحرف على الأقل');
      expect(html).toContain('value="not-an-address"'); // what was typed comes back, the password never does
      expect(html).not.toContain('value="short"');
      expect(html).toContain('novalidate');
    });

    it('shows the outbox to an administrator only', async () => {
      const admin = await createUser(t.db, { platformRole: 'admin' });
      const browser = new Browser(app());
      await browser.submit('/sign-in', { email: admin.email, password: admin.password });
      const code = await browser.get('/sign-in/two-factor');
      await browser.post('/sign-in/two-factor', { code: currentTotp(admin.totpSecret!), next: '/account' }, code.html);
      const sent = await browser.get('/sign-up/sent');
      expect(sent.html).toContain('href="/admin/outbox"');
      expect(sent.html).toContain('npm run dcp -- outbox');
    });

    it.each(['/account/email', '/account/password'])(
      'throttles wrong current passwords on %s like sign-in: 429 before the 15th try',
      async (action) => {
        const user = await createUser(t.db);
        const browser = new Browser(app());
        await browser.submit('/sign-in', { email: user.email, password: user.password });
        const page = await browser.get('/account');
        const fields =
          action === '/account/email'
            ? (password: string) => ({ newEmail: `next-${Date.now()}@example.org`, emailPassword: password })
            : (password: string) => ({ currentPassword: password, newPassword: 'a brand new passphrase' });
        const answers: { status: number; html: string }[] = [];
        for (let i = 0; i < 15; i++) {
          const { response, html } = await browser.post(action, fields(`wrong guess ${i}`), page.html);
          answers.push({ status: response.status, html });
        }
        const statuses = answers.map((a) => a.status);
        expect(statuses.slice(0, 4)).toEqual([400, 400, 400, 400]);
        // From the fifth failure the account waits (the form says how long), well before the per-address limit of ten.
        const first429 = statuses.indexOf(429);
        expect(first429).toBeGreaterThanOrEqual(4);
        expect(first429).toBeLessThan(10);
        expect(answers[first429]!.html).toContain('Too many attempts. Wait');
        expect(statuses.slice(first429).every((status) => status === 429)).toBe(true);
        const blocked = await browser.post(action, fields(user.password), page.html);
        // Even the right password waits: the account's budget is spent.
        expect(blocked.response.status).toBe(429);
        expect(Number(blocked.response.headers.get('retry-after'))).toBeGreaterThan(0);
        const row = await t.db.selectFrom('users').select(['email', 'password_hash']).where('id', '=', user.id).executeTakeFirstOrThrow();
        expect(row.email).toBe(user.email);
        // The same budget as sign-in: the address cannot be tried there either.
        expect((await new Browser(app()).submit('/sign-in', { email: user.email, password: user.password })).response.status).toBe(429);
      },
    );

    it('shows a wrong current password on its field, in the page language', async () => {
      const user = await createUser(t.db);
      const browser = new Browser(app());
      await browser.submit('/sign-in', { email: user.email, password: user.password });
      const page = await browser.get('/account?lang=fr');
      const { response, html } = await browser.post(
        '/account/password',
        { currentPassword: 'not mine', newPassword: 'a brand new passphrase' },
        page.html,
      );
      expect(response.status).toBe(400);
      expect(html).toContain('<html lang="fr" dir="ltr">');
      expect(html).toContain('href="#currentPassword"');
      expect(html).toMatch(/id="currentPassword"[^>]*aria-invalid="true"/);
    });
  });
});
