import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { describe, expect, it } from 'vitest';
import { versionedResponses } from './versioned-responses.js';

function app(options: { version?: () => string } = {}) {
  let version = '1.1';
  let calls = 0;
  const hono = new Hono();
  hono.use(compress());
  hono.use(
    '/api/*',
    versionedResponses({ version: async () => options.version?.() ?? version, routes: ['/api/items', '/api/items/{id}', '/api/me'] }),
  );
  const big = { items: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `item ${i}` })) };
  hono.get('/api/items', (c) => {
    calls += 1;
    return c.json({ ...big, calls });
  });
  hono.get('/api/items/:id', (c) => {
    calls += 1;
    return c.req.param('id') === 'missing' ? c.json({ error: 'not found' }, 404) : c.json({ id: c.req.param('id'), calls });
  });
  hono.get('/api/me', (c) => {
    calls += 1;
    c.header('Cache-Control', 'private, no-store');
    return c.json({ calls });
  });
  hono.get('/api/other', (c) => {
    calls += 1;
    return c.json({ calls });
  });
  return { hono, calls: () => calls, bump: () => (version = '2.2') };
}

describe('versionedResponses', () => {
  it('builds a read once per data version and answers repeats from memory, with the same ETag', async () => {
    const { hono, calls } = app();
    const first = await hono.request('/api/items?b=2&a=1');
    const second = await hono.request('/api/items?a=1&b=2');
    expect(calls()).toBe(1);
    expect(await second.text()).toBe(await first.text());
    expect(second.headers.get('etag')).toMatch(/^W\/"[\w-]+"$/);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(second.headers.get('content-type')).toContain('application/json');
  });

  it('answers If-None-Match with 304 before any work, and sends the kept gzip body to who accepts it', async () => {
    const { hono, calls } = app();
    const first = await hono.request('/api/items');
    const etag = first.headers.get('etag')!;
    const notModified = await hono.request('/api/items', { headers: { 'If-None-Match': etag } });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');
    const gzipped = await hono.request('/api/items', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gzipped.headers.get('vary')).toContain('Accept-Encoding');
    expect(gunzipSync(Buffer.from(await gzipped.arrayBuffer())).toString()).toBe(await first.text());
    expect(calls()).toBe(1);
  });

  it('starts afresh when the data version changes (an import on any instance)', async () => {
    const { hono, calls, bump } = app();
    const before = await hono.request('/api/items');
    bump();
    const after = await hono.request('/api/items');
    expect(calls()).toBe(2);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect((await hono.request('/api/items', { headers: { 'If-None-Match': before.headers.get('etag')! } })).status).toBe(200);
  });

  it('keeps only 200 answers of the listed routes that are not private, and keys on Accept', async () => {
    const { hono, calls } = app();
    await hono.request('/api/items/missing');
    await hono.request('/api/items/missing');
    expect(calls()).toBe(2);
    await hono.request('/api/me');
    await hono.request('/api/me');
    expect(calls()).toBe(4);
    await hono.request('/api/other');
    await hono.request('/api/other');
    expect(calls()).toBe(6);
    await hono.request('/api/items/7', { headers: { Accept: 'text/csv' } });
    await hono.request('/api/items/7', { headers: { Accept: 'application/json' } });
    await hono.request('/api/items/7', { headers: { Accept: 'text/csv' } });
    expect(calls()).toBe(8);
  });

  it('answers a request that read an older version uncached, without emptying the newer cache', async () => {
    let version = '5.5';
    const { hono, calls } = app({ version: () => version });
    await hono.request('/api/items');
    version = '4.4';
    await hono.request('/api/items');
    version = '5.5';
    await hono.request('/api/items');
    expect(calls()).toBe(2);
  });
});
