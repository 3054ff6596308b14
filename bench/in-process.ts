/**
 * Measuring a function against a baseline function in this process, one call at a time (no HTTP):
 * warm-up, then interleaved rounds (baseline, target, baseline, target) so that the machine's load
 * moves both alike. "req/s" reads as calls per second; latency is the time of one call. Used by
 * aggregates-compute and catalogue-search.
 */
import { percentile, type Comparison, type EndpointResult } from './http.js';

export const WARMUP_SECONDS = 2;
export const ROUNDS = 2;

type Round = EndpointResult['rounds'][number] & { name: string };

/** Calls `fn` back to back for `seconds`, adding each call's milliseconds to `latencies`. */
export async function round(name: string, fn: () => Promise<unknown>, seconds: number, latencies: number[]): Promise<Round> {
  const started = performance.now();
  let runs = 0;
  while (performance.now() - started < seconds * 1000) {
    const t0 = performance.now();
    await fn();
    latencies.push(performance.now() - t0);
    runs += 1;
  }
  const durationSeconds = (performance.now() - started) / 1000;
  return {
    durationSeconds,
    requestsPerSecond: runs / durationSeconds,
    requests: runs,
    bytesPerResponse: 0,
    non2xx: 0,
    errors: 0,
    timeouts: 0,
    statusCodes: {},
    autocannonLatencyMs: { p50: 0, p90: 0, p97_5: 0, p99: 0 },
    name,
  };
}

export function summarise(path: string, rounds: Round[], latencies: number[]): EndpointResult {
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
    rounds: rounds.map(({ name: _name, ...r }) => r),
  };
}

/**
 * Warm-up, then ROUNDS interleaved rounds of `durationSeconds` each.
 * @example await compareInProcess({ target: { name: 'app', run }, baseline: { name: 'raw SQL', run: raw }, durationSeconds: 10, log })
 */
export async function compareInProcess(options: {
  target: { name: string; run: () => Promise<unknown> };
  baseline: { name: string; run: () => Promise<unknown> };
  durationSeconds: number;
  log: (message: string) => void;
}): Promise<Comparison> {
  const { target, baseline, durationSeconds, log } = options;
  log(`warm-up (${WARMUP_SECONDS} s each)`);
  await round('warm-up', baseline.run, WARMUP_SECONDS, []);
  await round('warm-up', target.run, WARMUP_SECONDS, []);
  const targetRounds: Round[] = [];
  const baselineRounds: Round[] = [];
  const targetLatencies: number[] = [];
  const baselineLatencies: number[] = [];
  for (let i = 1; i <= ROUNDS; i += 1) {
    log(`round ${i}/${ROUNDS} baseline ${baseline.name} (${durationSeconds} s)`);
    baselineRounds.push(await round('baseline', baseline.run, durationSeconds, baselineLatencies));
    log(`round ${i}/${ROUNDS} target ${target.name} (${durationSeconds} s)`);
    targetRounds.push(await round('target', target.run, durationSeconds, targetLatencies));
  }
  const t = summarise(target.name, targetRounds, targetLatencies);
  const b = summarise(baseline.name, baselineRounds, baselineLatencies);
  return {
    connections: 1,
    durationSeconds,
    warmupSeconds: WARMUP_SECONDS,
    target: t,
    baseline: b,
    ratio: {
      requestsPerSecond: t.requestsPerSecond / b.requestsPerSecond,
      p50: t.latencyMs.p50 / b.latencyMs.p50,
      p95: t.latencyMs.p95 / b.latencyMs.p95,
    },
  };
}
