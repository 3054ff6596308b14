import pino from 'pino';
import { expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { loadConfig } from '../../config/config.js';
import { body, testApp } from '../../../test/support/app.js';
import { createUser, randomAddress, signInAs } from '../../../test/support/auth.js';
import { forEachEngine } from '../../../test/support/engines.js';

forEachEngine('API tokens', (t) => {
  const app = () => testApp(t.db);

  async function member(role: 'owner' | 'editor' | 'member' = 'editor') {
    const org = await t.db
      .insertInto('organisations')
      .values({ name: `Token org ${Math.random()}`, kind: 'un-entity' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const user = await createUser(t.db, { memberships: [{ organisationId: org.id, role }] });
    return { org, user, session: await signInAs(app(), user) };
  }

  const create = (headers: Record<string, string>, payload: unknown) =>
    app().request('/api/v1/tokens', {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(payload),
    });

  it('creates a token once, stores only its hash, and authenticates Bearer requests for its organisation', async () => {
    const { org, user, session } = await member();
    const created = await create(session.headers, { organisationId: org.id, scope: 'read', name: 'Nightly export' });
    expect(created.status).toBe(201);
    const json = await body<{ id: string; token: string; hint: string; scope: string }>(created);
    expect(json.token).toMatch(/^dcp_[A-Za-z0-9_-]{43}$/);
    expect(json.token.startsWith(json.hint.replace('…', ''))).toBe(true);
    const row = await t.db.selectFrom('api_tokens').selectAll().where('id', '=', json.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(json.token.slice(4));
    expect(row.last_used_at).toBeNull();

    const me = await app().request('/api/v1/me', { headers: { Authorization: `Bearer ${json.token}` } });
    expect(me.status).toBe(200);
    expect(await body(me)).toMatchObject({ id: user.id, authenticatedVia: 'token', platformRole: null });
    const used = await t.db.selectFrom('api_tokens').select('last_used_at').where('id', '=', json.id).executeTakeFirstOrThrow();
    expect(used.last_used_at).not.toBeNull();
  });

  it('lists tokens without the secret and revokes them', async () => {
    const { org, session } = await member();
    const { id, token } = await body<{ id: string; token: string }>(
      await create(session.headers, { organisationId: org.id, scope: 'write', name: 'CI' }),
    );
    const list = await body<{ data: Record<string, unknown>[] }>(await app().request('/api/v1/tokens', { headers: session.headers }));
    expect(list.data).toEqual([expect.objectContaining({ id, name: 'CI', scope: 'write', organisationId: org.id })]);
    expect(JSON.stringify(list)).not.toContain(token);
    const revoked = await app().request(`/api/v1/tokens/${id}`, { method: 'DELETE', headers: session.headers });
    expect(revoked.status).toBe(204);
    const after = await app().request('/api/v1/me', { headers: { Authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toMatch(/Bearer/);
    expect((await body<{ data: unknown[] }>(await app().request('/api/v1/tokens', { headers: session.headers }))).data).toEqual([]);
  });

  it('refuses a token for an organisation the person does not belong to', async () => {
    const { session } = await member();
    const other = await t.db
      .insertInto('organisations')
      .values({ name: `Other ${Math.random()}`, kind: 'academia' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const response = await create(session.headers, { organisationId: other.id, scope: 'read', name: 'x' });
    expect(response.status).toBe(403);
  });

  it('does not let a token mint or list tokens', async () => {
    const { org, session } = await member();
    const { token } = await body<{ token: string }>(await create(session.headers, { organisationId: org.id, scope: 'write', name: 'x' }));
    const bearer = { Authorization: `Bearer ${token}` };
    expect((await create(bearer, { organisationId: org.id, scope: 'write', name: 'y' })).status).toBe(403);
    expect((await app().request('/api/v1/tokens', { headers: bearer })).status).toBe(403);
  });

  it('refuses a malformed or unknown Bearer token with 401 instead of treating it as anonymous', async () => {
    expect((await app().request('/api/v1/countries/KEN', { headers: { Authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await app().request('/api/v1/countries/KEN', { headers: { Authorization: 'Basic abc' } })).status).toBe(401);
  });

  it('needs a signed-in session to list tokens', async () => {
    expect((await app().request('/api/v1/tokens')).status).toBe(401);
  });

  it('limits anonymous API reads per address, and not signed-in ones', async () => {
    const limited = createApp({
      db: t.db,
      config: loadConfig({ NODE_ENV: 'test', DCP_TRUST_PROXY: 'true', DCP_API_RATE_LIMIT: '3' }),
      logger: pino({ level: 'silent' }),
    });
    const address = randomAddress();
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await limited.request('/api/v1/groups', { headers: { 'X-Forwarded-For': address } });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address is counted apart, and a signed-in person is not limited.
    expect((await limited.request('/api/v1/groups', { headers: { 'X-Forwarded-For': randomAddress() } })).status).toBe(200);
    const { user } = await member();
    const session = await signInAs(limited, user);
    for (let i = 0; i < 4; i++)
      expect((await limited.request('/api/v1/groups', { headers: { ...session.headers, 'X-Forwarded-For': address } })).status).toBe(200);
  });
});
