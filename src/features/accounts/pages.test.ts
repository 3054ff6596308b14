import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../../test/support/app.js';
import { createUser, signInAs } from '../../../test/support/auth.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { Browser } from '../../../test/support/forms.js';
import type { Db } from '../../db/database.js';
import { currentTotp } from './totp.js';

/** The token in the last mail the outbox holds for `to`. */
async function mailedToken(db: Db, to: string): Promise<{ token: string; subject: string; body: string }> {
  const mail = await db.selectFrom('outbox').selectAll().where('recipient', '=', to).orderBy('id', 'desc').executeTakeFirstOrThrow();
  const token = /token=([A-Za-z0-9_-]+)/.exec(mail.body)?.[1];
  if (!token) throw new Error(`no link in: ${mail.body}`);
  return { token, subject: mail.subject, body: mail.body };
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
      expect(signUp.response.status).toBe(200);
      expect(signUp.html).toContain('Check your e-mail');

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
      expect(response.status).toBe(200);
      expect(html).toContain('Check your e-mail');
      expect(await mailedToken(t.db, existing.email).catch(() => undefined)).toBeUndefined(); // no token: a plain notice
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
      expect(asked.html).toContain('If an account uses this address');
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
      const before = Number(
        (
          await t.db
            .selectFrom('outbox')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      const { html } = await new Browser(app()).submit('/reset-password', { email: 'nobody-here@example.org' });
      expect(html).toContain('If an account uses this address');
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
});
