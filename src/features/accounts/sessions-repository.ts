/** Storage of browser sessions, keyed by the SHA-256 of the cookie value. */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

export interface NewSession {
  readonly idHash: Buffer;
  readonly userId: string;
  readonly expiresAt: Date;
  readonly pendingSecondFactor: boolean;
  readonly csrfSecret: string;
  readonly userAgent: string | null;
}

export async function insertSession(db: Db, s: NewSession): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id_hash: s.idHash,
      user_id: s.userId,
      expires_at: s.expiresAt,
      pending_second_factor: s.pendingSecondFactor,
      csrf_secret: s.csrfSecret,
      user_agent: s.userAgent,
    })
    .execute();
}

/**
 * A session that has not passed its absolute expiry nor been idle longer than
 * `idleMinutes`, with what authentication needs of its user.
 */
export async function findLiveSession(db: Db, idHash: Buffer, idleMinutes: number) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id_hash',
      'sessions.user_id',
      'sessions.pending_second_factor',
      'sessions.csrf_secret',
      'sessions.last_seen_at',
      'users.platform_role',
      'users.totp_enabled_at',
    ])
    .where('sessions.id_hash', '=', idHash)
    .where('sessions.expires_at', '>', sql<Date>`now()`)
    .where('sessions.last_seen_at', '>', sql<Date>`now() - make_interval(mins => ${idleMinutes})`)
    .executeTakeFirst();
}

/** Marks the session as used now (callers throttle this to once a minute). */
export async function touchSession(db: Db, idHash: Buffer): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: sql`now()` })
    .where('id_hash', '=', idHash)
    .execute();
}

/**
 * Completes the session's second factor under a new id and CSRF secret, in one statement, so the
 * id known before the second factor (to anyone who fixed or saw it) opens nothing afterwards.
 * False when the old id no longer names a session.
 */
export async function completeSecondFactorAs(db: Db, oldIdHash: Buffer, renewed: { idHash: Buffer; csrfSecret: string }): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({ id_hash: renewed.idHash, csrf_secret: renewed.csrfSecret, pending_second_factor: false, last_seen_at: sql`now()` })
    .where('id_hash', '=', oldIdHash)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteSession(db: Db, idHash: Buffer): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Ends every session of the user except `keep` (all of them when `keep` is null); returns how many ended. */
export async function deleteSessionsOf(db: Db, userId: string, keep: Buffer | null): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keep) query = query.where('id_hash', '!=', keep);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Removes sessions past either timeout (housekeeping at sign-in). */
export async function deleteExpiredSessions(db: Db, idleMinutes: number): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([eb('expires_at', '<=', sql<Date>`now()`), eb('last_seen_at', '<=', sql<Date>`now() - make_interval(mins => ${idleMinutes})`)]),
    )
    .execute();
}

export async function listSessionsOf(db: Db, userId: string) {
  return db
    .selectFrom('sessions')
    .select(['id_hash', 'created_at', 'last_seen_at', 'expires_at', 'user_agent', 'pending_second_factor'])
    .where('user_id', '=', userId)
    .orderBy('last_seen_at', 'desc')
    .execute();
}
