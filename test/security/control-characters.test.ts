/**
 * Issue 13, finding 3: a NUL byte (or another control character) anywhere a
 * request carries text used to reach PostgreSQL and come back as a 500. Each
 * place the probe found is now refused at validation with a 400 that names
 * the field, and nothing is written.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { AppEnv } from '../../src/http/app-env.js';
import { errorHandler, UNSTORABLE_TEXT } from '../../src/http/error-handler.js';
import { silentLogger } from '../support/app.js';
import { body, testApp } from '../support/app.js';
import { createUser, randomAddress, signInAs } from '../support/auth.js';
import { forEachEngine } from '../support/engines.js';
import { Browser } from '../support/forms.js';

interface Problem {
  code: string;
  fields?: { field: string }[];
}

forEachEngine('control characters in requests', (t) => {
  const app = () => testApp(t.db);
  const get = (path: string) => app().request(path, { headers: { 'X-Forwarded-For': randomAddress() } });

  it('refuses NUL in a country page path with a 400 naming path.code', async () => {
    const response = await get('/countries/%00');
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('path.code');
  });

  it('refuses NUL in the taxonomy parent filter with a 400 problem naming query.parent', async () => {
    const response = await get('/api/v1/taxonomies/digcomp?parent=%00');
    expect(response.status).toBe(400);
    const problem = await body<Problem>(response);
    expect(problem.code).toBe('validation-failed');
    expect(problem.fields?.map((f) => f.field)).toEqual(['query.parent']);
  });

  it('refuses NUL in cursors and audit filters', async () => {
    expect((await get('/api/v1/countries?cursor=%00')).status).toBe(400);
    const admin = await createUser(t.db, { platformRole: 'admin' });
    const session = await signInAs(app(), admin);
    const response = await app().request('/api/v1/audit?resourceId=a%00b', { headers: session.headers });
    expect(response.status).toBe(400);
    expect((await body<Problem>(response)).fields?.map((f) => f.field)).toEqual(['query.resourceId']);
    const page = await app().request('/admin/audit?cursor=%00', { headers: { Cookie: session.cookie } });
    expect(page.status).toBe(200);
  });

  it('refuses a display name with NUL on the sign-up page and creates no account', async () => {
    const browser = new Browser(app());
    const email = `nul-${Date.now()}@example.org`;
    const { response, html } = await browser.submit('/sign-up', {
      displayName: 'A\u0000B',
      email,
      password: 'a long and unusual passphrase 42',
    });
    expect(response.status).toBe(400);
    expect(html).toContain('displayName');
    expect(await t.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()).toBeUndefined();
  });

  it('refuses NUL in the e-mail address of the sign-in and sign-up pages', async () => {
    const browser = new Browser(app());
    expect((await browser.submit('/sign-in', { email: 'a\u0000@example.org', password: 'x' })).response.status).toBe(400);
    expect(
      (await browser.submit('/sign-up', { displayName: 'Ana', email: 'b\u0000@example.org', password: 'a long and unusual passphrase 42' }))
        .response.status,
    ).toBe(400);
  });

  it('refuses NUL in an organisation name, description and website through the API, changing nothing', async () => {
    const owner = await createUser(t.db);
    const session = await signInAs(app(), owner);
    const before = await t.db
      .selectFrom('organisations')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    for (const [field, value] of [
      ['name', 'Ministry\u0000of ICT'],
      ['description', 'Line one\u0000'],
      ['website', 'https://example.org/\u0000'],
    ] as const) {
      const response = await app().request('/api/v1/organisations', {
        method: 'POST',
        headers: { ...session.headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Ministry of ICT', kind: 'member-state', [field]: value }),
      });
      expect(response.status, field).toBe(400);
      expect((await body<Problem>(response)).fields?.map((f) => f.field)).toEqual([`body.${field}`]);
    }
    const after = await t.db
      .selectFrom('organisations')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('keeps line breaks in a description, which is multi-line text', async () => {
    const owner = await createUser(t.db);
    const session = await signInAs(app(), owner);
    const response = await app().request('/api/v1/organisations', {
      method: 'POST',
      headers: { ...session.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: `Lines ${Date.now()}`, kind: 'academia', description: 'One\nTwo' }),
    });
    expect(response.status).toBe(201);
    expect(await body(response)).toMatchObject({ description: 'One\nTwo' });
  });

  it('refuses NUL in an organisation name on the page form', async () => {
    const owner = await createUser(t.db);
    const browser = new Browser(app());
    await browser.submit('/sign-in', { email: owner.email, password: owner.password });
    const { response, html } = await browser.submit('/organisations/new', { name: 'Bad\u0000Name', kind: 'academia' }, '/organisations');
    expect(response.status).toBe(400);
    expect(html).toContain('name');
  });

  it('refuses NUL in a token name (API and page) and in a profile display name', async () => {
    const orgId = (
      await t.db
        .insertInto('organisations')
        .values({ name: `Tokens ${Date.now()}`, kind: 'academia' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const person = await createUser(t.db, { memberships: [{ organisationId: orgId, role: 'member' }] });
    const session = await signInAs(app(), person);
    const api = await app().request('/api/v1/tokens', {
      method: 'POST',
      headers: { ...session.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ organisationId: orgId, scope: 'read', name: 'night\u0000ly' }),
    });
    expect(api.status).toBe(400);
    expect((await body<Problem>(api)).fields?.map((f) => f.field)).toEqual(['body.name']);

    const browser = new Browser(app());
    await browser.submit('/sign-in', { email: person.email, password: person.password });
    const token = await browser.submit('/account', { name: 'night\u0000ly', scope: 'read', organisationId: orgId }, '/account/tokens');
    expect(token.response.status).toBe(400);
    const profile = await browser.submit('/account', { displayName: 'A\u0000B' }, '/account/profile');
    expect(profile.response.status).toBe(400);
    const row = await t.db.selectFrom('users').select('display_name').where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(row.display_name).toBe(person.displayName);
    expect(await t.db.selectFrom('api_tokens').select('id').where('user_id', '=', person.id).execute()).toEqual([]);
  });

  it('answers a NUL that slipped past validation into a query with a 400, not a 500', async () => {
    const bare = new OpenAPIHono<AppEnv>();
    bare.onError(errorHandler(silentLogger));
    bare.get('/api/v1/unvalidated', async (c) =>
      c.json((await sql<{ v: string }>`select ${c.req.query('q') ?? ''}::text as v`.execute(t.db)).rows),
    );
    const response = await bare.request('/api/v1/unvalidated?q=a%00b');
    expect(response.status).toBe(400);
    expect(await body(response)).toMatchObject({ code: 'malformed-request', detail: UNSTORABLE_TEXT });
  });
});
