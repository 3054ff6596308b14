import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { body, testApp } from '../../../test/support/app.js';
import { createUser, signIn, signInAs, randomAddress } from '../../../test/support/auth.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { currentTotp } from './totp.js';

const jsonPost = (payload: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': randomAddress(), ...headers },
  body: JSON.stringify(payload),
});

forEachEngine('accounts API', (t) => {
  const app = () => testApp(t.db);

  describe('POST /api/v1/auth/sign-in', () => {
    it('sets an HttpOnly, SameSite=Lax session cookie and returns the account and a CSRF token', async () => {
      const user = await createUser(t.db, { displayName: 'Ana Pérez' });
      const response = await app().request('/api/v1/auth/sign-in', jsonPost({ email: user.email.toUpperCase(), password: user.password }));
      expect(response.status).toBe(200);
      const cookie = response.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^dcp_session=[A-Za-z0-9_-]{22};/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).not.toMatch(/Secure/); // no https public URL configured
      const json = await body<{ user: Record<string, unknown>; csrfToken: string }>(response);
      expect(json.user).toMatchObject({
        id: user.id,
        email: user.email,
        displayName: 'Ana Pérez',
        platformRole: null,
        emailVerified: true,
      });
      expect(json.csrfToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(JSON.stringify(json)).not.toMatch(/argon2|password/i);
    });

    it('marks the cookie Secure as configured, whatever address the request names', async () => {
      const user = await createUser(t.db);
      const secureApp = testApp(t.db, { DCP_PUBLIC_URL: 'https://dcp.example.org' });
      const response = await secureApp.request(
        'http://127.0.0.1:3000/api/v1/auth/sign-in',
        jsonPost({ email: user.email, password: user.password }),
      );
      expect(response.headers.get('set-cookie')).toMatch(/Secure/);
    });

    it('stores only the SHA-256 of the session id', async () => {
      const user = await createUser(t.db);
      const { cookie } = await signIn(app(), user.email, user.password);
      const value = cookie.split('=')[1]!;
      const rows = await t.db.selectFrom('sessions').select('id_hash').where('user_id', '=', user.id).execute();
      expect(rows).toHaveLength(1);
      const { createHash } = await import('node:crypto');
      expect(rows[0]!.id_hash.equals(createHash('sha256').update(value).digest())).toBe(true);
    });

    it('answers a wrong password and an unknown address alike, with 401 unauthenticated', async () => {
      const user = await createUser(t.db);
      const wrong = await app().request('/api/v1/auth/sign-in', jsonPost({ email: user.email, password: 'not the password' }));
      const unknown = await app().request('/api/v1/auth/sign-in', jsonPost({ email: 'nobody@example.org', password: 'not the password' }));
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      const [a, b] = [await body(wrong), await body(unknown)];
      expect(a['code']).toBe('unauthenticated');
      expect(a['detail']).toBe(b['detail']);
      expect(wrong.headers.get('set-cookie') ?? '').not.toMatch(/dcp_session=[A-Za-z0-9]/);
    });

    it('refuses an account whose address is not verified yet', async () => {
      const user = await createUser(t.db, { verified: false });
      const response = await app().request('/api/v1/auth/sign-in', jsonPost({ email: user.email, password: user.password }));
      expect(response.status).toBe(403);
    });

    it('asks an account with two-factor sign-in for its code, and accepts a code only once', async () => {
      const user = await createUser(t.db, { totp: true });
      const without = await app().request('/api/v1/auth/sign-in', jsonPost({ email: user.email, password: user.password }));
      expect(without.status).toBe(401);
      expect((await body(without))['fields']).toEqual([{ field: 'body.totp', message: 'required for this account' }]);
      const code = currentTotp(user.totpSecret!);
      const first = await app().request('/api/v1/auth/sign-in', jsonPost({ email: user.email, password: user.password, totp: code }));
      expect(first.status).toBe(200);
      const replay = await app().request('/api/v1/auth/sign-in', jsonPost({ email: user.email, password: user.password, totp: code }));
      expect(replay.status).toBe(401);
    });

    it('refuses an admin without two-factor sign-in until they enrol', async () => {
      const admin = await createUser(t.db, { platformRole: 'admin', totp: false });
      const response = await app().request('/api/v1/auth/sign-in', jsonPost({ email: admin.email, password: admin.password }));
      expect(response.status).toBe(403);
    });

    it('refuses the 11th attempt in a minute from one address with 429 and Retry-After', async () => {
      const address = randomAddress();
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 11; i++) {
        last = await app().request(
          '/api/v1/auth/sign-in',
          jsonPost({ email: `nobody${i}@example.org`, password: 'wrong password' }, { 'X-Forwarded-For': address }),
        );
        statuses.push(last.status);
      }
      expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
      expect(statuses[10]).toBe(429);
      expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(last!.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect((await body(last!))['code']).toBe('rate-limited');
    });

    it('slows an account down after five failures, even with the right password', async () => {
      const user = await createUser(t.db);
      for (let i = 0; i < 5; i++) {
        const r = await app().request('/api/v1/auth/sign-in', jsonPost({ email: user.email, password: `wrong ${i}` }));
        expect(r.status).toBe(401);
      }
      const blocked = await app().request('/api/v1/auth/sign-in', jsonPost({ email: user.email, password: user.password }));
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(30);
      // Once the delay is over, the right password works and clears the count.
      await t.db
        .updateTable('sign_in_failures')
        .set({ blocked_until: sql<Date>`now() - interval '1 second'` })
        .execute();
      expect((await app().request('/api/v1/auth/sign-in', jsonPost({ email: user.email, password: user.password }))).status).toBe(200);
    });
  });

  describe('GET /api/v1/me and sign-out', () => {
    it('answers 401 to an anonymous request', async () => {
      const response = await app().request('/api/v1/me');
      expect(response.status).toBe(401);
      expect((await body(response))['code']).toBe('unauthenticated');
    });

    it('shows the signed-in person with memberships and platform role', async () => {
      const org = await t.db
        .insertInto('organisations')
        .values({ name: `Org ${Math.random()}`, kind: 'academia' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const user = await createUser(t.db, { platformRole: 'coordinator', memberships: [{ organisationId: org.id, role: 'editor' }] });
      const { headers } = await signInAs(app(), user);
      const response = await app().request('/api/v1/me', { headers });
      expect(response.status).toBe(200);
      const me = await body(response);
      expect(me).toMatchObject({ id: user.id, platformRole: 'coordinator', twoFactorEnabled: true, authenticatedVia: 'session' });
      expect(me['memberships']).toEqual([expect.objectContaining({ organisationId: org.id, role: 'editor' })]);
      expect(response.headers.get('cache-control')).toBe('no-store');
    });

    it('ends the session on the server at sign-out', async () => {
      const user = await createUser(t.db);
      const { headers } = await signInAs(app(), user);
      const out = await app().request('/api/v1/auth/sign-out', { method: 'POST', headers });
      expect(out.status).toBe(204);
      expect(await t.db.selectFrom('sessions').where('user_id', '=', user.id).select('user_id').execute()).toHaveLength(0);
      expect((await app().request('/api/v1/me', { headers })).status).toBe(401);
    });

    it('refuses sign-out with the cookie but without the CSRF token, and the session lives on', async () => {
      const user = await createUser(t.db);
      const { cookie } = await signInAs(app(), user);
      const out = await app().request('/api/v1/auth/sign-out', { method: 'POST', headers: { Cookie: cookie } });
      expect(out.status).toBe(403);
      expect((await body(out))['code']).toBe('forbidden');
      expect((await app().request('/api/v1/me', { headers: { Cookie: cookie } })).status).toBe(200);
    });
  });

  describe('session expiry', () => {
    it('ends a session idle longer than the idle timeout', async () => {
      const user = await createUser(t.db);
      const { headers } = await signInAs(app(), user);
      await t.db
        .updateTable('sessions')
        .set({ last_seen_at: sql<Date>`now() - interval '121 minutes'` })
        .where('user_id', '=', user.id)
        .execute();
      expect((await app().request('/api/v1/me', { headers })).status).toBe(401);
    });

    it('ends a session past its absolute timeout however active', async () => {
      const user = await createUser(t.db);
      const { headers } = await signInAs(app(), user);
      await t.db
        .updateTable('sessions')
        .set({ expires_at: sql<Date>`now() - interval '1 second'` })
        .where('user_id', '=', user.id)
        .execute();
      expect((await app().request('/api/v1/me', { headers })).status).toBe(401);
    });

    it('keeps an active session alive by moving last_seen_at', async () => {
      const user = await createUser(t.db);
      const { headers } = await signInAs(app(), user);
      await t.db
        .updateTable('sessions')
        .set({ last_seen_at: sql<Date>`now() - interval '119 minutes'` })
        .where('user_id', '=', user.id)
        .execute();
      expect((await app().request('/api/v1/me', { headers })).status).toBe(200);
      const row = await t.db
        .selectFrom('sessions')
        .select(sql<number>`extract(epoch from now() - last_seen_at)`.as('age'))
        .where('user_id', '=', user.id)
        .executeTakeFirstOrThrow();
      expect(Number(row.age)).toBeLessThan(60);
    });
  });
});
