/**
 * HTTP caching. Every response is `Cache-Control: no-store` unless its route
 * says otherwise: most pages and API answers depend on who asks (a signed-in
 * header, an owner's view of invitees' addresses), and a shared cache must
 * never hand one person's answer to another. Routers serving public reads opt
 * into `publicCache` for their own paths: a short shared max-age plus an ETag,
 * so repeat visits on slow links cost a 304 and no body.
 */
import type { MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';

/** Seconds a public read may be reused by browsers and shared caches. */
export const PUBLIC_MAX_AGE = 300;

/**
 * The default: no-store on any response that declared no caching of its own.
 * @example app.use(noStoreByDefault())
 */
export function noStoreByDefault(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  };
}

/** @example router.use('/countries/*', publicCache(300)) */
export function publicCache(maxAgeSeconds: number): MiddlewareHandler {
  const withEtag = etag({ weak: true });
  return async (c, next) => {
    await withEtag(c, next);
    // A 304 carries the same caching as the 200 it revalidates, or it would overwrite it with the default.
    const reusable = c.res.status < 300 || c.res.status === 304;
    if (c.req.method === 'GET' && reusable && !c.res.headers.has('Cache-Control')) {
      c.header('Cache-Control', `public, max-age=${maxAgeSeconds}, stale-while-revalidate=${maxAgeSeconds}`);
    }
  };
}

/** What cachePublicly needs of a router (any Hono or OpenAPIHono, whatever its environment). */
interface Router {
  use(path: string, ...handlers: MiddlewareHandler[]): unknown;
}

/**
 * Declares public caching for a router's paths (relative to where it is mounted). Paths rather
 * than `*`: a router's `*` would match everything mounted beside it under the same prefix.
 * @example return cachePublicly(createRouter(), ['/countries', '/countries/*']).openapi(…)
 */
export function cachePublicly<R extends Router>(router: R, paths: readonly string[], maxAgeSeconds = PUBLIC_MAX_AGE): R {
  const cache = publicCache(maxAgeSeconds);
  for (const path of paths) router.use(path, cache);
  return router;
}
