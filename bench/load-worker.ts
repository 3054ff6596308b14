/**
 * Runs one autocannon load run inside a worker thread and posts back its summary
 * and every 2xx response time. The server under test lives on the main thread's
 * event loop; generating load from that same loop would add the client's work to
 * every measured latency (and steal the server's loop), so http.ts runs it here.
 */
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

export interface LoadRequest {
  readonly url: string;
  readonly connections: number;
  readonly durationSeconds: number;
  readonly headers: Readonly<Record<string, string>>;
}

export interface LoadReply {
  readonly result: {
    readonly durationSeconds: number;
    /** Completed requests ÷ duration. */
    readonly requestsPerSecond: number;
    readonly requests: number;
    /** Mean size of a 2xx response on the wire, headers included. */
    readonly bytesPerResponse: number;
    readonly non2xx: number;
    readonly errors: number;
    readonly timeouts: number;
    readonly statusCodes: Readonly<Record<string, number>>;
    /** autocannon's own whole-millisecond percentiles, kept for cross-checking. */
    readonly autocannonLatencyMs: { readonly p50: number; readonly p90: number; readonly p97_5: number; readonly p99: number };
  };
  /** Response time of every 2xx response, in milliseconds (transferred, not copied). */
  readonly latenciesMs: Float64Array<ArrayBuffer>;
}

async function main(request: LoadRequest): Promise<LoadReply> {
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  let bytes = 0;
  const instance = autocannon({
    url: request.url,
    connections: request.connections,
    duration: request.durationSeconds,
    headers: request.headers,
  });
  instance.on('response', (_client, statusCode, resBytes, responseTime) => {
    if (statusCode < 200 || statusCode > 299) return;
    bytes += resBytes;
    if (count === latencies.length) {
      const grown = new Float64Array(latencies.length * 2);
      grown.set(latencies);
      latencies = grown;
    }
    latencies[count++] = responseTime;
  });
  const settled = await instance;
  // In a worker thread autocannon resolves with its raw, unaggregated result.
  const result =
    'latencies' in settled ? autocannon.aggregateResult([settled], { url: request.url, connections: request.connections }) : settled;
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stat]) => [code, stat.count]));
  return {
    result: {
      durationSeconds: result.duration,
      // Completed requests over the run's wall time (requests.average, the mean of per-second
      // samples, is not kept off the main thread; the two agree to within a partial second).
      requestsPerSecond: result.requests.total / result.duration,
      requests: result.requests.total,
      bytesPerResponse: count > 0 ? Math.round(bytes / count) : 0,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      statusCodes,
      autocannonLatencyMs: { p50: result.latency.p50, p90: result.latency.p90, p97_5: result.latency.p97_5, p99: result.latency.p99 },
    },
    latenciesMs: latencies.slice(0, count),
  };
}

if (!parentPort) throw new Error('bench/load-worker.ts runs as a worker thread (see bench/http.ts)');
const port = parentPort;
main(workerData as LoadRequest).then((reply) => port.postMessage(reply, [reply.latenciesMs.buffer]));
