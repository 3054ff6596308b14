import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { loadConfig } from '../../config/config.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { startTestProvider, type TestProvider } from '../../../test/support/oidc.js';
import { testApp } from '../../../test/support/app.js';
import { createUser, type TestUser } from '../../../test/support/auth.js';
import { currentTotp } from '../accounts/index.js';
import { safeReturnPath } from './service.js';

const REDIRECT = 'http://localhost/sign-in/oidc/callback';

describe('safeReturnPath', () => {
  it('keeps a path on this site and refuses anything that would leave it', () => {
    expect(safeReturnPath('/organisations?kind=academia')).toBe('/organisations?kind=academia');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', undefined, ''])
      expect(safeReturnPath(bad)).toBe('/');
  });
});

forEachEngine('single sign-on with OpenID Connect', (t) => {
  let provider: TestProvider;
  const app = () =>
    createApp({
      db: t.db,
      logger: pino({ level: 'silent' }),
      config: loadConfig({
        NODE_ENV: 'test',
        DCP_TRUST_PROXY: 'true',
        DCP_OIDC_ISSUER: provider.issuer,
        DCP_OIDC_CLIENT_ID: provider.clientId,
        DCP_OIDC_CLIENT_SECRET: provider.clientSecret,
        DCP_OIDC_REDIRECT_URL: REDIRECT,
      }),
    });
  let orgId: string;
  let tess: TestUser;

  beforeAll(async () => {
    provider = await startTestProvider(
      [
        { sub: 'alice', email: 'Alice.Wanjiru@ICT.go.ke', emailVerified: true, name: 'Alice Wanjiru' },
        { sub: 'mallory', email: 'mallory@ict.go.ke', emailVerified: false, name: 'Mallory' },
        { sub: 'tess', email: 'tess.two-factor@example.org', emailVerified: true, name: 'Tess' },
        { sub: 'victor', email: 'victor@corp.example', emailVerified: true, name: 'Victor' },
      ],
      REDIRECT,
    );
    tess = await createUser(t.db, { email: 'tess.two-factor@example.org', totp: true });
    orgId = (
      await t.db
        .insertInto('organisations')
        .values({ name: 'ICT Authority', kind: 'member-state', email_domains: ['ict.go.ke'] })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => provider.close());

  it('takes from an unconfirmed account everything its sign-up set before the provider vouches for the address', async () => {
    // An attacker signed up with the victim's address and a password of their own, but never confirmed it.
    await createUser(t.db, { email: 'victor@corp.example', verified: false, password: 'attacker chose this one' });
    const { response } = await signInThroughProvider(app(), 'victor');
    expect(response.status).toBe(303);
    const attempt = await testApp(t.db).request('/api/v1/auth/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '203.0.113.77' },
      body: JSON.stringify({ email: 'victor@corp.example', password: 'attacker chose this one' }),
    });
    expect(attempt.status).toBe(401);
    const user = await t.db
      .selectFrom('users')
      .select(['password_hash', 'email_verified_at'])
      .where('email', '=', 'victor@corp.example')
      .executeTakeFirstOrThrow();
    expect(user.password_hash).toBeNull();
    expect(user.email_verified_at).not.toBeNull();
  });

  /** Starts at /sign-in/oidc, passes the provider, and returns the callback response. */
  async function signInThroughProvider(sso: ReturnType<typeof app>, sub: string, next = '/organisations') {
    provider.signInAs(sub);
    const start = await sso.request(`/sign-in/oidc?next=${encodeURIComponent(next)}`);
    expect(start.status).toBe(302);
    const stateCookie = /dcp_oidc_state=[^;]+/.exec(start.headers.get('set-cookie') ?? '')?.[0] ?? '';
    const authorisation = new URL(start.headers.get('location')!);
    const callback = await provider.authorise(authorisation.toString(), REDIRECT);
    return {
      authorisation,
      stateCookie,
      callback,
      response: await sso.request(`${callback.pathname}${callback.search}`, { headers: { Cookie: stateCookie } }),
    };
  }

  it('sends the browser to the provider with PKCE, state and nonce', async () => {
    const res = await app().request('/sign-in/oidc');
    const url = new URL(res.headers.get('location')!);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    for (const p of ['code_challenge', 'state', 'nonce']) expect(url.searchParams.get(p)?.length).toBeGreaterThan(20);
    expect(res.headers.get('set-cookie')).toMatch(/dcp_oidc_state=.*HttpOnly/i);
  });

  it('creates the person from their verified address, joins the organisation of their domain and opens a session', async () => {
    const sso = app();
    const { response } = await signInThroughProvider(sso, 'alice');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/organisations');
    const session = /dcp_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0];
    expect(session).toBeTruthy();

    const me = await sso.request('/api/v1/me', { headers: { Cookie: session! } });
    expect(me.status).toBe(200);
    const user = await t.db.selectFrom('users').selectAll().where('email', '=', 'alice.wanjiru@ict.go.ke').executeTakeFirstOrThrow();
    expect(user).toMatchObject({ display_name: 'Alice Wanjiru', password_hash: null });
    expect(user.email_verified_at).not.toBeNull();
    const membership = await t.db.selectFrom('memberships').selectAll().where('user_id', '=', user.id).execute();
    expect(membership).toEqual([expect.objectContaining({ organisation_id: orgId, role: 'member' })]);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'after']).where('subject_id', '=', user.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['user.create', 'membership.add', 'auth.sign-in']);
    expect(JSON.stringify(audit)).not.toContain('alice.wanjiru@');
  });

  it('signs the same person in again without a second account or membership', async () => {
    const { response } = await signInThroughProvider(app(), 'alice', '/my/organisations');
    expect(response.status).toBe(303);
    expect(await t.db.selectFrom('users').select('id').where('email', '=', 'alice.wanjiru@ict.go.ke').execute()).toHaveLength(1);
    expect(await t.db.selectFrom('memberships').select('user_id').where('organisation_id', '=', orgId).execute()).toHaveLength(1);
  });

  it('refuses a replayed callback and a callback without the state cookie (login CSRF)', async () => {
    const sso = app();
    const { callback, stateCookie } = await signInThroughProvider(sso, 'alice');
    const replay = await sso.request(`${callback.pathname}${callback.search}`, { headers: { Cookie: stateCookie } });
    expect(replay.status).toBe(403);

    provider.signInAs('alice');
    const start = await sso.request('/sign-in/oidc');
    const fresh = await provider.authorise(start.headers.get('location')!, REDIRECT);
    const noCookie = await sso.request(`${fresh.pathname}${fresh.search}`);
    expect(noCookie.status).toBe(403);
    expect(noCookie.headers.get('set-cookie') ?? '').not.toContain('dcp_session=');
  });

  it('refuses an address the provider has not verified, creating nobody', async () => {
    const { response } = await signInThroughProvider(app(), 'mallory');
    expect(response.status).toBe(403);
    expect(await t.db.selectFrom('users').select('id').where('email', '=', 'mallory@ict.go.ke').execute()).toHaveLength(0);
  });

  it('sends an account with two-factor sign-in to the two-factor page, and signs it in with the code', async () => {
    const sso = app();
    const { response } = await signInThroughProvider(sso, 'tess', '/my/organisations');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/sign-in/two-factor?next=%2Fmy%2Forganisations');
    const cookie = /dcp_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0] ?? '';
    // The session is pending: anonymous everywhere but the two-factor page.
    expect((await sso.request('/api/v1/me', { headers: { Cookie: cookie } })).status).toBe(401);
    const page = await sso.request('/sign-in/two-factor?next=%2Fmy%2Forganisations', { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(html).toContain('name="code"');
    const done = await sso.request('/sign-in/two-factor', {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, next: '/my/organisations', code: currentTotp(tess.totpSecret!) }).toString(),
    });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/my/organisations');
    // The second factor renews the session id: the new cookie works, the pending one no longer does.
    const renewed = /dcp_session=[^;]+/.exec(done.headers.get('set-cookie') ?? '')?.[0] ?? '';
    expect((await sso.request('/api/v1/me', { headers: { Cookie: renewed } })).status).toBe(200);
    expect((await sso.request('/api/v1/me', { headers: { Cookie: cookie } })).status).toBe(401);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'after']).where('subject_id', '=', tess.id).orderBy('id').execute();
    expect(audit).toEqual([{ action: 'auth.sign-in', after: { method: 'totp' } }]);
  });

  it('shows the single-sign-on button on the sign-in page only when it is configured', async () => {
    const html = await (await app().request('/sign-in?next=%2Forganisations')).text();
    expect(html).toContain('href="/sign-in/oidc?next=%2Forganisations"');
    expect(await (await testApp(t.db).request('/sign-in')).text()).not.toContain('/sign-in/oidc');
  });

  it('offers no single sign-on when it is not configured', async () => {
    expect((await testApp(t.db).request('/sign-in/oidc')).status).toBe(404);
  });
});
