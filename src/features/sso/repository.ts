/**
 * Storage of single sign-on: the pending login (state → PKCE verifier and
 * nonce), and the account a verified e-mail address belongs to. The account
 * rows are the accounts feature's table; single sign-on creates accounts
 * without a password, which that feature's sign-up cannot.
 */
import { sql } from 'kysely';
import type { Db, WriteTx } from '../../db/database.js';

export async function insertLogin(db: Db, row: { state_hash: Buffer; code_verifier: string; nonce: string; return_to: string; expires_at: Date }): Promise<void> {
  await db.deleteFrom('oidc_logins').where('expires_at', '<', sql<Date>`now()`).execute();
  await db.insertInto('oidc_logins').values(row).execute();
}

/** Takes the pending login once: a replayed callback finds nothing. */
export async function takeLogin(db: Db, stateHash: Buffer) {
  return db.deleteFrom('oidc_logins').where('state_hash', '=', stateHash).where('expires_at', '>', sql<Date>`now()`).returningAll().executeTakeFirst();
}

export async function findUserByEmail(db: Db | WriteTx, email: string) {
  return db.selectFrom('users').select(['id', 'platform_role', 'totp_enabled_at', 'email_verified_at']).where('email', '=', email).executeTakeFirst();
}

/** Creates an account for a verified address, without a password; undefined when the address was taken meanwhile. */
export async function insertSsoUser(tx: WriteTx, email: string, displayName: string): Promise<{ id: string } | undefined> {
  return tx.insertInto('users').values({ email, display_name: displayName, password_hash: null, email_verified_at: sql`now()` })
    .onConflict((oc) => oc.column('email').doNothing()).returning('id').executeTakeFirst();
}

export async function markVerified(tx: WriteTx, userId: string): Promise<void> {
  await tx.updateTable('users').set({ email_verified_at: sql`now()` }).where('id', '=', userId).where('email_verified_at', 'is', null).execute();
}
