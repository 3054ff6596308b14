import { expect, it } from 'vitest';
import { body, testApp } from '../../../test/support/app.js';
import { createUser, signInAs } from '../../../test/support/auth.js';
import { forEachEngine } from '../../../test/support/engines.js';

forEachEngine('personal data', (t) => {
  const app = () => testApp(t.db);
  const post = (headers: Record<string, string>, path: string, payload: unknown) =>
    app().request(path, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(payload) });

  it('lists the data kept and the UN principles on /privacy, in every language', async () => {
    const en = await (await app().request('/privacy')).text();
    for (const words of [
      'Purpose specification',
      'Proportionality and necessity',
      'Retention',
      'Transfers',
      'Accountability',
      'Sign in to download',
    ])
      expect(en).toContain(words);
    const ar = await app().request('/privacy?lang=ar');
    expect(await ar.text()).toContain('dir="rtl"');
  });

  it('exports everything about the person and nothing secret', async () => {
    const person = await createUser(t.db, { displayName: 'Dana Export' });
    const session = await signInAs(app(), person);
    const org = await body<{ id: string }>(
      await post(session.headers, '/api/v1/organisations', { name: 'Export Org', kind: 'civil-society' }),
    );
    await post(session.headers, '/api/v1/tokens', { organisationId: org.id, scope: 'read', name: 'nightly' });
    expect((await app().request('/api/v1/me/export')).status).toBe(401);
    const res = await app().request('/api/v1/me/export', { headers: session.headers });
    expect(res.status).toBe(200);
    const data = await body<
      Record<string, unknown> & {
        account: { email: string };
        memberships: unknown[];
        sessions: unknown[];
        apiTokens: { name: string }[];
        auditEntries: { action: string }[];
      }
    >(res);
    expect(data.account.email).toBe(person.email);
    expect(data.memberships).toEqual([expect.objectContaining({ organisationId: org.id, role: 'owner' })]);
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(data.apiTokens.map((tk) => tk.name)).toEqual(['nightly']);
    expect(data.auditEntries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['auth.sign-in', 'organisation.create', 'membership.add']),
    );
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/argon2|password_hash|totp_secret|csrf|token_hash|dcp_[A-Za-z0-9_-]{20}/);
  });

  it('lets only one of two owners deleting their accounts at the same moment go, so the organisation keeps an owner', async () => {
    const first = await createUser(t.db);
    const firstSession = await signInAs(app(), first);
    const org = await body<{ id: string }>(
      await post(firstSession.headers, '/api/v1/organisations', { name: 'Two Owners Org', kind: 'academia' }),
    );
    const second = await createUser(t.db, { memberships: [{ organisationId: org.id, role: 'owner' }] });
    const secondSession = await signInAs(app(), second);
    const statuses = await Promise.all(
      [firstSession, secondSession].map(async (s) => (await app().request('/api/v1/me', { method: 'DELETE', headers: s.headers })).status),
    );
    expect(statuses.toSorted()).toEqual([204, 409]);
    const owners = await t.db
      .selectFrom('memberships')
      .select('user_id')
      .where('organisation_id', '=', org.id)
      .where('role', '=', 'owner')
      .execute();
    expect(owners).toHaveLength(1);
  });

  it('refuses deletion while the person is the only owner, then deletes sessions, tokens and memberships but keeps the organisation', async () => {
    const owner = await createUser(t.db);
    const session = await signInAs(app(), owner);
    const org = await body<{ id: string }>(await post(session.headers, '/api/v1/organisations', { name: 'Kept Org', kind: 'academia' }));
    const heir = await createUser(t.db, { memberships: [{ organisationId: org.id, role: 'member' }] });
    await post(session.headers, '/api/v1/tokens', { organisationId: org.id, scope: 'write', name: 'bot' });

    const refused = await app().request('/api/v1/me', { method: 'DELETE', headers: session.headers });
    expect(refused.status).toBe(409);
    await app().request(`/api/v1/organisations/${org.id}/members/${heir.id}`, {
      method: 'PATCH',
      headers: { ...session.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ role: 'owner' }),
    });

    const deleted = await app().request('/api/v1/me', { method: 'DELETE', headers: session.headers });
    expect(deleted.status).toBe(204);
    expect(await t.db.selectFrom('users').select('id').where('id', '=', owner.id).execute()).toEqual([]);
    expect(await t.db.selectFrom('sessions').select('user_id').where('user_id', '=', owner.id).execute()).toEqual([]);
    expect(await t.db.selectFrom('api_tokens').select('id').where('user_id', '=', owner.id).execute()).toEqual([]);
    expect(await t.db.selectFrom('memberships').select('user_id').where('user_id', '=', owner.id).execute()).toEqual([]);
    expect((await app().request(`/api/v1/organisations/${org.id}`)).status).toBe(200);
    expect((await app().request('/api/v1/me', { headers: session.headers })).status).toBe(401);
    // The audit trail keeps the deletion, by id only.
    const entry = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'account.delete')
      .where('actor_id', '=', owner.id)
      .executeTakeFirst();
    expect(entry).toBeDefined();
  });

  it('deletes an account from the privacy page only with the confirmation and the CSRF token', async () => {
    const person = await createUser(t.db);
    const session = await signInAs(app(), person);
    const form = (fields: Record<string, string>) =>
      app().request('/privacy/delete-account', {
        method: 'POST',
        headers: { Cookie: session.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
    expect((await form({ confirm: 'yes' })).status).toBe(403);
    expect((await form({ _csrf: session.csrf })).status).toBe(400);
    const done = await form({ _csrf: session.csrf, confirm: 'yes' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/privacy?deleted=1');
    expect(await t.db.selectFrom('users').select('id').where('id', '=', person.id).execute()).toEqual([]);
  });
});
