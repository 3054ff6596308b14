/**
 * HTTP caching for public reads: a short shared max-age plus an ETag, so
 * repeat visits on slow links cost a 304 and no body.
 */
import type { MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';

/** @example app.use('/api/v1/countries/*', publicCache(300)) */
export function publicCache(maxAgeSeconds: number): MiddlewareHandler {
  const withEtag = etag({ weak: true });
  return async (c, next) => {
    await withEtag(c, next);
    if (c.req.method === 'GET' && c.res.status < 300 && !c.res.headers.has('Cache-Control')) {
      c.header('Cache-Control', `public, max-age=${maxAgeSeconds}, stale-while-revalidate=${maxAgeSeconds}`);
    }
  };
}
