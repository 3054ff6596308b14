/**
 * A country's connectivity profile (every indicator: latest, trend, band, 2030 outlook, ranks)
 * against the cheapest round trip: GET /api/v1/countries/KEN/profile vs GET /healthz, 10
 * connections. Profiles are cached public reads, so this measures the cached path: one
 * data-version query, then the finished gzip body and its ETag sent as they were kept.
 */
import type { Benchmark } from './benchmark.js';
import { compareEndpoints } from './http.js';

const TARGET = '/api/v1/countries/KEN/profile';
const BASELINE = '/healthz';

export const profileVsHealth: Benchmark = {
  name: 'profile-vs-health',
  description: `GET ${TARGET} vs GET ${BASELINE} (select 1), 10 connections`,
  async run(ctx) {
    // A profile without values would be fast for the wrong reason.
    const response = await fetch(new URL(TARGET, ctx.origin));
    const body = (await response.json()) as { indicators?: { code: string; latest: unknown }[] };
    const internet = body.indicators?.find((i) => i.code === 'internet-use');
    if (response.status !== 200 || !internet?.latest) {
      throw new Error(`${TARGET} answered ${response.status} without an internet-use value; is the indicator data imported?`);
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
