/** Issuing and redeeming the one-time tokens that account mails carry. */
import type { Db } from '../../db/database.js';
import { consumeToken, findUsableToken, insertAccountToken, voidTokens, type AccountTokenPurpose } from './account-tokens-repository.js';
import { randomSecret, sha256 } from './secrets.js';

const LIFETIME_MINUTES: Record<AccountTokenPurpose, number> = {
  'verify-email': 24 * 60,
  'reset-password': 60,
  'change-email': 24 * 60,
};

/** A new token (256 bits) replacing the user's unused ones of the same purpose. */
export async function issueToken(db: Db, userId: string, purpose: AccountTokenPurpose, newEmail?: string): Promise<string> {
  const token = randomSecret(32);
  await voidTokens(db, userId, purpose);
  await insertAccountToken(db, {
    idHash: sha256(token),
    userId,
    purpose,
    ...(newEmail ? { newEmail } : {}),
    expiresAt: new Date(Date.now() + LIFETIME_MINUTES[purpose] * 60_000),
  });
  return token;
}

/** True while the token can still be used (to show its form). */
export async function tokenUsable(db: Db, token: string, purpose: AccountTokenPurpose): Promise<boolean> {
  return (await findUsableToken(db, sha256(token), purpose)) !== undefined;
}

/** Uses the token once; undefined when it is unknown, expired or used. */
export async function redeemToken(db: Db, token: string, purpose: AccountTokenPurpose) {
  if (token.length > 100) return undefined;
  return consumeToken(db, sha256(token), purpose);
}
