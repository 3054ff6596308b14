/**
 * Turns a credential into an Actor: a session cookie (browser) or an API token
 * (program). A session still owing its second factor — or of an admin or
 * coordinator who has not enrolled one — yields an anonymous actor.
 */
import type { Actor, Membership } from '../../core/policy/actor.js';
import type { Db } from '../../db/database.js';
import type { CurrentSession } from '../../http/app-env.js';
import { findLiveToken, markTokenUsed } from './api-tokens-repository.js';
import { sha256 } from './secrets.js';
import { findLiveSession, touchSession } from './sessions-repository.js';
import { listMemberships } from './users-repository.js';

/** Last-seen and last-used times are written at most this often. */
const TOUCH_EVERY_MS = 60_000;

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
  const owesSecondFactor = row.pending_second_factor || (row.platform_role !== null && row.totp_enabled_at === null);
  const session: CurrentSession = { idHash, userId: row.user_id, pendingSecondFactor: owesSecondFactor, csrfSecret: row.csrf_secret };
  if (owesSecondFactor) return { session, actor: { kind: 'anonymous' } };
  return {
    session,
    actor: { kind: 'user', userId: row.user_id, platformRole: row.platform_role, memberships: await membershipsOf(db, row.user_id), via: { kind: 'session' } },
  };
}

/**
 * The actor of an API token, or undefined when the token is unknown, revoked,
 * or its owner no longer belongs to the token's organisation. A token acts
 * only for its organisation and never with its owner's platform role.
 */
export async function authenticateToken(db: Db, token: string): Promise<Actor | undefined> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return undefined;
  const row = await findLiveToken(db, sha256(token));
  if (!row) return undefined;
  const membership = (await membershipsOf(db, row.user_id)).find((m) => m.organisationId === row.organisation_id);
  if (!membership) return undefined;
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > TOUCH_EVERY_MS) await markTokenUsed(db, row.id);
  return {
    kind: 'user',
    userId: row.user_id,
    platformRole: null,
    memberships: [membership],
    via: { kind: 'token', organisationId: row.organisation_id, scope: row.scope },
  };
}
