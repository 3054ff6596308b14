/**
 * Issue 13, finding 1: request bodies are limited before anything reads them.
 * A 50 MB body sent to a real server, with and without Content-Length, is
 * refused with a 413 while the server reads no more than a bounded number of
 * bytes from the connection (counted on the server's own sockets, not timed).
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body, testApp } from '../support/app.js';
import { randomAddress } from '../support/auth.js';
import { forEachEngine } from '../support/engines.js';
import { startTestServer, type TestServer } from '../support/server.js';

const MB = 1024 * 1024;
/** What the server may read of a refused body: the limit (64 KB) plus socket buffers, far below the body. */
const BOUNDED = 2 * MB;

interface Outcome {
  readonly status: number;
  readonly contentType: string;
  readonly connection: string | undefined;
  /** Bytes the client managed to hand to its socket before the server answered or closed. */
  readonly sent: number;
}

/**
 * Streams `total` bytes of `chunk` to the server, respecting back-pressure, and stops when the
 * response arrives or the connection closes.
 */
function streamBody(origin: string, path: string, headers: Record<string, string>, total: number): Promise<Outcome> {
  const url = new URL(path, origin);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered: Omit<Outcome, 'sent'> | undefined;
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'X-Forwarded-For': randomAddress(), ...headers },
      },
      (response) => {
        answered = {
          status: response.statusCode ?? 0,
          contentType: response.headers['content-type'] ?? '',
          connection: response.headers.connection,
        };
        response.resume();
        response.on('end', () => {
          request.destroy();
          resolve({ ...answered!, sent });
        });
      },
    );
    request.on('error', (error) => {
      // The server closing the connection mid-upload is expected once it has answered.
      if (answered) resolve({ ...answered, sent });
      else reject(error);
    });
    const piece = Buffer.alloc(64 * 1024, 'a');
    const stopped = () => answered !== undefined || request.destroyed;
    const pump = () => {
      while (sent < total && !stopped()) {
        sent += piece.length;
        if (!request.write(piece)) return void request.once('drain', pump);
      }
      if (sent >= total && !request.destroyed) request.end();
    };
    pump();
  });
}

forEachEngine('request body limits', (t) => {
  const app = () => testApp(t.db);

  describe('in process', () => {
    it('refuses a JSON body over the limit on the API sign-in with a 413 problem', async () => {
      const huge = JSON.stringify({ email: 'a@example.org', password: 'x'.repeat(200 * 1024) });
      const response = await app().request('/api/v1/auth/sign-in', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': randomAddress() },
        body: huge,
      });
      expect(response.status).toBe(413);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.headers.get('connection')).toBe('close');
      expect(await body(response)).toMatchObject({ code: 'payload-too-large', status: 413 });
    });

    it('refuses a form body over the limit on the sign-up page with the 413 error page', async () => {
      const form = new URLSearchParams({ displayName: 'x'.repeat(100 * 1024), email: 'a@example.org', password: 'p' });
      const response = await app().request('/sign-up', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': randomAddress() },
        body: form.toString(),
      });
      expect(response.status).toBe(413);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(await response.text()).toContain('larger than this address accepts');
    });

    it('still reads a body within the limit', async () => {
      const response = await app().request('/api/v1/auth/sign-in', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': randomAddress() },
        body: JSON.stringify({ email: 'nobody@example.org', password: 'x'.repeat(100) }),
      });
      expect(response.status).toBe(401);
    });
  });

  describe('on a real server, a 50 MB body', () => {
    let server: TestServer;
    const sockets: Socket[] = [];
    beforeAll(async () => {
      server = await startTestServer();
      server.server.on('connection', (socket) => sockets.push(socket));
    });
    afterAll(() => server.close());

    /** Bytes the server read from the connections opened since `from`. */
    const readSince = (from: number) => sockets.slice(from).reduce((sum, s) => sum + s.bytesRead, 0);

    const cases: [string, string, Record<string, string>][] = [
      ['chunked JSON to the API sign-in', '/api/v1/auth/sign-in', { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }],
      [
        'JSON with Content-Length to the API sign-in',
        '/api/v1/auth/sign-in',
        { 'Content-Type': 'application/json', 'Content-Length': String(50 * MB) },
      ],
      [
        'a chunked form to the sign-in page',
        '/sign-in',
        { 'Content-Type': 'application/x-www-form-urlencoded', 'Transfer-Encoding': 'chunked' },
      ],
      [
        'multipart with Content-Length to the sign-up page',
        '/sign-up',
        { 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(50 * MB) },
      ],
    ];
    for (const [what, path, headers] of cases) {
      it(`is refused with a 413 after reading a bounded part: ${what}`, async () => {
        const from = sockets.length;
        const outcome = await streamBody(server.origin, path, headers, 50 * MB);
        expect(outcome.status).toBe(413);
        expect(outcome.connection).toBe('close');
        expect(outcome.contentType).toContain(path.startsWith('/api/') ? 'application/problem+json' : 'text/html');
        // Wait for the server side of the connection to close, then count what it read.
        await expect.poll(() => sockets.slice(from).every((s) => s.destroyed), { timeout: 5000 }).toBe(true);
        const read = readSince(from);
        process.stdout.write(`[body limit] ${what}: client sent ${outcome.sent} bytes, server read ${read}\n`);
        expect(read).toBeGreaterThan(0);
        expect(read).toBeLessThan(BOUNDED);
      });
    }
  });
});
