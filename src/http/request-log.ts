/**
 * One structured log line per request: method, the route that answered (its
 * pattern, `/invitations/:token`, never the path: paths can hold secrets such as
 * invitation tokens), status, duration and the request id. No query string: it
 * may carry personal data. Only a request no route answered logs its path.
 */
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from 'pino';
import type { AppEnv } from './app-env.js';

export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const start = performance.now();
    await next();
    const route = routePath(c, -1);
    const answered = route !== '' && route !== '*' && route !== '/*';
    logger.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        ...(answered ? { route } : { path: c.req.path }),
        status: c.res.status,
        ms: Math.round(performance.now() - start),
      },
      'request',
    );
  };
}
