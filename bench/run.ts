/**
 * `npm run bench [-- --duration N] [-- --only NAME] [-- --engine embedded|server|both]`: for each
 * database engine in turn (the embedded PostgreSQL, then the system's PostgreSQL 15+), starts the
 * platform in this process on a throwaway cluster (temporary home, migrated, data imported), runs
 * the registered benchmarks against it and stops everything; then prints one table and writes
 * bench/results/latest.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import { createDb, type Db } from '../src/db/database.js';
import { ensureCluster } from '../src/db/embedded/cluster.js';
import { startEmbedded } from '../src/db/embedded/embedded.js';
import { unprivilegedAccount } from '../src/db/embedded/run-as.js';
import { migrate } from '../src/db/migrate.js';
import { importIndicators } from '../src/features/indicators/index.js';
import { importReference, type ReferenceSummary } from '../src/features/reference/index.js';
import type { Benchmark } from './benchmark.js';
import { aggregatesCompute } from './aggregates-compute.js';
import { countriesVsHealth } from './countries-vs-health.js';
import { matchingTop10 } from './matching.js';
import { profileVsHealth } from './profile-vs-health.js';
import { resetKnownVsUnknown } from './reset-known-vs-unknown.js';
import { catalogueSearch } from './catalogue-search.js';
import { peopleFinder } from './people-finder.js';
import { briefOn2g, profileOn2g } from './slow-network.js';
import type { Comparison, EndpointResult } from './http.js';

/** Every benchmark, in run order. Add one line per new benchmark. */
const BENCHMARKS: readonly Benchmark[] = [
  countriesVsHealth,
  aggregatesCompute,
  profileVsHealth,
  resetKnownVsUnknown,
  ...catalogueSearch,
  peopleFinder,
  matchingTop10,
  briefOn2g,
  profileOn2g,
];

const RESULTS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', 'latest.json');
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

interface Platform {
  readonly origin: string;
  readonly db: Db;
  readonly reference: ReferenceSummary;
}

/** Steps undone last-first, once, whether the run ends normally, fails or is interrupted. */
class Teardown {
  readonly #steps: (() => Promise<void>)[] = [];
  #running: Promise<void> | undefined;
  add(step: () => Promise<void>): void {
    this.#steps.push(step);
  }
  run(): Promise<void> {
    this.#running ??= (async () => {
      for (const step of this.#steps.toReversed()) await step().catch((error: unknown) => log(`teardown: ${String(error)}`));
    })();
    return this.#running;
  }
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string', default: '10' },
      only: { type: 'string' },
      engine: { type: 'string', default: 'both' },
      encoding: { type: 'string', default: 'gzip' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(
      `Usage: npm run bench -- [--duration SECONDS] [--only NAME] [--engine embedded|server|both] [--encoding gzip|identity]\n` +
        `Benchmarks: ${BENCHMARKS.map((b) => b.name).join(', ')}\n`,
    );
    return 0;
  }
  const durationSeconds = Number(values.duration);
  if (!Number.isInteger(durationSeconds) || durationSeconds < 1)
    return usage(`--duration must be a whole number of seconds ≥ 1, not "${values.duration}"`);
  // A name, or the start of names: `--only catalogue-search` runs every catalogue-search-… benchmark.
  const selected = values.only ? BENCHMARKS.filter((b) => b.name === values.only || b.name.startsWith(`${values.only}-`)) : BENCHMARKS;
  if (selected.length === 0) return usage(`no benchmark named "${values.only}"; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  if (!['embedded', 'server', 'both'].includes(values.engine))
    return usage(`--engine must be embedded, server or both, not "${values.engine}"`);
  if (values.encoding !== 'gzip' && values.encoding !== 'identity')
    return usage(`--encoding must be gzip or identity, not "${values.encoding}"`);
  const encoding = values.encoding;
  const engines: Engine[] = values.engine === 'both' ? ['embedded', 'server'] : [values.engine as Engine];
  if (engines.includes('server') && systemBinDir() === undefined) {
    if (values.engine === 'server') return usage('no PostgreSQL 15+ binaries under /usr/lib/postgresql for the server engine');
    log('no PostgreSQL 15+ binaries under /usr/lib/postgresql: measuring the embedded engine only');
    engines.splice(engines.indexOf('server'), 1);
  }

  const startedAt = new Date();
  const loadAverageAtStart = os.loadavg();
  let teardown = new Teardown();
  // Interrupted runs must not leave a detached PostgreSQL behind in the temporary home.
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping`);
    void teardown.run().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    // One engine after the other, each on its own throwaway cluster: the ratios of both come from the same run.
    const results: EngineResult[] = [];
    let reference: ReferenceSummary | undefined;
    for (const engine of engines) {
      teardown = new Teardown();
      const platform = await startPlatform(teardown, engine);
      reference = platform.reference;
      for (const benchmark of selected) {
        log(`[${engine}] ${benchmark.name}: ${benchmark.description}`);
        const result = await benchmark.run({
          origin: platform.origin,
          db: platform.db,
          durationSeconds,
          encoding,
          log: (m) => log(`[${engine}] ${benchmark.name}: ${m}`),
        });
        results.push({ engine, name: benchmark.name, description: benchmark.description, result });
      }
      await teardown.run();
    }

    process.stdout.write(`\n${formatTable(results)}\n`);
    const machine = {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
      loadAverageAtStart,
      loadAverageAtEnd: os.loadavg(),
      platform: `${process.platform}-${process.arch}`,
      node: process.version,
    };
    const report = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      git: gitDescription(),
      durationSeconds,
      encoding,
      machine,
      reference,
      engines,
      benchmarks: Object.fromEntries(
        engines.map((engine) => [
          engine,
          Object.fromEntries(results.filter((r) => r.engine === engine).map((r) => [r.name, { description: r.description, ...r.result }])),
        ]),
      ),
    };
    await mkdir(path.dirname(RESULTS_FILE), { recursive: true });
    await writeFile(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(
      `\nWrote ${path.relative(process.cwd(), RESULTS_FILE)} (${machine.cpus} CPUs, ${machine.cpuModel}; load generator, server and PostgreSQL share them)\n`,
    );
    // Before the run, the load average is other work (or a run that just ended).
    const before = loadAverageAtStart[0] ?? 0;
    if (before > machine.cpus / 2) {
      process.stdout.write(
        `Warning: the 1-minute load average was ${before.toFixed(1)} on ${machine.cpus} CPUs before the run: something else ` +
          'was using the machine, so absolute figures and even ratios are noisy; compare quiet runs only.\n',
      );
    }
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await teardown.run();
    log('stopped');
  }
}

