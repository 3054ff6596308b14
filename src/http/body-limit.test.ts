import { createRoute, z } from '@hono/zod-openapi';
import { OpenAPIHono } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../test/support/app.js';
import { createRouter, type AppEnv } from './app-env.js';
import { allowBody, limitBodies } from './body-limit.js';
import { errorHandler } from './error-handler.js';

const upload = createRoute({
  method: 'post',
  path: '/uploads',
  middleware: [allowBody(8 * 1024)] as const,
  request: { body: { required: true, content: { 'application/json': { schema: z.object({ text: z.string() }) } } } },
  responses: { 200: { description: 'size', content: { 'application/json': { schema: z.object({ length: z.number() }) } } } },
});

function app() {
  const a = new OpenAPIHono<AppEnv>();
  a.onError(errorHandler(silentLogger));
  a.use(limitBodies(1024));
  a.route(
    '/api/v1',
    createRouter()
      .openapi(upload, (c) => c.json({ length: c.req.valid('json').text.length }, 200))
      .post('/small', async (c) => c.json({ length: (await c.req.text()).length })),
  );
  a.post('/api/v1/other', async (c) => c.json({ length: (await c.req.text()).length }));
  return a;
}

const post = (path: string, text: string, headers: Record<string, string> = {}) =>
  app().request(path, { method: 'POST', body: JSON.stringify({ text }), headers: { 'Content-Type': 'application/json', ...headers } });

describe('body limits per route', () => {
  it('reads a body under the default limit', async () => {
    const response = await post('/api/v1/small', 'x'.repeat(500));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ length: 511 });
  });

  it('refuses a body over the default limit with a 413 problem that closes the connection', async () => {
    const response = await post('/api/v1/small', 'x'.repeat(2000));
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
    expect(await response.json()).toMatchObject({ code: 'payload-too-large', detail: expect.stringContaining('1 KB') });
  });

  it('lets a route that declares allowBody take more, up to its own limit', async () => {
    expect((await post('/api/v1/uploads', 'x'.repeat(6000))).status).toBe(200);
    const over = await post('/api/v1/uploads', 'x'.repeat(9000));
    expect(over.status).toBe(413);
    expect(await over.json()).toMatchObject({ detail: expect.stringContaining('8 KB') });
  });

  it('does not lend one route’s allowance to its neighbours', async () => {
    expect((await post('/api/v1/other', 'x'.repeat(6000))).status).toBe(413);
  });

  it('refuses a declared Content-Length over the limit before reading', async () => {
    const response = await app().request('/api/v1/small', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '999999999' },
      body: '{}',
    });
    expect(response.status).toBe(413);
  });
});
