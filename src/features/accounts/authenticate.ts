/**
 * The authentication middleware: sets `actor` and `session` on every request
 * from `Authorization: Bearer <token>` or the session cookie; anonymous when
 * neither. A malformed or unknown Bearer token is refused (401), never
 * silently downgraded to anonymous.
 */
import type { MiddlewareHandler } from 'hono';
import { ANONYMOUS } from '../../core/policy/actor.js';
import { AppError } from '../../http/app-error.js';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { authenticateSession, authenticateToken } from './authentication.js';
import { clearSessionCookie, readSessionCookie } from './cookies.js';

/** @example app.use(authenticate(deps)); … c.get('actor') */
export function authenticate(deps: Pick<Deps, 'db' | 'config'>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('actor', ANONYMOUS);
    c.set('session', null);
    c.set('secureCookies', deps.config.secureCookies);
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const token = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization)?.[1];
      const actor = token
        ? await authenticateToken(deps.db, token, { method: c.req.method, path: c.req.path, requestId: c.get('requestId') })
        : undefined;
      if (!actor) {
        throw new AppError(
          'unauthenticated',
          'The API token is missing, malformed, revoked or unknown; send "Authorization: Bearer dcp_…"',
          [],
          {
            'WWW-Authenticate': 'Bearer error="invalid_token"',
          },
        );
      }
      c.set('actor', actor);
      return next();
    }
    const cookie = readSessionCookie(c);
    if (cookie) {
      const found = await authenticateSession(deps.db, cookie, deps.config.sessionIdleMinutes);
      if (found) {
        c.set('actor', found.actor);
        c.set('session', found.session);
      } else {
        clearSessionCookie(c);
      }
    }
    return next();
  };
}
