/**
 * Storage of single sign-on: the pending login (state → PKCE verifier and
 * nonce). Accounts are found or created through the accounts feature
 * (`accountForVerifiedAddress`), never by writing its table here.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

export async function insertLogin(
  db: Db,
  row: { state_hash: Buffer; code_verifier: string; nonce: string; return_to: string; expires_at: Date },
): Promise<void> {
  await db
    .deleteFrom('oidc_logins')
    .where('expires_at', '<', sql<Date>`now()`)
    .execute();
  await db.insertInto('oidc_logins').values(row).execute();
}

/** Takes the pending login once: a replayed callback finds nothing. */
export async function takeLogin(db: Db, stateHash: Buffer) {
  return db
    .deleteFrom('oidc_logins')
    .where('state_hash', '=', stateHash)
    .where('expires_at', '>', sql<Date>`now()`)
    .returningAll()
    .executeTakeFirst();
}
