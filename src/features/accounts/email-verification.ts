/** E-mail verification: a link by mail after sign-up; following it confirms the address. */
import type { UserRow } from '../../db/schema.js';
import type { Deps } from '../../http/app-env.js';
import { mailAccount } from './account-mail.js';
import { mayMailAddress } from './mail-limits.js';
import { issueToken, redeemToken } from './one-time-tokens.js';
import { markEmailVerified } from './users-repository.js';

/**
 * Issues a link and mails it, unless the address had its share of mails already
 * (mail-limits.ts): then the earlier link stays valid and nothing is sent.
 */
export async function sendVerification(deps: Pick<Deps, 'db' | 'config'>, user: UserRow): Promise<void> {
  if (!(await mayMailAddress(deps.db, user.email))) return;
  await deps.db.transaction().execute(async (tx) => {
    const token = await issueToken(tx, user.id, 'verify-email');
    await mailAccount({ db: tx, config: deps.config }, user, 'verify', user.email, token);
  });
}

/** Confirms the address the token was sent to; false when the token is unknown, expired or used. */
export async function verifyEmail(deps: Pick<Deps, 'db'>, token: string): Promise<boolean> {
  const used = await redeemToken(deps.db, token, 'verify-email');
  if (!used) return false;
  await markEmailVerified(deps.db, used.user_id);
  return true;
}
