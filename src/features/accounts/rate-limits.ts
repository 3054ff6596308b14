/**
 * Rate limits shared by every app instance: fixed windows counted in the
 * `rate_limits` table. Keys hold a digest of the client address, never the
 * address itself.
 */
import type { MiddlewareHandler } from 'hono';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { clientIp } from './client-ip.js';
import { sha256 } from './secrets.js';

export interface Verdict {
  readonly allowed: boolean;
  /** Hits counted in the window so far, this one included. */
  readonly hits: number;
  /** Seconds until the window resets (at least 1). */
  readonly retryAfter: number;
}

/**
 * Counts `cost` hits (default one) on `key` and says whether the window's total is within `limit` per `windowSeconds`.
 * @example await hit(db, 'sign-in:ip:…', 10, 60) // { allowed: true, hits: 1, retryAfter: 60 }
 */
export async function hit(db: Db, key: string, limit: number, windowSeconds: number, cost = 1): Promise<Verdict> {
  const row = await sql<{ hits: number; remaining: number }>`
    insert into rate_limits as r (key, window_start, hits) values (${key}, now(), ${cost})
    on conflict (key) do update set
      window_start = case when r.window_start <= now() - make_interval(secs => ${windowSeconds}) then now() else r.window_start end,
      hits = case when r.window_start <= now() - make_interval(secs => ${windowSeconds}) then ${cost} else r.hits + ${cost} end
    returning hits, extract(epoch from (window_start + make_interval(secs => ${windowSeconds}) - now()))::float8 as remaining`.execute(db);
  const result = row.rows[0]!;
  // Now and then, drop windows long over so the table stays small.
  if (Math.random() < 0.01)
    await db
      .deleteFrom('rate_limits')
      .where('window_start', '<', sql<Date>`now() - interval '1 day'`)
      .execute();
  return { allowed: result.hits <= limit, hits: Number(result.hits), retryAfter: Math.max(1, Math.ceil(result.remaining)) };
}

/** The AppError for a refused request: 429 with Retry-After. */
export function rateLimited(retryAfter: number): AppError {
  return new AppError('rate-limited', `Too many requests; try again in ${retryAfter} seconds`, [], { 'Retry-After': String(retryAfter) });
}

/** A key for `scope` and the request's client address. */
export function ipKey(scope: string, ip: string): string {
  return `${scope}:${sha256(ip).toString('base64url').slice(0, 22)}`;
}

/**
 * Refuses more than `limit` requests a minute from one address to this route.
 * @example pages.post('/sign-in', limitPerIp(deps, 'sign-in', 10), handler)
 */
export function limitPerIp(deps: Pick<Deps, 'db' | 'config'>, scope: string, limit: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const verdict = await hit(deps.db, ipKey(scope, clientIp(c, deps.config.trustProxy)), limit * deps.config.rateLimitScale, 60);
    if (!verdict.allowed) throw rateLimited(verdict.retryAfter);
    await next();
  };
}
