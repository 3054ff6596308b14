/**
 * Password reset, asked for an address that has an account (target) against one
 * that has none (baseline): does the answer's latency tell them apart? (Issue 13,
 * item 2: before the reset went through the job queue it took 16 ms against 9.6 ms,
 * and a mail round trip with SMTP.) A ratio near 1× is the goal.
 *
 * Each request is the whole `POST /reset-password` through the app in this process
 * (`app.request()`: middleware, CSRF, the per-IP limit, the form, the page), one at a
 * time, each from a new client address (X-Forwarded-For) so the per-IP limit never
 * answers instead. The job workers run in this process as `npm start` runs them, so the
 * background work a real account causes (token, mail) competes as it would.
 */
import pino from 'pino';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import { JOBS } from '../src/jobs.js';
import { startJobRunner } from '../src/platform/jobs/index.js';
import type { Benchmark } from './benchmark.js';
import { percentile, type Comparison, type EndpointResult } from './http.js';

const WARMUP_SECONDS = 2;
const ROUNDS = 2;
const ACCOUNTS = 500;

type Round = EndpointResult['rounds'][number];

export const resetKnownVsUnknown: Benchmark = {
  name: 'reset-known-vs-unknown',
  description: 'POST /reset-password for an address with an account vs one without (in-process, one at a time, workers running)',
  async run(ctx) {
    const config = loadConfig({ DCP_TRUST_PROXY: 'true', DCP_API_RATE_LIMIT: String(1e9) });
    const logger = pino({ level: 'info', base: undefined }, pino.destination({ dest: '/dev/null', sync: true }));
    const app = createApp({ db: ctx.db, config, logger });
    const runner = await startJobRunner({ db: ctx.db, config, logger }, JOBS);
    try {
      const run = `${Date.now()}`;
      const known = Array.from({ length: ACCOUNTS }, (_, i) => `bench-${run}-${i}@example.org`);
      await ctx.db
        .insertInto('users')
        .values(known.map((email) => ({ email, display_name: 'Bench Person', password_hash: null, email_verified_at: new Date() })))
        .execute();
      const form = await app.request('/reset-password');
      const cookie = form.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
      if (!csrf || !cookie) throw new Error('no CSRF token on /reset-password');

      let sequence = 0;
      const ask = async (email: string) => {
        sequence += 1;
        const ip = `10.${(sequence >> 16) & 255}.${(sequence >> 8) & 255}.${sequence & 255}`;
        const response = await app.request('/reset-password', {
          method: 'POST',
          headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': ip },
          body: new URLSearchParams({ _csrf: csrf, email }).toString(),
        });
        const html = await response.text();
        if (response.status !== 200 || !html.includes('If an account uses this address'))
          throw new Error(`POST /reset-password answered ${response.status}: the comparison would be meaningless`);
      };
      const knownAddress = () => known[sequence % ACCOUNTS]!;
      const unknownAddress = () => `nobody-${run}-${sequence}@example.org`;

      const round = async (seconds: number, next: () => string, latencies: number[]): Promise<Round> => {
        const started = performance.now();
        let requests = 0;
        while (performance.now() - started < seconds * 1000) {
          const t0 = performance.now();
          await ask(next());
          latencies.push(performance.now() - t0);
          requests += 1;
        }
        const durationSeconds = (performance.now() - started) / 1000;
        return {
          durationSeconds,
          requestsPerSecond: requests / durationSeconds,
          requests,
          bytesPerResponse: 0,
          non2xx: 0,
          errors: 0,
          timeouts: 0,
          statusCodes: { 200: requests },
          autocannonLatencyMs: { p50: 0, p90: 0, p97_5: 0, p99: 0 },
        };
      };
      const summarise = (path: string, rounds: Round[], latencies: number[]): EndpointResult => {
        const sorted = Float64Array.from(latencies).toSorted();
        const rates = rounds.map((r) => r.requestsPerSecond);
        const mean = rates.reduce((a, b) => a + b, 0) / rates.length;
        return {
          path,
          requestsPerSecond: mean,
          requestsPerSecondSpread: (Math.max(...rates) - Math.min(...rates)) / mean,
          latencyMs: {
            p50: percentile(sorted, 50),
            p95: percentile(sorted, 95),
            p99: percentile(sorted, 99),
            mean: latencies.reduce((a, b) => a + b, 0) / latencies.length,
            max: sorted[sorted.length - 1] ?? 0,
          },
          samples: latencies.length,
          rounds,
        };
      };

      ctx.log(`warm-up (${WARMUP_SECONDS} s each)`);
      await round(WARMUP_SECONDS, unknownAddress, []);
      await round(WARMUP_SECONDS, knownAddress, []);
      const baseline: Round[] = [];
      const target: Round[] = [];
      const baselineLatencies: number[] = [];
      const targetLatencies: number[] = [];
      for (let i = 1; i <= ROUNDS; i += 1) {
        ctx.log(`round ${i}/${ROUNDS} baseline: unknown address (${ctx.durationSeconds} s)`);
        baseline.push(await round(ctx.durationSeconds, unknownAddress, baselineLatencies));
        ctx.log(`round ${i}/${ROUNDS} target: address with an account (${ctx.durationSeconds} s)`);
        target.push(await round(ctx.durationSeconds, knownAddress, targetLatencies));
      }
      const t = summarise('POST /reset-password (account)', target, targetLatencies);
      const b = summarise('POST /reset-password (no account)', baseline, baselineLatencies);
      const result: Comparison = {
        connections: 1,
        durationSeconds: ctx.durationSeconds,
        warmupSeconds: WARMUP_SECONDS,
        target: t,
        baseline: b,
        ratio: {
          requestsPerSecond: t.requestsPerSecond / b.requestsPerSecond,
          p50: t.latencyMs.p50 / b.latencyMs.p50,
          p95: t.latencyMs.p95 / b.latencyMs.p95,
        },
      };
      return result;
    } finally {
      await runner.stop(5000);
    }
  },
};
