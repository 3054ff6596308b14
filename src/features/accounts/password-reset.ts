/**
 * Forgotten passwords: a single-use link valid for an hour; using it sets the
 * new password and ends every session of the account.
 *
 * Asking for a link reveals nothing about the address, not even by its timing:
 * the request only enqueues one `account-password-reset` job, whatever the
 * address, and answers. The job decides, in the background: it counts the mail
 * against the address's share (mail-limits.ts, counted for unknown addresses too),
 * looks the account up and, if there is one, issues the token and queues the mail —
 * all in one transaction with the job's receipt, so a job run twice mails once.
 */
import { z } from 'zod';
import type { Deps } from '../../http/app-env.js';
import { AppError } from '../../http/app-error.js';
import { defineJob, enqueue } from '../../platform/jobs/index.js';
import { mailAccount } from './account-mail.js';
import { mayMailAddress } from './mail-limits.js';
import { issueToken, redeemToken } from './one-time-tokens.js';
import { assertAcceptablePassword } from './password-rules.js';
import { hashPassword } from './passwords.js';
import { normaliseEmail } from './secrets.js';
import { deleteSessionsOf } from './sessions-repository.js';
import { revokeAllTokensOf } from './api-tokens-repository.js';
import { clearFailures } from './sign-in-throttle.js';
import { findUserByEmail, findUserById, markEmailVerified, setPassword } from './users-repository.js';

export const passwordResetJob = defineJob({
  name: 'account-password-reset',
  // Normalised, as the form accepted it. It stays in the queue's tables for a day at
  // most after the job completes (platform/jobs/boss.ts), never in a log.
  payload: z.object({ email: z.string().min(1).max(254) }),
  retry: { limit: 5, delaySeconds: 10, backoff: true },
  timeoutSeconds: 60,
  async handle({ email: address }, ctx) {
    await ctx.once(async (tx) => {
      if (!(await mayMailAddress(tx, address))) return;
      const user = await findUserByEmail(tx, address);
      if (!user) return;
      const token = await issueToken(tx, user.id, 'reset-password');
      await mailAccount({ db: tx, config: ctx.config }, user, 'reset', user.email, token);
    });
  },
});

/** Enqueues the reset job; the same single insert for every address. */
export async function requestPasswordReset(deps: Pick<Deps, 'db'>, email: string): Promise<void> {
  await enqueue(deps.db, passwordResetJob, { email: normaliseEmail(email) });
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
