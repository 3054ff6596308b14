/**
 * Audit of authentication events at the HTTP edge: sign-ins, failed
 * sign-ins and API token use. It watches the accounts feature's routes from
 * outside (mounted before them) rather than living inside them, until that
 * feature records these itself; the entries name user and token ids only.
 *
 * - POST /api/v1/auth/sign-in, POST /sign-in, POST /sign-in/two-factor:
 *   success is a response that sets a session cookie; the session row says whose.
 *   A refusal (401) names the account the address belongs to, if any, never the address.
 * - Any request authenticated by a Bearer token: one `token.use` entry.
 */
import { createHash } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { recordFailedSignIn, recordSignIn, recordTokenUse } from './service.js';

const sha256 = (value: string) => createHash('sha256').update(value).digest();

async function userOfNewSession(deps: Pick<Deps, 'db'>, c: Context): Promise<string | undefined> {
  const cookie = /dcp_session=([^;]+)/.exec(c.res.headers.get('set-cookie') ?? '')?.[1];
  if (!cookie) return undefined;
  return (await deps.db.selectFrom('sessions').select('user_id').where('id_hash', '=', sha256(cookie)).executeTakeFirst())?.user_id;
}

async function emailOf(c: Context): Promise<string | undefined> {
  try {
    const type = c.req.header('content-type') ?? '';
    const body = type.includes('json') ? ((await c.req.json()) as Record<string, unknown>) : await c.req.parseBody();
    return typeof body['email'] === 'string' ? body['email'].trim().toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

function watchSignIn(deps: Pick<Deps, 'db' | 'logger'>, method: 'password' | 'totp'): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.req.method !== 'POST') return;
    const requestId = c.get('requestId');
    try {
      const userId = await userOfNewSession(deps, c);
      if (userId && c.res.status < 400) {
        await recordSignIn(deps.db, { userId, method, requestId });
      } else if (c.res.status === 401) {
        const email = method === 'password' ? await emailOf(c) : undefined;
        const account = email ? await deps.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst() : undefined;
        const sessionUser = c.get('session')?.userId;
        await recordFailedSignIn(deps.db, { userId: account?.id ?? sessionUser ?? null, reason: method === 'totp' ? 'second-factor' : 'credentials', requestId });
      }
    } catch (error) {
      // The sign-in itself has happened; a failed audit write is reported, not turned into a failed sign-in.
      deps.logger.error({ err: error, requestId }, 'audit of a sign-in failed');
    }
  };
}

function watchTokenUse(deps: Pick<Deps, 'db' | 'logger'>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get('actor');
    if (actor?.kind === 'user' && actor.via.kind === 'token') {
      const bearer = /^Bearer[ ]+(\S+)/i.exec(c.req.header('authorization') ?? '')?.[1];
      const token = bearer ? await deps.db.selectFrom('api_tokens').select('id').where('token_hash', '=', sha256(bearer)).executeTakeFirst() : undefined;
      if (token) await recordTokenUse(deps.db, { actor, tokenId: token.id, method: c.req.method, path: c.req.path, requestId: c.get('requestId') });
    }
    await next();
  };
}

/** Mount with `app.route('/', auditTrail(deps))` after authentication and before the accounts routes. */
export function auditTrail(deps: Pick<Deps, 'db' | 'logger'>) {
  return new Hono<AppEnv>()
    .use('/api/v1/auth/sign-in', watchSignIn(deps, 'password'))
    .use('/sign-in', watchSignIn(deps, 'password'))
    .use('/sign-in/two-factor', watchSignIn(deps, 'totp'))
    .use('/api/v1/*', watchTokenUse(deps));
}
