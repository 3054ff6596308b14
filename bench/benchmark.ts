/** What a benchmark is and what it is given. Register new ones in BENCHMARKS in bench/run.ts. */
import type { Db } from '../src/db/database.js';
import type { Comparison } from './http.js';

export interface BenchContext {
  /** The running platform, e.g. `http://127.0.0.1:41234`. */
  readonly origin: string;
  /** The same database the server uses (migrated, reference data imported). */
  readonly db: Db;
  /** Seconds per measured run (--duration). */
  readonly durationSeconds: number;
  /** Accept-Encoding the HTTP benchmarks send to both endpoints: `gzip` (default, as clients ask) or none. */
  readonly encoding: 'gzip' | 'identity';
  /** Progress line to stderr. */
  log(message: string): void;
}

export interface Benchmark {
  /** Short kebab-case name, used by --only and as the key in results/latest.json. */
  readonly name: string;
  /** One line: what is measured against what. */
  readonly description: string;
  run(ctx: BenchContext): Promise<Comparison>;
}
