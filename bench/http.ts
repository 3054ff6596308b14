/**
 * HTTP load measurement with autocannon: one endpoint (`measureEndpoint`) or a
 * target against a baseline on the same server (`compareEndpoints`).
 *
 * Latency percentiles are computed here, exactly (nearest rank), from the
 * response time of every 2xx response (autocannon's `response` event, measured
 * with process.hrtime). autocannon's own summary has no p95 (it offers p90 and
 * p97.5) and records latency in whole milliseconds, too coarse for sub-millisecond
 * endpoints; its figures are kept in the JSON as `autocannonLatencyMs` for cross-checking.
 */
import { Worker } from 'node:worker_threads';
import type { LoadReply, LoadRequest } from './load-worker.js';

export interface MeasureOptions {
  readonly origin: string;
  /** Path and query, e.g. `/healthz`. */
  readonly path: string;
  readonly connections: number;
  readonly durationSeconds: number;
  /** Extra request headers. autocannon sends no Accept-Encoding, so responses are uncompressed unless set here. */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface LatencySummaryMs {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly mean: number;
  readonly max: number;
}

export type RoundResult = LoadReply['result'];

export interface EndpointResult {
  readonly path: string;
  /** Mean over the measured rounds of completed requests ÷ wall-clock seconds. */
  readonly requestsPerSecond: number;
  /** (max − min) / mean of the rounds' req/s: how much the machine moved under the run. */
  readonly requestsPerSecondSpread: number;
  /** Over every 2xx response of every measured round. */
  readonly latencyMs: LatencySummaryMs;
  readonly samples: number;
  readonly rounds: readonly RoundResult[];
}

export interface Comparison {
  readonly connections: number;
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
  readonly target: EndpointResult;
  readonly baseline: EndpointResult;
  /** target ÷ baseline. Below 1 for req/s and above 1 for latency mean the target is slower. */
  readonly ratio: { readonly requestsPerSecond: number; readonly p50: number; readonly p95: number };
}

export interface CompareOptions {
  readonly origin: string;
  readonly target: string;
  readonly baseline: string;
  readonly connections: number;
  /** Seconds per measured round. */
  readonly duration: number;
  /** Measured rounds per endpoint, run alternately baseline, target, baseline, target… (default 2). */
  readonly rounds?: number;
  /** Seconds of unmeasured load on each endpoint first (default 2). */
  readonly warmup?: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Progress lines (to stderr in bench/run.ts). */
  readonly log?: (message: string) => void;
}

/**
 * Measures `target` against `baseline` on the same server, interleaving the rounds
 * so that drift in the machine's load affects both alike.
 * @example await compareEndpoints({ origin, target: '/api/v1/countries?limit=100', baseline: '/healthz', connections: 10, duration: 10 })
 */
export async function compareEndpoints(options: CompareOptions): Promise<Comparison> {
  const rounds = options.rounds ?? 2;
  const warmup = options.warmup ?? 2;
  const log = options.log ?? (() => {});
  const common = { origin: options.origin, connections: options.connections, headers: options.headers ?? {} };

  for (const path of [options.baseline, options.target]) {
    log(`warm-up ${path} (${warmup} s)`);
    assertClean(path, await runLoad({ ...common, path, durationSeconds: warmup }));
  }

  const measured: Record<'baseline' | 'target', LoadReply[]> = { baseline: [], target: [] };
  for (let round = 1; round <= rounds; round++) {
    for (const role of ['baseline', 'target'] as const) {
      const path = options[role];
      log(`round ${round}/${rounds} ${role} ${path} (${options.duration} s)`);
      const reply = await runLoad({ ...common, path, durationSeconds: options.duration });
      assertClean(path, reply);
      measured[role].push(reply);
    }
  }

  const target = summarise(options.target, measured.target);
  const baseline = summarise(options.baseline, measured.baseline);
  return {
    connections: options.connections,
    durationSeconds: options.duration,
    warmupSeconds: warmup,
    target,
    baseline,
    ratio: {
      requestsPerSecond: target.requestsPerSecond / baseline.requestsPerSecond,
      p50: target.latencyMs.p50 / baseline.latencyMs.p50,
      p95: target.latencyMs.p95 / baseline.latencyMs.p95,
    },
  };
}

/**
 * Loads one endpoint for one run and summarises it.
 * @example const r = await measureEndpoint({ origin, path: '/healthz', connections: 10, durationSeconds: 5 })
 */
export async function measureEndpoint(options: MeasureOptions): Promise<EndpointResult> {
  const reply = await runLoad({ ...options, headers: options.headers ?? {} });
  assertClean(options.path, reply);
  return summarise(options.path, [reply]);
}

/** Runs autocannon in a worker thread (see load-worker.ts for why). */
function runLoad(options: MeasureOptions & { readonly headers: Readonly<Record<string, string>> }): Promise<LoadReply> {
  const request: LoadRequest = {
    url: new URL(options.path, options.origin).href,
    connections: options.connections,
    durationSeconds: options.durationSeconds,
    headers: options.headers,
  };
  // Node 20 does not apply tsx's loader (inherited --import) inside workers, so the
  // worker is a tiny script that registers tsx and then imports the TypeScript file.
  const workerFile = new URL('./load-worker.ts', import.meta.url).href;
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const source = `import(${JSON.stringify(tsxApi)}).then(({ tsImport }) => tsImport(${JSON.stringify(workerFile)}, ${JSON.stringify(import.meta.url)}));`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData: request });
    let reply: LoadReply | undefined;
    worker.once('message', (message: LoadReply) => (reply = message));
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reply ? resolve(reply) : reject(new Error(`load worker for ${request.url} exited (code ${code}) without a result`)),
    );
  });
}

/** A run that saw errors, timeouts or non-2xx answers measured something else (e.g. 429s or 500s): refuse it. */
function assertClean(path: string, reply: LoadReply): void {
  const r = reply.result;
  if (r.non2xx > 0 || r.errors > 0 || r.timeouts > 0 || r.requests === 0) {
    throw new Error(
      `${path}: ${r.requests} requests with ${r.non2xx} non-2xx (status codes ${JSON.stringify(r.statusCodes)}), ` +
        `${r.errors} errors, ${r.timeouts} timeouts; the measurement would not be of successful responses`,
    );
  }
}

function summarise(path: string, replies: readonly LoadReply[]): EndpointResult {
  const total = replies.reduce((n, r) => n + r.latenciesMs.length, 0);
  const all = new Float64Array(total);
  let offset = 0;
  for (const r of replies) {
    all.set(r.latenciesMs, offset);
    offset += r.latenciesMs.length;
  }
  all.sort(); // Float64Array sorts numerically.
  const rps = replies.map((r) => r.result.requestsPerSecond);
  const meanRps = rps.reduce((a, b) => a + b, 0) / rps.length;
  return {
    path,
    requestsPerSecond: meanRps,
    requestsPerSecondSpread: (Math.max(...rps) - Math.min(...rps)) / meanRps,
    latencyMs: {
      p50: percentile(all, 50),
      p95: percentile(all, 95),
      p99: percentile(all, 99),
      mean: all.reduce((a, b) => a + b, 0) / all.length,
      max: all[all.length - 1] ?? Number.NaN,
    },
    samples: all.length,
    rounds: replies.map((r) => r.result),
  };
}

/** Nearest-rank percentile of ascending `sorted`: the smallest value with at least p% of samples at or below it. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}
