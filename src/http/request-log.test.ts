import { Writable } from 'node:stream';
import { Hono } from 'hono';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from './app-env.js';
import { requestLog } from './request-log.js';

function capturedApp() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  const app = new Hono<AppEnv>();
  app.use(requestLog(pino(sink)));
  app.get('/invitations/:token', (c) => c.text('ok'));
  return { app, lines };
}

describe('request log', () => {
  it('logs the route pattern, never a secret in the path, nor the query', async () => {
    const { app, lines } = capturedApp();
    await app.request('/invitations/s3cr3t-token-value?email=ana@example.org');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ method: 'GET', route: '/invitations/:token', status: 200 });
    expect(JSON.stringify(lines)).not.toMatch(/s3cr3t|ana@example/);
  });

  it('logs the path of a request no route answered', async () => {
    const { app, lines } = capturedApp();
    await app.request('/no/such/page');
    expect(lines[0]).toMatchObject({ path: '/no/such/page', status: 404 });
  });
});
