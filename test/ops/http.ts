/**
 * One HTTP request on a connection of its own (no keep-alive pool), timed: what
 * the fault tests need to tell an answered request from a refused or reset
 * connection, and to measure how long each took.
 */
import http from 'node:http';

export interface Outcome {
  readonly url: string;
  /** The status, or the connection error's code (ECONNREFUSED, ECONNRESET, TIMEOUT). */
  readonly status: number | string;
  readonly started: number;
  readonly ended: number;
  readonly body: string;
  readonly headers: http.IncomingHttpHeaders;
}

/** @example const { status } = await request('http://127.0.0.1:3000/healthz') */
export function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const done = (status: number | string, body = '', headers: http.IncomingHttpHeaders = {}) =>
      resolve({ url, status, started, ended: performance.now(), body, headers });
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done(res.statusCode ?? 0, body, res.headers));
      res.on('error', (error: NodeJS.ErrnoException) => done(error.code ?? 'ERROR'));
    });
    req.setTimeout(options.timeoutMs ?? 10_000, () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (error: NodeJS.ErrnoException) => done(error.code ?? 'ERROR'));
    req.end(options.body);
  });
}

/** Prints one line of figures for the closing note (vitest shows a test's console output). */
export function report(scenario: string, figures: Record<string, number | string>): void {
  console.log(
    `[faults] ${scenario}: ${Object.entries(figures)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
}
