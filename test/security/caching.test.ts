/**
 * Issue 13, finding 7, and issue 7's "each router sets its own caching": every
 * response that depends on who asks is `no-store` by default; public reads
 * (reference data, indicators, static assets) are cacheable because their
 * routers say so.
 */
import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { stylesheet } from '../../src/web/assets.js';
import { testApp } from '../support/app.js';
import { createUser, randomAddress, signInAs } from '../support/auth.js';
import { forEachEngine } from '../support/engines.js';

forEachEngine('caching', (t) => {
  const app = () => testApp(t.db);

  it('answers every personal page and API read of an organisation owner with no-store', async () => {
    const org = await t.db
      .insertInto('organisations')
      .values({ name: `Cache ${randomBytes(4).toString('hex')}`, kind: 'academia' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const owner = await createUser(t.db, { memberships: [{ organisationId: org.id, role: 'owner' }] });
    const session = await signInAs(app(), owner);
    await app().request(`/api/v1/organisations/${org.id}/invitations`, {
      method: 'POST',
      headers: { ...session.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'invitee@example.org', role: 'member' }),
    });
    for (const path of [
      `/organisations/${org.id}`,
      `/organisations/${org.id}/edit`,
      '/my/organisations',
      '/account',
      `/api/v1/organisations/${org.id}/invitations`,
      `/api/v1/organisations/${org.id}/members`,
      `/api/v1/organisations/${org.id}`,
      '/api/v1/organisations',
      '/api/v1/me/organisations',
      '/api/v1/me',
      '/',
      '/countries/KEN',
    ]) {
      const response = await app().request(path, { headers: { ...session.headers, 'X-Forwarded-For': randomAddress() } });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('lets shared caches keep public reads, and keeps that on a 304 revalidation', async () => {
    for (const path of [
      '/api/v1/countries',
      '/api/v1/countries/KEN',
      '/api/v1/groups/LDC',
      '/api/v1/taxonomies/digcomp',
      '/api/v1/indicators',
      '/api/v1/countries/KEN/profile',
    ]) {
      const response = await app().request(path, { headers: { 'X-Forwarded-For': randomAddress() } });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toMatch(/^public, max-age=300/);
      const etag = response.headers.get('etag');
      expect(etag, path).toBeTruthy();
      const again = await app().request(path, { headers: { 'X-Forwarded-For': randomAddress(), 'If-None-Match': etag! } });
      expect(again.status, path).toBe(304);
      expect(again.headers.get('cache-control'), path).toMatch(/^public, max-age=300/);
    }
  });

  it('answers errors on public routes with no-store', async () => {
    const response = await app().request('/api/v1/countries/XYZ', { headers: { 'X-Forwarded-For': randomAddress() } });
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps static assets immutable, also when revalidated', async () => {
    const response = await app().request(stylesheet.path);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const again = await app().request(stylesheet.path, { headers: { 'If-None-Match': response.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});
