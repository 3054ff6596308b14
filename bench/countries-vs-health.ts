/**
 * The country list API against the cheapest database round trip the server makes:
 * GET /api/v1/countries?limit=100 (a cached public read: the finished gzip body and ETag kept per
 * data version, one data-version query per request) vs GET /healthz (`select 1`), same server,
 * same middleware, 10 connections, both asked with Accept-Encoding: gzip.
 */
import type { Benchmark } from './benchmark.js';
import { compareEndpoints } from './http.js';

const TARGET = '/api/v1/countries?limit=100';
const BASELINE = '/healthz';

export const countriesVsHealth: Benchmark = {
  name: 'countries-vs-health',
  description: `GET ${TARGET} vs GET ${BASELINE} (select 1), 10 connections`,
  async run(ctx) {
    // A list that came back empty would be fast for the wrong reason.
    const response = await fetch(new URL(TARGET, ctx.origin));
    const body = (await response.json()) as { data?: unknown };
    if (response.status !== 200 || !Array.isArray(body.data) || body.data.length !== 100) {
      throw new Error(
        `${TARGET} answered ${response.status} with ${Array.isArray(body.data) ? body.data.length : 'no'} items; expected 100 countries`,
      );
    }
    return compareEndpoints({
      origin: ctx.origin,
      target: TARGET,
      baseline: BASELINE,
      connections: 10,
      duration: ctx.durationSeconds,
      // As browsers and HTTP libraries ask (default): the kept gzip body is what such a client receives.
      headers: ctx.encoding === 'gzip' ? { 'Accept-Encoding': 'gzip' } : {},
      log: ctx.log,
    });
  },
};
