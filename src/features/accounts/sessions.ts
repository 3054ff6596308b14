/**
 * Use cases of browser sessions: open one after sign-in (a fresh id every
 * time, against fixation), complete its second factor (under a fresh id
 * again), end it, end the others.
 */
import type { Deps } from '../../http/app-env.js';
import { AppError } from '../../http/app-error.js';
import { randomSecret, sha256 } from './secrets.js';
import * as repo from './sessions-repository.js';

export interface OpenedSession {
  /** The cookie value: 128 random bits, base64url. Only its SHA-256 is stored. */
  readonly cookieValue: string;
  readonly csrfSecret: string;
  readonly maxAgeSeconds: number;
}

export async function openSession(
  deps: Pick<Deps, 'db' | 'config'>,
  userId: string,
  options: { pendingSecondFactor: boolean; userAgent: string | undefined },
): Promise<OpenedSession> {
  const cookieValue = randomSecret(16);
  const csrfSecret = randomSecret(16);
  const maxAgeSeconds = deps.config.sessionAbsoluteHours * 3600;
  await repo.deleteExpiredSessions(deps.db, deps.config.sessionIdleMinutes);
  await repo.insertSession(deps.db, {
    idHash: sha256(cookieValue),
    userId,
    expiresAt: new Date(Date.now() + maxAgeSeconds * 1000),
    pendingSecondFactor: options.pendingSecondFactor,
    csrfSecret,
    userAgent: options.userAgent?.slice(0, 200) ?? null,
  });
  return { cookieValue, csrfSecret, maxAgeSeconds };
}

/**
 * Completes the second factor of the session `idHash` and gives it a new id and CSRF secret:
 * the caller writes the new cookie. The session keeps its absolute expiry.
 */
export async function completeSecondFactor(deps: Pick<Deps, 'db' | 'config'>, idHash: Buffer): Promise<OpenedSession> {
  const cookieValue = randomSecret(16);
  const csrfSecret = randomSecret(16);
  if (!(await repo.completeSecondFactorAs(deps.db, idHash, { idHash: sha256(cookieValue), csrfSecret }))) {
    throw new AppError('unauthenticated', 'The sign-in has ended; sign in again');
  }
  return { cookieValue, csrfSecret, maxAgeSeconds: deps.config.sessionAbsoluteHours * 3600 };
}

export async function endSession(deps: Pick<Deps, 'db'>, idHash: Buffer): Promise<void> {
  await repo.deleteSession(deps.db, idHash);
}

/** Ends every other session of the user; returns how many ended. */
export async function endOtherSessions(deps: Pick<Deps, 'db'>, userId: string, keep: Buffer): Promise<number> {
  return repo.deleteSessionsOf(deps.db, userId, keep);
}

/** The user's sessions for the account page, the current one marked. */
export async function listSessions(deps: Pick<Deps, 'db'>, userId: string, current: Buffer) {
  const rows = await repo.listSessionsOf(deps.db, userId);
  return rows.map((r) => ({
    current: r.id_hash.equals(current),
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    userAgent: r.user_agent,
  }));
}
