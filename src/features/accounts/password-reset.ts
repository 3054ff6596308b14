/**
 * Forgotten passwords: a single-use link valid for an hour; using it sets the
 * new password and ends every session of the account. Asking for a link says
 * nothing about whether the address has an account.
 */
import type { Deps } from '../../http/app-env.js';
import { AppError } from '../../http/app-error.js';
import { mailAccount } from './account-mail.js';
import { issueToken, redeemToken } from './one-time-tokens.js';
import { assertAcceptablePassword } from './password-rules.js';
import { hashPassword } from './passwords.js';
import { normaliseEmail } from './secrets.js';
import { deleteSessionsOf } from './sessions-repository.js';
import { revokeAllTokensOf } from './api-tokens-repository.js';
import { clearFailures } from './sign-in-throttle.js';
import { findUserByEmail, findUserById, markEmailVerified, setPassword } from './users-repository.js';

export async function requestPasswordReset(deps: Pick<Deps, 'db' | 'config' | 'logger'>, email: string): Promise<void> {
  const user = await findUserByEmail(deps.db, normaliseEmail(email));
  if (!user) return;
  const token = await issueToken(deps.db, user.id, 'reset-password');
  await mailAccount(deps, user, 'reset', user.email, token);
}

export const RESET_LINK_INVALID = 'This reset link has expired or was already used; ask for a new one';

/**
 * Sets the new password with a reset token (once), signs the account out everywhere and
 * revokes its API tokens: a reset often follows a compromise, and whoever held the account
 * may have made tokens. All of it in one transaction, so a failure leaves the old state.
 */
export async function resetPassword(deps: Pick<Deps, 'db' | 'logger'>, token: string, newPassword: string): Promise<void> {
  assertAcceptablePassword(newPassword);
  const passwordHash = await hashPassword(newPassword);
  const userId = await deps.db.transaction().execute(async (tx) => {
    const used = await redeemToken(tx, token, 'reset-password');
    if (!used) throw new AppError('not-found', RESET_LINK_INVALID);
    const user = await findUserById(tx, used.user_id);
    if (!user) throw new AppError('not-found', RESET_LINK_INVALID);
    await setPassword(tx, user.id, passwordHash);
    // The mail reached the address, so it is confirmed too.
    await markEmailVerified(tx, user.id);
    await deleteSessionsOf(tx, user.id, null);
    await revokeAllTokensOf(tx, user.id);
    await clearFailures(tx, user.email);
    return user.id;
  });
  deps.logger.info({ event: 'password-reset', userId }, 'password reset');
}
