/**
 * Top-10 offerings for a need at 50,000 and 100,000 offerings, on both
 * engines: the whole use case (`matchesForNeed`: read the need and its
 * country's context, the candidate query, scoring, reading the ten records
 * shown) against its candidate query alone (`offeringCandidates` with the same
 * inputs), one request at a time, interleaved rounds as bench/http.ts does.
 *
 * The use case runs as the API runs it, with the match workflow's history (each provider's track
 * record and the seats taken of every candidate with limited seats: two statements side by side).
 *
 * Data: generated demo offerings and needs (src/core/capacity/demo, the
 * catalogue's own generator, every record labelled), 50,000 offerings, then
 * 50,000 more; `vacuum (analyze)` after each load, as autovacuum would, and a
 * checkpoint, before measuring. The subjects are the first 40 open public demo needs by id. Embedded: the platform's own
 * database (the demo data is removed afterwards). Server: a throwaway cluster
 * of the system's PostgreSQL (/usr/lib/postgresql/15+), migrated and loaded
 * with the same reference and indicator data; skipped with a notice when there
 * is none. Where the time goes: the use case reports each stage's time, and
 * each subject's candidate query is run once more under EXPLAIN (ANALYZE,
 * BUFFERS), whose server-side times a loaded machine disturbs less.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/config/config.js';
import { ANONYMOUS } from '../src/core/policy/actor.js';
import { createDb, type Db } from '../src/db/database.js';
import { ensureCluster } from '../src/db/embedded/cluster.js';
import { unprivilegedAccount } from '../src/db/embedded/run-as.js';
import { migrate } from '../src/db/migrate.js';
import { generateDemoData, removeDemoData } from '../src/features/capacity/index.js';
import { importIndicators } from '../src/features/indicators/index.js';
import { matchesForNeed, planNeedMatching, type NeedPlan, type Stage } from '../src/features/matching/index.js';
import { offeringCandidates, offeringCandidatesQuery } from '../src/features/matching/candidate-repository.js';
import { importReference } from '../src/features/reference/index.js';
import { workflowHistory } from '../src/features/match-workflow/index.js';
import type { Benchmark } from './benchmark.js';
import { percentile, type Comparison, type EndpointResult } from './http.js';

const SIZES = [50_000, 100_000] as const;
const SUBJECTS = 40;
const WARMUP_SECONDS = 2;
const ROUNDS = 2;
const STAGES: readonly Stage[] = ['context', 'candidates', 'score', 'records'];

interface Engine {
  readonly name: 'embedded' | 'server';
  readonly db: Db;
  /** Undoes what the benchmark did to this engine. */
  readonly done: () => Promise<void>;
}

interface Round {
  durationSeconds: number;
  requestsPerSecond: number;
  requests: number;
  bytesPerResponse: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  autocannonLatencyMs: { p50: number; p90: number; p97_5: number; p99: number };
}

async function round(fn: (i: number) => Promise<unknown>, seconds: number, latencies: number[]): Promise<Round> {
  const started = performance.now();
  let runs = 0;
  while (performance.now() - started < seconds * 1000) {
    const t0 = performance.now();
    await fn(runs);
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
  };
}

function summarise(label: string, rounds: Round[], latencies: number[]): EndpointResult {
  const sorted = Float64Array.from(latencies).toSorted();
  const rates = rounds.map((r) => r.requestsPerSecond);
  const mean = rates.reduce((a, b) => a + b, 0) / rates.length;
  return {
    path: label,
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
}

async function serverEngine(log: (m: string) => void): Promise<Engine | undefined> {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root)
    ? readdirSync(root)
        .filter((v) => Number(v) >= 15)
        .toSorted((a, b) => Number(b) - Number(a))[0]
    : undefined;
  if (!version) {
    log('no PostgreSQL 15+ under /usr/lib/postgresql: the server engine is skipped');
    return undefined;
  }
  const home = await mkdtemp(path.join(os.tmpdir(), 'dcp-bench-server-'));
  await chmod(home, 0o755);
  const cluster = await ensureCluster({ binDir: path.join(root, version, 'bin'), home, runAs: unprivilegedAccount() });
  const db = createDb(cluster.url);
  const done = async () => {
    await db.destroy();
    await cluster.stop();
    await rm(home, { recursive: true, force: true });
  };
  try {
    const dataDir = loadConfig({}).dataDir;
    if (!dataDir) throw new Error('no reference data directory (../shared/data)');
    await migrate(db);
    await importReference(db, dataDir);
    await importIndicators(db, dataDir);
  } catch (error) {
    await done();
    throw error;
  }
  log(`server engine: PostgreSQL ${version} ready`);
  return { name: 'server', db, done };
}

