import { createRoute, z } from '@hono/zod-openapi';
import { OpenAPIHono } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { createDb } from '../db/database.js';
import { body, silentLogger, testApp } from '../../test/support/app.js';
import { createRouter, type AppEnv } from './app-env.js';
import { errorHandler } from './error-handler.js';

// A database nobody listens on: the app must still answer, with 503s where the database is needed.
const unreachable = () => createDb('postgres://nobody:none@127.0.0.1:9/none', { max: 1 });

describe('API conventions', () => {
  it('answers /healthz with 503 when the database does not answer', async () => {
    const db = unreachable();
    const res = await testApp(db).request('/healthz');
    expect(res.status).toBe(503);
    expect(await body(res)).toEqual({ status: 'unavailable' });
    await db.destroy();
  });

  it('answers an unknown API route with a 404 problem and an unknown page with an HTML 404', async () => {
    const db = unreachable();
    const api = await testApp(db).request('/api/v1/nothing-here');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
    expect(await body(api)).toMatchObject({ code: 'not-found', status: 404, detail: 'Nothing at GET /api/v1/nothing-here' });
    const page = await testApp(db).request('/no/such/page');
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('<h1>Page not found</h1>');
    await db.destroy();
  });

  it('answers API reads with a 503 unavailable problem while the database is down', async () => {
    const db = unreachable();
    const res = await testApp(db).request('/api/v1/countries');
    expect(res.status).toBe(503);
    const problem = await body<{ code: string; detail: string; requestId: string }>(res);
    expect(problem.code).toBe('unavailable');
    expect(problem.requestId).toMatch(/[0-9a-f-]{36}/);
    expect(JSON.stringify(problem)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    await db.destroy();
  });

  describe('JSON bodies on any route built with createRouter', () => {
    const route = createRoute({
      method: 'post',
      path: '/echo',
      request: { body: { required: true, content: { 'application/json': { schema: z.object({ name: z.string().min(1) }) } } } },
      responses: { 200: { description: 'echo', content: { 'application/json': { schema: z.object({ name: z.string() }) } } } },
    });
    const app = new OpenAPIHono<AppEnv>();
    app.onError(errorHandler(silentLogger));
    app.route(
      '/api/v1',
      createRouter().openapi(route, (c) => c.json(c.req.valid('json'), 200)),
    );
    app.get('/api/v1/bug', () => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    });
    const post = (payload: string) =>
      app.request('/api/v1/echo', { method: 'POST', body: payload, headers: { 'Content-Type': 'application/json' } });

    it('answers malformed JSON with a 400 malformed-request problem', async () => {
      const res = await post('{"name": ');
      expect(res.status).toBe(400);
      expect(await body(res)).toMatchObject({ code: 'malformed-request', detail: 'The request body is not valid JSON' });
    });

    it('answers an invalid body with the failing field', async () => {
      const res = await post('{"name": ""}');
      expect(res.status).toBe(400);
      expect(await body(res)).toMatchObject({ code: 'validation-failed', fields: [{ field: 'body.name' }] });
    });

    it('turns an unexpected failure into a plain 500 problem with a request id and no stack trace', async () => {
      const res = await app.request('/api/v1/bug');
      expect(res.status).toBe(500);
      const problem = await body<{ code: string; detail: string; requestId?: string }>(res);
      expect(problem.code).toBe('internal');
      expect(JSON.stringify(problem)).not.toMatch(/Cannot read|TypeError|at .*\.ts:\d+/);
    });

    it('accepts a valid body', async () => {
      const res = await post('{"name": "Kenya"}');
      expect(await body(res)).toEqual({ name: 'Kenya' });
    });
  });
});
