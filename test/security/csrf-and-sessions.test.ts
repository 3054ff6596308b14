/**
 * Issue 13, finding 8: the anonymous CSRF cookie must be one this server issued
 * (signed with a key every instance shares through the database), not any value
 * the sender picks; and the session id changes when the second factor completes.
 */
import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { issueAnonymousToken } from '../../src/features/accounts/csrf.js';
import { currentTotp } from '../../src/features/accounts/index.js';
import { testApp } from '../support/app.js';
import { createUser, randomAddress } from '../support/auth.js';
import { forEachEngine } from '../support/engines.js';
import { Browser, csrfIn } from '../support/forms.js';

forEachEngine('anonymous CSRF tokens and session renewal', (t) => {
  const app = () => testApp(t.db);
  const users = async () =>
    Number(
      (
        await t.db
          .selectFrom('users')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** Posts the sign-up form with the given cookie and field, as a forger would. */
  const signUpWith = (cookie: string, field: string, via = app()) =>
    via.request('/sign-up', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': randomAddress(), Cookie: `dcp_csrf=${cookie}` },
      body: new URLSearchParams({
        displayName: 'Forged',
        email: `forged-${randomBytes(4).toString('hex')}@example.org`,
        password: 'mangoes in the rainy season',
        _csrf: field,
      }).toString(),
    });

  const signingKey = async () =>
    (await t.db.selectFrom('server_secrets').select('secret').where('name', '=', 'anonymous-csrf').executeTakeFirstOrThrow()).secret;

  it('refuses a double-submit pair the sender chose, and creates no account', async () => {
    const before = await users();
    const chosen = 'attacker-chosen-value-0123456789';
    expect((await signUpWith(chosen, chosen)).status).toBe(403);
    expect(await users()).toBe(before);
  });

  it('refuses an anonymous form post to the API without a token with 403, not 503 (found by the fuzz suite)', async () => {
    const response = await app().request('/api/v1/auth/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': randomAddress() },
      body: 'name=x&kind=academia',
    });
    expect(response.status).toBe(403);
  });

  it('refuses a token signed with another key, and one past its lifetime', async () => {
    await app().request('/sign-up', { headers: { 'X-Forwarded-For': randomAddress() } }); // the key exists once a form was shown
    const foreign = issueAnonymousToken(randomBytes(32));
    expect((await signUpWith(foreign, foreign)).status).toBe(403);
    const old = issueAnonymousToken(await signingKey(), Date.now() - 25 * 3600 * 1000);
    expect((await signUpWith(old, old)).status).toBe(403);
  });

  it('accepts a token one instance issued on another instance sharing the database', async () => {
    const first = app();
    const second = testApp(t.db);
    const page = await first.request('/sign-up', { headers: { 'X-Forwarded-For': randomAddress() } });
    const cookie = /dcp_csrf=([^;]+)/.exec(page.headers.get('set-cookie') ?? '')?.[1];
    expect(cookie).toBeDefined();
    expect(csrfIn(await page.text())).toBe(cookie);
    const response = await signUpWith(cookie!, cookie!, second);
    // Accepted: the sign-up went through and the browser is sent to "check your e-mail".
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/sign-up/sent');
  });

  it('keeps no signing key in the repository: each database makes its own', async () => {
    await app().request('/sign-in', { headers: { 'X-Forwarded-For': randomAddress() } });
    const key = await signingKey();
    expect(key.length).toBe(32);
    expect(key.equals(Buffer.alloc(32))).toBe(false);
  });

  it('gives the session a new id and CSRF secret when the second factor completes', async () => {
    const user = await createUser(t.db, { totp: true });
    const browser = new Browser(app());
    await browser.submit('/sign-in', { email: user.email, password: user.password });
    const pending = browser.cookies.get('dcp_session')!;
    const form = await browser.get('/sign-in/two-factor');
    const done = await browser.post('/sign-in/two-factor', { code: currentTotp(user.totpSecret!) }, form.html);
    expect(done.response.status).toBe(303);
    const renewed = browser.cookies.get('dcp_session')!;
    expect(renewed).not.toBe(pending);
    const me = (cookie: string) =>
      app().request('/api/v1/me', { headers: { Cookie: `dcp_session=${cookie}`, 'X-Forwarded-For': randomAddress() } });
    expect((await me(renewed)).status).toBe(200);
    expect((await me(pending)).status).toBe(401);
    // The page's forms now carry the renewed session's secret, not the pending one's.
    const account = await browser.get('/account');
    expect(csrfIn(account.html)).not.toBe(csrfIn(form.html));
  });

  it('renews the session id when an administrator completes enrolment at sign-in', async () => {
    const admin = await createUser(t.db, { platformRole: 'admin', totp: false });
    const browser = new Browser(app());
    await browser.submit('/sign-in', { email: admin.email, password: admin.password });
    const pending = browser.cookies.get('dcp_session')!;
    const setup = await browser.get('/account/two-factor');
    const secret = /[A-Z2-7]{32,}/.exec(setup.html)?.[0];
    expect(secret).toBeDefined();
    const done = await browser.post('/account/two-factor', { code: currentTotp(secret!) }, setup.html);
    expect(done.response.headers.get('location')).toBe('/account?done=two-factor-on');
    expect(browser.cookies.get('dcp_session')).not.toBe(pending);
    expect((await browser.get('/account')).response.status).toBe(200);
  });
});
