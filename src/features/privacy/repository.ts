/**
 * The personal data a person's export gathers and their deletion removes.
 * It reads every table that holds data about one person, across features, on
 * purpose: an export that asked each feature's public services would show only
 * what those services show (a revoked token, an expired invitation), and the
 * right of access is to all of it.
 */
import type { Db, WriteTx } from '../../db/database.js';

export async function findAccount(db: Db, userId: string) {
  return db.selectFrom('users')
    .select(['id', 'email', 'display_name', 'email_verified_at', 'platform_role', 'preferred_lang', 'totp_enabled_at', 'password_hash', 'created_at', 'updated_at'])
    .where('id', '=', userId).executeTakeFirst();
}

export async function sessionsOf(db: Db, userId: string) {
  return db.selectFrom('sessions').select(['created_at', 'last_seen_at', 'expires_at', 'user_agent']).where('user_id', '=', userId).orderBy('created_at').execute();
}

export async function tokensOf(db: Db, userId: string) {
  return db.selectFrom('api_tokens')
    .select(['id', 'name', 'organisation_id', 'scope', 'hint', 'created_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId).orderBy('created_at').execute();
}

/**
 * Deletes the account row; sessions, memberships, API tokens and one-time
 * tokens go with it (ON DELETE CASCADE), records they made keep their owning
 * organisation, and mail still queued to the address is dropped.
 */
export async function deleteAccount(tx: WriteTx, userId: string, email: string): Promise<void> {
  await tx.deleteFrom('outbox').where('recipient', '=', email).execute();
  await tx.deleteFrom('users').where('id', '=', userId).execute();
}
