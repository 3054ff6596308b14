/**
 * The part of autocannon 9's programmatic API the benchmarks use. The package
 * ships no types and @types/autocannon is not installed, so this is declared
 * here, from node_modules/autocannon/lib (init.js, run.js, aggregateResult.js).
 */
declare module 'autocannon' {
  namespace autocannon {
    interface Options {
      readonly url: string;
      readonly connections?: number;
      /** Seconds. */
      readonly duration?: number;
      readonly headers?: Readonly<Record<string, string>>;
      /** Seconds before a request counts as a timeout (default 10). */
      readonly timeout?: number;
    }

    /** Summary of an HDR histogram. Latency values are whole milliseconds (lowestDiscernibleValue 1). */
    interface Histogram {
      readonly average: number;
      readonly mean: number;
      readonly stddev: number;
      readonly min: number;
      readonly max: number;
      readonly total: number;
      readonly p50: number;
      readonly p90: number;
      readonly p97_5: number;
      readonly p99: number;
    }

    interface Result {
      readonly url: string;
      readonly connections: number;
      /** Seconds actually run. */
      readonly duration: number;
      /** Requests per one-second sample (all status codes). */
      readonly requests: Histogram;
      readonly latency: Histogram;
      /** Bytes per second. */
      readonly throughput: Histogram;
      readonly errors: number;
      readonly timeouts: number;
      readonly non2xx: number;
      readonly statusCodeStats: Readonly<Record<string, { readonly count: number }>>;
    }

    /**
     * What a run resolves to off the main thread: autocannon then assumes it is one of
     * its own workers and skips aggregation (lib/run.js), leaving histograms encoded.
     */
    interface RawResult {
      /** Encoded HDR histogram. */
      readonly latencies: string;
      readonly totalCompletedRequests: number;
      readonly duration: number;
      readonly errors: number;
      readonly timeouts: number;
      readonly non2xx: number;
      readonly statusCodeStats: Readonly<Record<string, { readonly count: number }>>;
    }

    /** The tracker autocannon returns when called without a callback: an event emitter that is also a promise. */
    interface Instance extends PromiseLike<Result | RawResult> {
      /** Every response, as it completes; responseTime is milliseconds from process.hrtime (sub-millisecond). */
      on(event: 'response', listener: (client: object, statusCode: number, resBytes: number, responseTime: number) => void): this;
      stop(): void;
    }
  }

  function autocannon(options: autocannon.Options): autocannon.Instance;
  namespace autocannon {
    /**
     * Aggregates raw results. The requests and throughput histograms come out empty
     * (they are fed per second on the main thread), but `requests.total` is right.
     */
    function aggregateResult(results: readonly RawResult[], options: Options): Result;
  }
  export = autocannon;
}
