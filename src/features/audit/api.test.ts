import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { body, testApp } from '../../../test/support/app.js';
import { createUser, randomAddress, signInAs, type SignedIn } from '../../../test/support/auth.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { csvCell, recordAudit } from './service.js';

type Entry = {
  id: number;
  action: string;
  actorId: string | null;
  subjectId: string | null;
  resourceType: string;
  resourceId: string | null;
  before: unknown;
  after: unknown;
};

describe('csvCell', () => {
  it('neutralises spreadsheet formulas and leaves other text alone', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('\'=HYPERLINK("http://evil")');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('organisation.update')).toBe('organisation.update');
  });
});

forEachEngine('audit log', (t) => {
  const app = () => testApp(t.db);
  let admin: SignedIn;

  it('records sign-ins and failed sign-ins by user id, never by address', async () => {
    const person = await createUser(t.db);
    await signInAs(app(), person);
    const failed = await app().request('/api/v1/auth/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': randomAddress() },
      body: JSON.stringify({ email: person.email, password: 'wrong password here' }),
    });
    expect(failed.status).toBe(401);
    const rows = await t.db.selectFrom('audit_log').selectAll().where('subject_id', '=', person.id).orderBy('id').execute();
    expect(rows.map((r) => r.action)).toEqual(['auth.sign-in', 'auth.sign-in-failed']);
    expect(JSON.stringify(rows)).not.toContain(person.email);
  });

  it('is readable by admins only, filtered and paged newest first', async () => {
    admin = await signInAs(app(), await createUser(t.db, { platformRole: 'admin' }));
    const member = await signInAs(app(), await createUser(t.db));
    expect((await app().request('/api/v1/audit')).status).toBe(401);
    expect((await app().request('/api/v1/audit', { headers: member.headers })).status).toBe(403);

    await t.db.transaction().execute(async (tx) => {
      for (let i = 0; i < 5; i += 1) {
        await recordAudit(tx, {
          actor: { kind: 'system' },
          action: 'test.event',
          resourceType: 'thing',
          resourceId: `thing-${i}`,
          after: { i },
        });
      }
    });
    const first = await body<{ data: Entry[]; next: string }>(
      await app().request('/api/v1/audit?action=test.event&limit=3', { headers: admin.headers }),
    );
    expect(first.data.map((e) => e.resourceId)).toEqual(['thing-4', 'thing-3', 'thing-2']);
    const second = await body<{ data: Entry[]; next: string | null }>(
      await app().request(`/api/v1/audit?action=test.event&limit=3&cursor=${first.next}`, { headers: admin.headers }),
    );
    expect(second.data.map((e) => e.resourceId)).toEqual(['thing-1', 'thing-0']);
    expect(second.next).toBeNull();
    const byResource = await body<{ data: Entry[] }>(
      await app().request('/api/v1/audit?resourceType=thing&resourceId=thing-2', { headers: admin.headers }),
    );
    expect(byResource.data).toHaveLength(1);
    const future = await body<{ data: Entry[] }>(
      await app().request('/api/v1/audit?from=2099-01-01T00:00:00Z', { headers: admin.headers }),
    );
    expect(future.data).toEqual([]);
  });

  it('exports as CSV by ?format=csv or Accept: text/csv, with formulas neutralised', async () => {
    await recordAudit(t.db, {
      actor: { kind: 'system' },
      action: 'test.csv',
      resourceType: 'thing',
      resourceId: '=cmd|calc',
      after: { note: 'a, "quoted" value' },
    });
    for (const init of [
      { url: '/api/v1/audit?action=test.csv&format=csv', headers: admin.headers },
      { url: '/api/v1/audit?action=test.csv', headers: { ...admin.headers, Accept: 'text/csv' } },
    ]) {
      const res = await app().request(init.url, { headers: init.headers });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/csv');
      const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ action: 'test.csv', resourceId: "'=cmd|calc", after: '{"note":"a, \\"quoted\\" value"}' });
    }
  });

  it('writes the entry in the same transaction as the change: a rolled-back change leaves no entry', async () => {
    await t.db
      .transaction()
      .execute(async (tx) => {
        await recordAudit(tx, { actor: { kind: 'system' }, action: 'test.rollback', resourceType: 'thing' });
        throw new Error('the change failed');
      })
      .catch(() => undefined);
    expect(await t.db.selectFrom('audit_log').select('id').where('action', '=', 'test.rollback').execute()).toEqual([]);
  });

  it('never lets an entry be rewritten', async () => {
    await expect(t.db.updateTable('audit_log').set({ action: 'tampered' }).execute()).rejects.toThrow(/append-only/);
  });

  it('records the use of an API token', async () => {
    const owner = await createUser(t.db);
    const session = await signInAs(app(), owner);
    const org = await body<{ id: string }>(
      await app().request('/api/v1/organisations', {
        method: 'POST',
        headers: { ...session.headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Token Org', kind: 'academia' }),
      }),
    );
    const created = await body<{ id: string; token: string }>(
      await app().request('/api/v1/tokens', {
        method: 'POST',
        headers: { ...session.headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ organisationId: org.id, scope: 'read', name: 'audit test' }),
      }),
    );
    expect(
      (await app().request(`/api/v1/organisations/${org.id}/members`, { headers: { Authorization: `Bearer ${created.token}` } })).status,
    ).toBe(200);
    // A read token cannot write, whatever its creator may do.
    const write = await app().request(`/api/v1/organisations/${org.id}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${created.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ acronym: 'TO' }),
    });
    expect(write.status).toBe(403);
    // Both requests fall in one minute: one entry, quoting the first (at most one per token per minute).
    const uses = async () =>
      t.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'token.use')
        .where('resource_id', '=', created.id)
        .orderBy('id')
        .execute();
    expect(await uses()).toHaveLength(1);
    expect((await uses())[0]).toMatchObject({
      actor_id: owner.id,
      via: 'token',
      token_organisation_id: org.id,
      after: { method: 'GET', path: `/api/v1/organisations/${org.id}/members` },
    });
    // A minute later, the next request is recorded again.
    await t.db
      .updateTable('api_tokens')
      .set({ last_used_at: new Date(Date.now() - 61_000) })
      .where('id', '=', created.id)
      .execute();
    expect((await app().request('/api/v1/me', { headers: { Authorization: `Bearer ${created.token}` } })).status).toBe(200);
    expect((await uses()).map((u) => (u.after as { path: string }).path)).toEqual([
      `/api/v1/organisations/${org.id}/members`,
      '/api/v1/me',
    ]);
  });

  it('records a wrong second-factor code and an unconfirmed address as failed sign-ins, and the completed second step as the sign-in', async () => {
    const person = await createUser(t.db, { totp: true });
    const wrongCode = await app().request('/api/v1/auth/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': randomAddress() },
      body: JSON.stringify({ email: person.email, password: person.password, totp: '000000' }),
    });
    expect(wrongCode.status).toBe(401);
    await signInAs(app(), person);
    const unconfirmed = await createUser(t.db, { verified: false });
    const refused = await app().request('/api/v1/auth/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': randomAddress() },
      body: JSON.stringify({ email: unconfirmed.email, password: unconfirmed.password }),
    });
    expect(refused.status).toBe(403);
    const rows = await t.db
      .selectFrom('audit_log')
      .select(['action', 'subject_id', 'after'])
      .where('subject_id', 'in', [person.id, unconfirmed.id])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { action: 'auth.sign-in-failed', subject_id: person.id, after: { reason: 'second-factor' } },
      { action: 'auth.sign-in', subject_id: person.id, after: { method: 'totp' } },
      { action: 'auth.sign-in-failed', subject_id: unconfirmed.id, after: { reason: 'unverified' } },
    ]);
  });

  it('shows the admin page to admins and refuses others', async () => {
    const page = await app().request('/admin/audit?action=test.event', { headers: { Cookie: admin.cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('thing-4');
    expect((await app().request('/admin/audit')).status).toBe(303);
    const member = await signInAs(app(), await createUser(t.db));
    expect((await app().request('/admin/audit', { headers: { Cookie: member.cookie } })).status).toBe(403);
  });
});
