/**
 * The data version: changes whenever any import (reference or indicators, by any
 * app instance) commits, because every import records a row in import_runs.
 * Caches of computed reads key on it, so one cheap query per request is enough
 * to know whether what is cached still holds — nothing assumes a single instance.
 */
import type { Db } from '../../db/database.js';

/**
 * `max(id).count`: the count catches an import that commits after a later-started one
 * (its id is lower than the max already seen, but the count still moves).
 * @example await dataVersion(db) // '12.12'
 */
export async function dataVersion(db: Db): Promise<string> {
  const row = await db
    .selectFrom('import_runs')
    .select((eb) => [eb.fn.max<number>('id').as('max'), eb.fn.countAll<number>().as('n')])
    .executeTakeFirstOrThrow();
  return `${row.max ?? 0}.${Number(row.n)}`;
}

/**
 * An in-memory cache of values computed from the database at one data version.
 * A new version empties it; concurrent misses for one key share one computation;
 * failures are not kept. Bounded, oldest entry out first.
 *
 * @example
 * const cache = new VersionedCache<Profile>(500);
 * const profile = await cache.get(await dataVersion(db), 'KEN', () => computeProfile(db, 'KEN'));
 */
export class VersionedCache<T> {
  #version = '';
  readonly #entries = new Map<string, Promise<T>>();

  constructor(private readonly maxEntries = 1000) {}

  get(version: string, key: string, compute: () => Promise<T>): Promise<T> {
    // A request that read the version just before an import committed must not empty the
    // cache of the newer version: it gets its answer, uncached.
    if (isOlder(version, this.#version)) return compute();
    if (version !== this.#version) {
      this.#entries.clear();
      this.#version = version;
    }
    const hit = this.#entries.get(key);
    if (hit) return hit;
    const pending = compute();
    this.#entries.set(key, pending);
    if (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    pending.catch(() => {
      if (this.#entries.get(key) === pending) this.#entries.delete(key);
    });
    return pending;
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** Versions are `max.count` of import_runs; both only grow. */
function isOlder(version: string, than: string): boolean {
  if (than === '') return false;
  const [max = 0, count = 0] = version.split('.').map(Number);
  const [thanMax = 0, thanCount = 0] = than.split('.').map(Number);
  return count < thanCount || (count === thanCount && max < thanMax);
}
