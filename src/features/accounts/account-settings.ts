/**
 * What a signed-in person changes about their own account: profile, password
 * (ending their other sessions) and e-mail address (confirmed at the new one).
 */
import type { Deps } from '../../http/app-env.js';
import { AppError } from '../../http/app-error.js';
import { mailAccount } from './account-mail.js';
import { mayMailAddress } from './mail-limits.js';
import { issueToken, redeemToken } from './one-time-tokens.js';
import { assertAcceptablePassword } from './password-rules.js';
import { hashPassword } from './passwords.js';
import { confirmPassword } from './reauthenticate.js';
import { normaliseEmail } from './secrets.js';
import { deleteSessionsOf } from './sessions-repository.js';
import * as users from './users-repository.js';

async function requireUser(deps: Pick<Deps, 'db'>, userId: string) {
  const user = await users.findUserById(deps.db, userId);
  if (!user) throw new AppError('unauthenticated', 'Sign in first');
  return user;
}

export async function updateProfile(
  deps: Pick<Deps, 'db'>,
  userId: string,
  profile: { displayName: string; preferredLang: string | null },
): Promise<void> {
  await users.updateProfile(deps.db, userId, { displayName: profile.displayName.trim(), preferredLang: profile.preferredLang });
}

/** Changes the password (after the current one, throttled like sign-in) and ends every other session; returns how many ended. */
export async function changePassword(
  deps: Pick<Deps, 'db' | 'logger'>,
  userId: string,
  input: { current: string; next: string; keepSession: Buffer },
): Promise<number> {
  const user = await requireUser(deps, userId);
  await confirmPassword(deps, user, input.current, 'body.currentPassword');
  assertAcceptablePassword(input.next, 'body.newPassword');
  await users.setPassword(deps.db, userId, await hashPassword(input.next));
  const ended = await deleteSessionsOf(deps.db, userId, input.keepSession);
  deps.logger.info({ event: 'password-changed', userId, endedSessions: ended }, 'password changed');
  return ended;
}

/**
 * Sends a confirmation link to the new address (after checking the current password, throttled like sign-in).
 * When another account holds that address, or the address had its share of mails
 * (mail-limits.ts), nothing is sent, and the answer is the same.
 */
export async function requestEmailChange(
  deps: Pick<Deps, 'db' | 'config' | 'logger'>,
  userId: string,
  input: { newEmail: string; password: string },
): Promise<void> {
  const user = await requireUser(deps, userId);
  await confirmPassword(deps, user, input.password, 'body.password');
  const newEmail = normaliseEmail(input.newEmail);
  const mayMail = await mayMailAddress(deps.db, newEmail);
  if (newEmail === user.email || (await users.findUserByEmail(deps.db, newEmail)) || !mayMail) return;
  await deps.db.transaction().execute(async (tx) => {
    const token = await issueToken(tx, userId, 'change-email', newEmail);
    await mailAccount({ db: tx, config: deps.config }, user, 'changeEmail', newEmail, token);
  });
}

export const EMAIL_LINK_INVALID = 'This confirmation link has expired or was already used';

/** Moves the account to the confirmed address and tells the old one. */
export async function confirmEmailChange(deps: Pick<Deps, 'db' | 'config' | 'logger'>, token: string): Promise<void> {
  const used = await redeemToken(deps.db, token, 'change-email');
  if (!used?.new_email) throw new AppError('not-found', EMAIL_LINK_INVALID);
  const user = await requireUser(deps, used.user_id);
  if (!(await users.changeEmail(deps.db, user.id, used.new_email))) throw new AppError('conflict', 'Another account now uses this address');
  await mailAccount(deps, user, 'emailChanged', user.email);
  deps.logger.info({ event: 'email-changed', userId: user.id }, 'e-mail address changed');
}