async function load(db: Db, offerings: number, log: (m: string) => void): Promise<void> {
  const started = performance.now();
  await generateDemoData(db, { offerings, needs: 400 });
  // Vacuum as well as analyse: after a bulk insert autovacuum starts on its own (PostgreSQL 13+) and,
  // on 2 cores, took one of them in the middle of the measured rounds (a run measured while it
  // worked: p50 twice an identical vacuumed database's). A served catalogue has been vacuumed.
  await sql`vacuum (analyze) offerings`.execute(db);
  await sql`vacuum (analyze) needs`.execute(db);
  // And write out what the load left in memory: else the checkpoint that the load's write-ahead log
  // calls for spreads those writes over the next minutes, the measured rounds included.
  await sql`checkpoint`.execute(db);
  log(`${offerings} offerings loaded and analysed in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

export interface MatchingMeasure {
  engine: string;
  offerings: number;
  comparison: Comparison;
  /** Mean and p95 ms per stage of the use case. */
  stages: Record<Stage, { mean: number; p95: number }>;
  candidates: { mean: number; max: number; capped: number };
  /** The candidate query of each subject under EXPLAIN (ANALYZE, BUFFERS): server-side ms (planning + execution) and shared buffers. */
  explain: { mean: number; p95: number; buffers: number; slowest: string };
}

/**
 * Each subject's candidate statements (the close scope, and every link when it widens) under
 * EXPLAIN (ANALYZE, BUFFERS): the database's own time, less noisy than a loaded machine's wall clock.
 */
async function explainCandidates(db: Db, plans: readonly NeedPlan[]): Promise<MatchingMeasure['explain']> {
  const times: number[] = [];
  let buffers = 0;
  let slowest = { ms: -1, plan: '' };
  for (const plan of plans) {
    let ms = 0;
    let text = '';
    const widens = (await offeringCandidates(db, plan.query, plan.timeframe)).links === 'all';
    for (const scope of widens ? (['close', 'all'] as const) : (['close'] as const)) {
      const compiled = offeringCandidatesQuery(plan.query, plan.timeframe, scope).compile(db);
      const { rows } = await db.executeQuery<{ 'QUERY PLAN': string }>({ ...compiled, sql: `explain (analyze, buffers) ${compiled.sql}` });
      const lines = rows.map((r) => r['QUERY PLAN']);
      const figure = (label: string) => Number(new RegExp(`${label}: ([\\d.]+)`).exec(lines.join('\n'))?.[1] ?? 0);
      ms += figure('Planning Time') + figure('Execution Time');
      // The first Buffers line is the top node's: the whole statement's.
      const top = lines.find((l) => l.includes('Buffers: shared')) ?? '';
      buffers += Number(/hit=(\d+)/.exec(top)?.[1] ?? 0) + Number(/read=(\d+)/.exec(top)?.[1] ?? 0);
      text += `${lines.join('\n')}\n`;
    }
    times.push(ms);
    if (ms > slowest.ms) slowest = { ms, plan: text };
  }
  const sorted = Float64Array.from(times).toSorted();
  return {
    mean: times.reduce((a, x) => a + x, 0) / Math.max(1, times.length),
    p95: percentile(sorted, 95),
    buffers: buffers / Math.max(1, plans.length),
    slowest: slowest.plan,
  };
}

async function measure(engine: Engine, offerings: number, seconds: number, log: (m: string) => void): Promise<MatchingMeasure> {
  const today = new Date().toISOString().slice(0, 10);
  const { rows } = await sql<{ id: string }>`
    select id from needs where demo and status = 'open' and visibility = 'public' order by id limit ${SUBJECTS}`.execute(engine.db);
  const ids = rows.map((r) => r.id);
  if (ids.length < SUBJECTS) throw new Error(`expected ${SUBJECTS} open public demo needs, found ${ids.length}`);
  const plans: NeedPlan[] = [];
  for (const id of ids) plans.push(await planNeedMatching(engine.db, ANONYMOUS, id, { today, explain: false }));
  const stageTimes = Object.fromEntries(STAGES.map((s) => [s, [] as number[]])) as Record<Stage, number[]>;
  const considered: number[] = [];
  let capped = 0;
  const target = (i: number, record: boolean) =>
    matchesForNeed({ db: engine.db, history: workflowHistory }, ANONYMOUS, ids[i % ids.length]!, {
      limit: 10,
      today,
      ...(record ? { observe: (stage: Stage, ms: number) => stageTimes[stage].push(ms) } : {}),
    }).then((m) => {
      if (record) {
        considered.push(m.candidates.considered);
        if (m.candidates.capped) capped += 1;
      }
      if (m.items.length === 0 && m.candidates.considered > 0)
        throw new Error('candidates but no match: the benchmark would measure nothing');
    });
  const baseline = (i: number) => {
    const plan = plans[i % plans.length]!;
    return offeringCandidates(engine.db, plan.query, plan.timeframe);
  };
  await round(baseline, WARMUP_SECONDS, []);
  await round((i) => target(i, false), WARMUP_SECONDS, []);
  const [baseRounds, targetRounds, baseLatencies, targetLatencies] = [[] as Round[], [] as Round[], [] as number[], [] as number[]];
  for (let r = 1; r <= ROUNDS; r += 1) {
    log(`${engine.name} ${offerings}: round ${r}/${ROUNDS}`);
    baseRounds.push(await round(baseline, seconds, baseLatencies));
    targetRounds.push(await round((i) => target(i, true), seconds, targetLatencies));
  }
  const t = summarise(`matchesForNeed, top 10 (${engine.name}, ${offerings})`, targetRounds, targetLatencies);
  const b = summarise(`candidate query alone (${engine.name}, ${offerings})`, baseRounds, baseLatencies);
  const stages = Object.fromEntries(
    STAGES.map((s) => {
      const sorted = Float64Array.from(stageTimes[s]).toSorted();
      return [s, { mean: stageTimes[s].reduce((a, x) => a + x, 0) / Math.max(1, stageTimes[s].length), p95: percentile(sorted, 95) }];
    }),
  ) as MatchingMeasure['stages'];
  return {
    engine: engine.name,
    offerings,
    comparison: {
      connections: 1,
      durationSeconds: seconds,
      warmupSeconds: WARMUP_SECONDS,
      target: t,
      baseline: b,
      ratio: {
        requestsPerSecond: t.requestsPerSecond / b.requestsPerSecond,
        p50: t.latencyMs.p50 / b.latencyMs.p50,
        p95: t.latencyMs.p95 / b.latencyMs.p95,
      },
    },
    stages,
    candidates: { mean: considered.reduce((a, x) => a + x, 0) / Math.max(1, considered.length), max: Math.max(0, ...considered), capped },
    explain: await explainCandidates(engine.db, plans),
  };
}

function table(measures: readonly MatchingMeasure[]): string {
  const head =
    '| engine | offerings | matchesForNeed p50 / p95 ms | candidate query p50 / p95 ms | p95 ratio | context | candidates | score | records | candidates scored (mean / max, capped) | candidate query EXPLAIN mean / p95 ms (buffers) |';
  const rows = measures.map((m) => {
    const { target, baseline, ratio } = m.comparison;
    const stage = (s: Stage) => `${m.stages[s].mean.toFixed(1)} / ${m.stages[s].p95.toFixed(1)}`;
    return `| ${m.engine} | ${m.offerings} | ${target.latencyMs.p50.toFixed(1)} / ${target.latencyMs.p95.toFixed(1)} | ${baseline.latencyMs.p50.toFixed(1)} / ${baseline.latencyMs.p95.toFixed(1)} | ${ratio.p95.toFixed(2)}× | ${stage('context')} | ${stage('candidates')} | ${stage('score')} | ${stage('records')} | ${m.candidates.mean.toFixed(0)} / ${m.candidates.max} (${m.candidates.capped}) | ${m.explain.mean.toFixed(1)} / ${m.explain.p95.toFixed(1)} (${m.explain.buffers.toFixed(0)}) |`;
  });
  return [
    head,
    `|${' --- |'.repeat(11)}`,
    ...rows,
    '',
    "Stages: mean / p95 ms of each stage of matchesForNeed, one request at a time. EXPLAIN: each subject's candidate statements under EXPLAIN (ANALYZE, BUFFERS), planning + execution ms and shared buffers per subject (the slowest plan is in the JSON).",
  ].join('\n');
}

export const matchingTop10: Benchmark = {
  name: 'matching',
  description: 'top-10 offerings for a need at 50,000 and 100,000 offerings, both engines: matchesForNeed vs its candidate query alone',
  async run(ctx) {
    const engines: Engine[] = [{ name: 'embedded', db: ctx.db, done: async () => void (await removeDemoData(ctx.db)) }];
    const measures: MatchingMeasure[] = [];
    try {
      const server = await serverEngine(ctx.log);
      if (server) engines.push(server);
      for (const engine of engines) {
        for (const size of SIZES) {
          ctx.log(`${engine.name}: loading ${size} generated offerings`);
          await load(engine.db, size, ctx.log);
          measures.push(await measure(engine, size, ctx.durationSeconds, ctx.log));
        }
      }
    } finally {
      for (const engine of engines) await engine.done().catch((error: unknown) => ctx.log(`cleanup of ${engine.name}: ${String(error)}`));
    }
    process.stdout.write(`\nmatching: where the time goes\n${table(measures)}\n`);
    const headline = measures.findLast((m) => m.offerings === 100_000) ?? measures[measures.length - 1]!;
    return { ...headline.comparison, matching: measures } as Comparison;
  },
};
