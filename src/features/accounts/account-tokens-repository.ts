/**
 * One-time tokens sent by mail: e-mail verification, password reset and
 * change of e-mail. Each is used at most once and expires.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { AccountTokenRow } from '../../db/schema.js';

export type AccountTokenPurpose = AccountTokenRow['purpose'];

export async function insertAccountToken(
  db: Db,
  token: { idHash: Buffer; userId: string; purpose: AccountTokenPurpose; newEmail?: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('account_tokens')
    .values({
      id_hash: token.idHash,
      user_id: token.userId,
      purpose: token.purpose,
      new_email: token.newEmail ?? null,
      expires_at: token.expiresAt,
    })
    .execute();
}

/** An unused, unexpired token of this purpose, without using it. */
export async function findUsableToken(db: Db, idHash: Buffer, purpose: AccountTokenPurpose): Promise<AccountTokenRow | undefined> {
  return db
    .selectFrom('account_tokens')
    .selectAll()
    .where('id_hash', '=', idHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

/**
 * Uses the token: marks it used if it was usable, atomically, so two requests
 * racing with one token cannot both succeed. Returns the token as it was.
 */
export async function consumeToken(db: Db, idHash: Buffer, purpose: AccountTokenPurpose): Promise<AccountTokenRow | undefined> {
  return db
    .updateTable('account_tokens')
    .set({ used_at: sql`now()` })
    .where('id_hash', '=', idHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returningAll()
    .executeTakeFirst();
}

/** Voids the user's other unused tokens of a purpose (a new reset link replaces the old one). */
export async function voidTokens(db: Db, userId: string, purpose: AccountTokenPurpose): Promise<void> {
  await db
    .updateTable('account_tokens')
    .set({ used_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}