type Engine = 'embedded' | 'server';
interface EngineResult {
  readonly engine: Engine;
  readonly name: string;
  readonly description: string;
  readonly result: Comparison;
}

/** The system's PostgreSQL 15+ binaries (the "server" engine of the tests), if installed. */
function systemBinDir(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const version = readdirSync(base)
    .filter((v) => Number(v) >= 15)
    .toSorted((a, b) => Number(b) - Number(a))[0];
  return version ? path.join(base, version, 'bin') : undefined;
}

/** Registers in `teardown` how to undo each step as soon as it is done. */
async function startPlatform(teardown: Teardown, engine: Engine): Promise<Platform> {
  const started = performance.now();
  const home = await mkdtemp(path.join(os.tmpdir(), 'dcp-bench-'));
  teardown.add(() => rm(home, { recursive: true, force: true }));
  // Under root PostgreSQL runs as `nobody`, which must be able to enter the home.
  await chmod(home, 0o755);
  const cluster =
    engine === 'embedded'
      ? await startEmbedded(home, log)
      : await ensureCluster({ binDir: systemBinDir()!, home, runAs: unprivilegedAccount(), log });
  teardown.add(() => cluster.stop());
  // A generous API rate limit: a load test from one IP is not what the limiter is for.
  const config = loadConfig({ DCP_HOME: home, DCP_API_RATE_LIMIT: String(1e9) });
  if (!config.dataDir) throw new Error('no reference data directory (../shared/data): the benchmarks need the countries');
  const db = createDb(cluster.url);
  teardown.add(() => db.destroy());
  await migrate(db);
  const reference = await importReference(db, config.dataDir);
  // The indicator benchmarks need observations and aggregates, as a first start loads them.
  await importIndicators(db, config.dataDir);

  // Request logging stays on, as in production, but is written to /dev/null.
  const logger = pino({ level: 'info', base: undefined }, pino.destination({ dest: '/dev/null', sync: true }));
  const app = createApp({ db, config, logger });
  // serve() returns an http.Server unless createServer is overridden (as in src/cli/serve.ts).
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  teardown.add(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('the HTTP server has no address');
  const origin = `http://127.0.0.1:${address.port}`;
  log(`[${engine}] platform ready at ${origin} in ${Math.round(performance.now() - started)} ms (${JSON.stringify(reference)})`);
  return { origin, db, reference };
}

function formatTable(results: readonly EngineResult[]): string {
  const header = ['engine', 'benchmark', 'endpoint', 'req/s', 'spread', 'p50 ms', 'p95 ms', 'p99 ms', 'samples', 'bytes'];
  const rows: string[][] = [];
  for (const { engine, name, result } of results) {
    rows.push([engine, ...endpointRow(name, 'baseline', result.baseline)]);
    rows.push(['', ...endpointRow('', 'target  ', result.target)]);
    const r = result.ratio;
    rows.push(['', '', 'ratio target/baseline', times(r.requestsPerSecond), '', times(r.p50), times(r.p95), '', '', '']);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i < 3 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const settings = results.map(
    ({ engine, name, result: r }) =>
      `${engine} ${name}: ${r.connections} connections, ${r.warmupSeconds} s warm-up, ${r.baseline.rounds.length}×${r.durationSeconds} s per endpoint, interleaved`,
  );
  return [
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    '',
    ...settings,
    'req/s: mean of rounds; spread: ±half the range between rounds; latency: exact percentiles over every 2xx response',
    'of all rounds, measured by the client; bytes: mean response size incl. headers. Ratios: below 1× for req/s and',
    'above 1× for latency mean the target is slower.',
  ].join('\n');
}

function endpointRow(name: string, role: string, e: EndpointResult): string[] {
  return [
    name,
    `${role} ${e.path}`,
    e.requestsPerSecond.toFixed(0),
    `±${(e.requestsPerSecondSpread * 50).toFixed(1)}%`,
    e.latencyMs.p50.toFixed(2),
    e.latencyMs.p95.toFixed(2),
    e.latencyMs.p99.toFixed(2),
    String(e.samples),
    String(e.rounds[0]?.bytesPerResponse ?? ''),
  ];
}

/** A ratio to three significant figures: 0.0404×, 30.1×. */
function times(ratio: number): string {
  return `${Number(ratio.toPrecision(3))}×`;
}

function gitDescription(): { commit: string; dirty: boolean } | undefined {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
    return { commit, dirty };
  } catch {
    return undefined;
  }
}

function usage(message: string): number {
  process.stderr.write(`bench: ${message}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
