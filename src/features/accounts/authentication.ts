/**
 * Turns a credential into an Actor: a session cookie (browser) or an API token
 * (program). A session still owing its second factor — or of an admin or
 * coordinator who has not enrolled one — yields an anonymous actor.
 *
 * Token use is audited here, where the token is known, at most once per token
 * per TOKEN_AUDIT_SECONDS: a program polling the API every second would
 * otherwise write 86,400 entries a day and bury the sign-ins and changes the
 * log exists for. An entry therefore means "this token was used, starting with
 * this request, at least once in the following minute"; what a token changed is
 * recorded separately by each change's own audit entry, so nothing that
 * modifies data goes unrecorded. The window is claimed with one UPDATE on
 * `api_tokens.last_used_at`, so instances sharing the database agree on it.
 */
import type { Actor, Membership } from '../../core/policy/actor.js';
import { secondFactorRequired } from '../../core/policy/policy.js';
import type { Db } from '../../db/database.js';
import type { CurrentSession } from '../../http/app-env.js';
import { recordTokenUse } from '../audit/index.js';
import { claimTokenUse, findLiveToken } from './api-tokens-repository.js';
import { sha256 } from './secrets.js';
import { findLiveSession, touchSession } from './sessions-repository.js';
import { listMemberships } from './users-repository.js';

/** Last-seen times are written at most this often. */
const TOUCH_EVERY_MS = 60_000;
/** A token's use is audited (and its last-used time written) at most this often. */
export const TOKEN_AUDIT_SECONDS = 60;

export const TOKEN_PREFIX = 'dcp_';

export async function membershipsOf(db: Db, userId: string): Promise<Membership[]> {
  return (await listMemberships(db, userId)).map((m) => ({ organisationId: m.organisation_id, role: m.role }));
}

/** The session behind a cookie value and the actor it yields; undefined when it is unknown or expired. */
export async function authenticateSession(
  db: Db,
  cookieValue: string,
  idleMinutes: number,
): Promise<{ session: CurrentSession; actor: Actor } | undefined> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(cookieValue)) return undefined;
  const idHash = sha256(cookieValue);
  const row = await findLiveSession(db, idHash, idleMinutes);
  if (!row) return undefined;
  if (Date.now() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) await touchSession(db, idHash);
  const owesSecondFactor = row.pending_second_factor || (secondFactorRequired(row.platform_role) && row.totp_enabled_at === null);
  const session: CurrentSession = { idHash, userId: row.user_id, pendingSecondFactor: owesSecondFactor, csrfSecret: row.csrf_secret };
  if (owesSecondFactor) return { session, actor: { kind: 'anonymous' } };
  return {
    session,
    actor: {
      kind: 'user',
      userId: row.user_id,
      platformRole: row.platform_role,
      memberships: await membershipsOf(db, row.user_id),
      via: { kind: 'session' },
    },
  };
}

/** The request a token authenticates, as the audit log quotes it (the path without its query). */
export interface TokenRequest {
  readonly method: string;
  readonly path: string;
  readonly requestId?: string | null;
}

/**
 * The actor of an API token, or undefined when the token is unknown, revoked,
 * or its owner no longer belongs to the token's organisation. A token acts
 * only for its organisation and never with its owner's platform role.
 * @example const actor = await authenticateToken(db, 'dcp_…', { method: 'GET', path: '/api/v1/me', requestId })
 */
export async function authenticateToken(db: Db, token: string, request: TokenRequest): Promise<Actor | undefined> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return undefined;
  const row = await findLiveToken(db, sha256(token));
  if (!row) return undefined;
  const membership = (await membershipsOf(db, row.user_id)).find((m) => m.organisationId === row.organisation_id);
  if (!membership) return undefined;
  const actor: Actor = {
    kind: 'user',
    userId: row.user_id,
    platformRole: null,
    memberships: [membership],
    via: { kind: 'token', organisationId: row.organisation_id, scope: row.scope },
  };
  if (await claimTokenUse(db, row.id, TOKEN_AUDIT_SECONDS)) {
    await recordTokenUse(db, { actor, tokenId: row.id, method: request.method, path: request.path, requestId: request.requestId ?? null });
  }
  return actor;
}
