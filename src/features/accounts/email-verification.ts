/** E-mail verification: a link by mail after sign-up; following it confirms the address. */
import type { UserRow } from '../../db/schema.js';
import type { Deps } from '../../http/app-env.js';
import { mailAccount } from './account-mail.js';
import { issueToken, redeemToken } from './one-time-tokens.js';
import { markEmailVerified } from './users-repository.js';

export async function sendVerification(deps: Pick<Deps, 'db' | 'config' | 'logger'>, user: UserRow): Promise<void> {
  const token = await issueToken(deps.db, user.id, 'verify-email');
  await mailAccount(deps, user, 'verify', user.email, token);
}

/** Confirms the address the token was sent to; false when the token is unknown, expired or used. */
export async function verifyEmail(deps: Pick<Deps, 'db'>, token: string): Promise<boolean> {
  const used = await redeemToken(deps.db, token, 'verify-email');
  if (!used) return false;
  await markEmailVerified(deps.db, used.user_id);
  return true;
}
