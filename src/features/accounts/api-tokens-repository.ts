/** Storage of API tokens (only their SHA-256 and a short hint are kept). */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ApiTokenRow } from '../../db/schema.js';

export async function insertApiToken(
  db: Db,
  token: { userId: string; organisationId: string; name: string; scope: 'read' | 'write'; tokenHash: Buffer; hint: string },
): Promise<ApiTokenRow> {
  return db
    .insertInto('api_tokens')
    .values({
      user_id: token.userId,
      organisation_id: token.organisationId,
      name: token.name,
      scope: token.scope,
      token_hash: token.tokenHash,
      hint: token.hint,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The live (unrevoked) token with this hash, with what authentication needs of its owner. */
export async function findLiveToken(db: Db, tokenHash: Buffer) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['api_tokens.id', 'api_tokens.user_id', 'api_tokens.organisation_id', 'api_tokens.scope', 'api_tokens.last_used_at'])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .executeTakeFirst();
}

/**
 * Marks the token used now, unless it was already marked within the last
 * `everySeconds`: true when this call moved `last_used_at` (one statement, so
 * concurrent requests on any instance agree on which of them "claimed" the window).
 */
export async function claimTokenUse(db: Db, id: string, everySeconds: number): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ last_used_at: sql`now()` })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', sql<Date>`now() - make_interval(secs => ${everySeconds})`)]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listTokensOf(db: Db, userId: string) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('organisations', 'organisations.id', 'api_tokens.organisation_id')
    .selectAll('api_tokens')
    .select('organisations.name as organisation_name')
    .where('api_tokens.user_id', '=', userId)
    .where('api_tokens.revoked_at', 'is', null)
    .orderBy('api_tokens.created_at', 'desc')
    .execute();
}

/** Revokes the user's token `id`; false when there is no such live token of theirs. */
export async function revokeToken(db: Db, userId: string, id: string): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: sql`now()` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Every token the user made, revoked ones too (for their data export). */
export async function listAllTokensOf(db: Db, userId: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'organisation_id', 'scope', 'hint', 'created_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

/** Revokes every live token of a person (after a password reset: whoever held the account may have made some). */
export async function revokeAllTokensOf(db: Db, userId: string): Promise<number> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
