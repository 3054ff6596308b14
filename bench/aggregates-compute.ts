/**
 * Every aggregate of one indicator (internet use: 37 groups × every year) as the app computes
 * it — load the members, the indicator and population series, then compute.ts
 * computeAggregates (population-weighted, gaps within ±2 years estimated by interpolation or the member's own trend,
 * coverage ≥ 2/3, at most half of it estimated) —
 * against one raw SQL statement doing the same population-weighted aggregation without gap
 * filling. No HTTP: each side runs back to back on this thread, one at a time, so "req/s" reads
 * as complete computations per second and latency as the time of one computation.
 */
import { sql } from 'kysely';
import type { Db } from '../src/db/database.js';
import { aggregationGroups, computeAggregates } from '../src/features/indicators/compute.js';
import { seriesByCountry } from '../src/features/indicators/repository.js';
import type { Benchmark } from './benchmark.js';
import { percentile, type Comparison, type EndpointResult } from './http.js';

const INDICATOR = 'internet-use';
const WARMUP_SECONDS = 2;
const ROUNDS = 2;

async function inApp(db: Db): Promise<number> {
  const [groups, values, population] = await Promise.all([
    aggregationGroups(db),
    seriesByCountry(db, INDICATOR),
    seriesByCountry(db, 'population'),
  ]);
  return computeAggregates(INDICATOR, 'population-weighted', groups, values, population, { min: 0, max: 100 }).length;
}

async function rawSql(db: Db): Promise<number> {
  const { rows } = await sql<{ group_code: string; year: number; value: number; coverage: number }>`
    with pop as (select m49, year, value as p from observations where indicator_code = 'population' and breakdown = '' and value > 0),
         v as (select m49, year, value from observations where indicator_code = ${INDICATOR} and breakdown = ''),
         per as (
           select gm.group_code, pop.year, sum(pop.p) as known, sum(pop.p) filter (where v.value is not null) as covered,
                  sum(v.value * pop.p) as weighted, count(v.value) as with_data
           from group_members gm join pop on pop.m49 = gm.m49 left join v on v.m49 = pop.m49 and v.year = pop.year
           group by gm.group_code, pop.year)
    select group_code, year, weighted / covered as value, covered / known as coverage
    from per where with_data > 0 and covered / known >= 2.0 / 3`.execute(db);
  return rows.length;
}

async function round(name: string, fn: () => Promise<number>, seconds: number, latencies: number[]) {
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

function summarise(path: string, rounds: Awaited<ReturnType<typeof round>>[], latencies: number[]): EndpointResult {
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

export const aggregatesCompute: Benchmark = {
  name: 'aggregates-compute',
  description: `every ${INDICATOR} aggregate (all groups × years): app load + computeAggregates vs one raw SQL statement (no gap filling)`,
  async run(ctx) {
    const [appRows, sqlRows] = [await inApp(ctx.db), await rawSql(ctx.db)];
    ctx.log(`rows: app ${appRows} (gaps estimated within ±2 years), raw SQL ${sqlRows} (reported values only)`);
    if (appRows < 500 || sqlRows < 500)
      throw new Error(`expected hundreds of aggregates, got app ${appRows}, SQL ${sqlRows}: is the indicator data imported?`);
    ctx.log(`warm-up (${WARMUP_SECONDS} s each)`);
    await round('warm-up', () => rawSql(ctx.db), WARMUP_SECONDS, []);
    await round('warm-up', () => inApp(ctx.db), WARMUP_SECONDS, []);
    const target: Awaited<ReturnType<typeof round>>[] = [];
    const baseline: Awaited<ReturnType<typeof round>>[] = [];
    const targetLatencies: number[] = [];
    const baselineLatencies: number[] = [];
    for (let i = 1; i <= ROUNDS; i += 1) {
      ctx.log(`round ${i}/${ROUNDS} baseline raw SQL (${ctx.durationSeconds} s)`);
      baseline.push(await round('baseline', () => rawSql(ctx.db), ctx.durationSeconds, baselineLatencies));
      ctx.log(`round ${i}/${ROUNDS} target computeAggregates (${ctx.durationSeconds} s)`);
      target.push(await round('target', () => inApp(ctx.db), ctx.durationSeconds, targetLatencies));
    }
    const t = summarise('computeAggregates (app)', target, targetLatencies);
    const b = summarise('raw SQL, no gap filling', baseline, baselineLatencies);
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
  },
};
