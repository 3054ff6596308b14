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
  /** Seconds until the window resets (at least 1). */
  readonly retryAfter: number;
}

/**
 * Counts one hit on `key` and says whether it is within `limit` per `windowSeconds`.
 * @example await hit(db, 'sign-in:ip:…', 10, 60) // { allowed: true, retryAfter: 60 }
 */
export async function hit(db: Db, key: string, limit: number, windowSeconds: number): Promise<Verdict> {
  const row = await sql<{ hits: number; remaining: number }>`
    insert into rate_limits as r (key, window_start, hits) values (${key}, now(), 1)
    on conflict (key) do update set
      window_start = case when r.window_start <= now() - make_interval(secs => ${windowSeconds}) then now() else r.window_start end,
      hits = case when r.window_start <= now() - make_interval(secs => ${windowSeconds}) then 1 else r.hits + 1 end
    returning hits, extract(epoch from (window_start + make_interval(secs => ${windowSeconds}) - now()))::float8 as remaining`
    .execute(db);
  const result = row.rows[0]!;
  // Now and then, drop windows long over so the table stays small.
  if (Math.random() < 0.01) await db.deleteFrom('rate_limits').where('window_start', '<', sql<Date>`now() - interval '1 day'`).execute();
  return { allowed: result.hits <= limit, retryAfter: Math.max(1, Math.ceil(result.remaining)) };
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
    const verdict = await hit(deps.db, ipKey(scope, clientIp(c, deps.config.trustProxy)), limit, 60);
    if (!verdict.allowed) throw rateLimited(verdict.retryAfter);
    await next();
  };
}

/**
 * Anonymous GETs under /api/v1: DCP_API_RATE_LIMIT a minute per address.
 * Signed-in and token requests are not counted. When the counter store is
 * unreachable the read goes ahead (it fails on its own if it needs the
 * database): an outage of the limiter must not turn every 404 into a 503.
 */
export function limitAnonymousApiReads(deps: Pick<Deps, 'db' | 'config' | 'logger'>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if ((c.req.method === 'GET' || c.req.method === 'HEAD') && c.get('actor').kind === 'anonymous') {
      const verdict = await hit(deps.db, ipKey('api-read', clientIp(c, deps.config.trustProxy)), deps.config.apiRateLimitPerMinute, 60).catch((error: unknown) => {
        deps.logger.warn({ code: (error as { code?: unknown }).code ?? 'unknown' }, 'rate-limit store unavailable: read allowed');
        return undefined;
      });
      if (verdict && !verdict.allowed) throw rateLimited(verdict.retryAfter);
    }
    await next();
  };
}
