import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { body, testApp } from '../../../test/support/app.js';
import { createUser, randomAddress, signInAs } from '../../../test/support/auth.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { currentTotp } from '../accounts/index.js';

forEachEngine('personal data', (t) => {
  const app = () => testApp(t.db);
  const deleteMe = (headers: Record<string, string>, payload?: unknown) =>
    app().request('/api/v1/me', {
      method: 'DELETE',
      headers: { ...headers, 'X-Forwarded-For': randomAddress(), ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
    });
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
      (
        [
          [firstSession, first],
          [secondSession, second],
        ] as const
      ).map(async ([session, person]) => (await deleteMe(session.headers, { password: person.password })).status),
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

    const refused = await deleteMe(session.headers, { password: owner.password });
    expect(refused.status).toBe(409);
    await app().request(`/api/v1/organisations/${org.id}/members/${heir.id}`, {
      method: 'PATCH',
      headers: { ...session.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ role: 'owner' }),
    });

    const deleted = await deleteMe(session.headers, { password: owner.password });
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
    expect((await form({ confirm: 'yes', password: person.password })).status).toBe(403);
    expect((await form({ _csrf: session.csrf, password: person.password })).status).toBe(400);
    const noPassword = await form({ _csrf: session.csrf, confirm: 'yes' });
    expect(noPassword.status).toBe(400);
    expect(await noPassword.text()).toContain('href="#password"');
    expect((await form({ _csrf: session.csrf, confirm: 'yes', password: 'not my password' })).status).toBe(400);
    expect(await t.db.selectFrom('users').select('id').where('id', '=', person.id).execute()).toHaveLength(1);
    const done = await form({ _csrf: session.csrf, confirm: 'yes', password: person.password });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/privacy?deleted=1');
    expect(await t.db.selectFrom('users').select('id').where('id', '=', person.id).execute()).toEqual([]);
  });
  it('deletes an account through the API only with the current password in the body, and never on a wrong one', async () => {
    const person = await createUser(t.db);
    const session = await signInAs(app(), person);
    const none = await deleteMe(session.headers);
    expect(none.status).toBe(400);
    const missing = await deleteMe(session.headers, {});
    expect(missing.status).toBe(400);
    expect(await body<{ fields: { field: string }[] }>(missing)).toMatchObject({ fields: [{ field: 'body.password' }] });
    expect((await deleteMe(session.headers, { password: 'not my password' })).status).toBe(400);
    expect(await t.db.selectFrom('users').select('id').where('id', '=', person.id).execute()).toHaveLength(1);
    expect((await deleteMe(session.headers, { password: person.password })).status).toBe(204);
    expect(await t.db.selectFrom('users').select('id').where('id', '=', person.id).execute()).toEqual([]);
  });

  it('counts wrong passwords against the account like sign-in: 429 before the tenth, even from many addresses', async () => {
    const person = await createUser(t.db);
    const session = await signInAs(app(), person);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await deleteMe(session.headers, { password: `guess ${i}` })).status);
    expect(statuses.slice(0, 4)).toEqual([400, 400, 400, 400]);
    expect(statuses).toContain(429);
    const right = await deleteMe(session.headers, { password: person.password });
    expect(right.status).toBe(429);
    expect(right.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await t.db.selectFrom('users').select('id').where('id', '=', person.id).execute()).toHaveLength(1);
  });

  it('asks an account without a password for its two-factor code, or else for a sign-in of the last minutes', async () => {
    const withCode = await createUser(t.db, { totp: true });
    const codeSession = await signInAs(app(), withCode);
    await t.db.updateTable('users').set({ password_hash: null }).where('id', '=', withCode.id).execute();
    const noCode = await deleteMe(codeSession.headers, { password: withCode.password });
    expect(noCode.status).toBe(400);
    expect(await body<{ fields: { field: string }[] }>(noCode)).toMatchObject({ fields: [{ field: 'body.totp' }] });
    expect((await deleteMe(codeSession.headers, { totp: '000000' })).status).toBe(400);
    // Sign-in spent this step's code; the next step's (one step of drift is allowed) proves it is them.
    expect((await deleteMe(codeSession.headers, { totp: currentTotp(withCode.totpSecret!, Date.now() + 30_000) })).status).toBe(204);

    const ssoOnly = await createUser(t.db);
    const ssoSession = await signInAs(app(), ssoOnly);
    await t.db.updateTable('users').set({ password_hash: null }).where('id', '=', ssoOnly.id).execute();
    await t.db
      .updateTable('sessions')
      .set({ created_at: sql<Date>`now() - interval '20 minutes'` })
      .where('user_id', '=', ssoOnly.id)
      .execute();
    expect((await deleteMe(ssoSession.headers, {})).status).toBe(403);
    await t.db
      .updateTable('sessions')
      .set({ created_at: sql<Date>`now()` })
      .where('user_id', '=', ssoOnly.id)
      .execute();
    expect((await deleteMe(ssoSession.headers, {})).status).toBe(204);
  });

  it('shows the deletion form’s problems in the reader’s language, linked to the fields', async () => {
    const person = await createUser(t.db);
    const session = await signInAs(app(), person);
    const res = await app().request('/privacy/delete-account?lang=ru', {
      method: 'POST',
      headers: { Cookie: session.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: session.csrf }).toString(),
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/<title>Ошибка: /);
    expect(html).toContain('href="#confirm"');
    expect(html).toContain('Отметьте поле, чтобы подтвердить удаление учётной записи');
    expect(html).not.toContain('Invalid input');
  });
});
