/**
 * Anonymous API reads are counted in PostgreSQL like every rate limit, but not
 * one row update per request: each app instance leases a batch of hits from the
 * shared counter and spends it locally. The shared count can never exceed the
 * limit (a lease is counted when taken); the cost is that hits leased by one
 * instance and not spent are lost to the others until the window ends.
 *
 * Measured reason: with one update per request, concurrent readers behind one
 * address (a country office behind NAT, a benchmark) queue on that row's lock and
 * on a WAL flush per request (see the closing note of issue 3 and bench/README.md).
 */
import type { MiddlewareHandler } from 'hono';
import type { Db } from '../../db/database.js';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { clientIp } from './client-ip.js';
import { hit, ipKey, rateLimited } from './rate-limits.js';

type Verdict = { readonly allowed: boolean; readonly retryAfter: number };

interface Lease {
  tokens: number;
  /** Size of the last lease: leases start at one hit and double up to the batch. */
  size: number;
  /** Epoch ms when the shared window (and so this lease) ends. */
  expires: number;
}

/** The largest lease: a twentieth of the limit, between 1 and 50 hits. */
export function batchFor(limit: number): number {
  return Math.max(1, Math.min(50, Math.floor(limit / 20)));
}

export class ReadLeases {
  private readonly leases = new Map<string, Lease>();
  /** A lease being taken from the database, per key: concurrent reads wait for it and share it. */
  private readonly leasing = new Map<string, Promise<unknown>>();

  constructor(
    private readonly db: Db,
    private readonly limit: number,
    private readonly windowSeconds = 60,
  ) {}

  /**
   * Spends one hit on `key`, leasing a new batch from the shared counter when needed.
   * @example await leases.take('api-read:abc') // { allowed: true, retryAfter: 42 }
   */
  async take(key: string): Promise<Verdict> {
    for (;;) {
      const now = Date.now();
      const lease = this.leases.get(key);
      if (lease && lease.expires > now) {
        if (lease.tokens > 0) {
          lease.tokens -= 1;
          return { allowed: true, retryAfter: secondsUntil(lease.expires, now) };
        }
        if (lease.tokens < 0) return { allowed: false, retryAfter: secondsUntil(lease.expires, now) };
      }
      // Ten concurrent reads finding the lease spent must not each write the shared row (they
      // would queue on its lock and a WAL flush apiece): one leases, the others spend its batch.
      const pending = this.leasing.get(key);
      if (pending === undefined) break;
      await pending.catch(() => {});
    }
    const leased = this.lease(key, Date.now());
    this.leasing.set(key, leased);
    try {
      return await leased;
    } finally {
      this.leasing.delete(key);
    }
  }

  private async lease(key: string, now: number): Promise<Verdict> {
    const lease = this.leases.get(key);
    // Slow start: an address seen once (or an instance that lives briefly) takes one hit,
    // a busy one up to a full batch, so little is leased and left unspent.
    const size = lease && lease.expires > now ? Math.min(batchFor(this.limit), lease.size * 2) : 1;
    const verdict = await hit(this.db, key, this.limit, this.windowSeconds, size);
    const granted = Math.max(0, Math.min(size, this.limit - (verdict.hits - size)));
    const expires = now + verdict.retryAfter * 1000;
    this.prune(now);
    // tokens −1 marks a refused window: no further database hit until it ends.
    this.leases.set(key, { tokens: granted > 0 ? granted - 1 : -1, size, expires });
    return { allowed: granted > 0, retryAfter: verdict.retryAfter };
  }

  /** Forgets ended leases once the map grows, so many addresses cannot fill memory. */
  private prune(now: number): void {
    if (this.leases.size < 10_000) return;
    for (const [key, lease] of this.leases) if (lease.expires <= now) this.leases.delete(key);
  }
}

function secondsUntil(expires: number, now: number): number {
  return Math.max(1, Math.ceil((expires - now) / 1000));
}

/**
 * Anonymous GETs under /api/v1: DCP_API_RATE_LIMIT a minute per address.
 * Signed-in and token requests are not counted. When the counter store is
 * unreachable the read goes ahead (it fails on its own if it needs the
 * database): an outage of the limiter must not turn every 404 into a 503.
 */
export function limitAnonymousApiReads(deps: Pick<Deps, 'db' | 'config' | 'logger'>): MiddlewareHandler<AppEnv> {
  const leases = new ReadLeases(deps.db, deps.config.apiRateLimitPerMinute * deps.config.rateLimitScale);
  return async (c, next) => {
    if ((c.req.method === 'GET' || c.req.method === 'HEAD') && c.get('actor').kind === 'anonymous') {
      const verdict = await leases.take(ipKey('api-read', clientIp(c, deps.config.trustProxy))).catch((error: unknown) => {
        deps.logger.warn({ code: (error as { code?: unknown }).code ?? 'unknown' }, 'rate-limit store unavailable: read allowed');
        return undefined;
      });
      if (verdict && !verdict.allowed) throw rateLimited(verdict.retryAfter);
    }
    await next();
  };
}
