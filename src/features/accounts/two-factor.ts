/**
 * TOTP enrolment and the second step of sign-in. Enrolment stores a secret,
 * shows it once, and takes effect only when a code from it is entered.
 */
import type { Deps } from '../../http/app-env.js';
import { AppError } from '../../http/app-error.js';
import { verifyPassword } from './passwords.js';
import { completeSecondFactor } from './sessions-repository.js';
import { checkTotp } from './sign-in.js';
import { newTotpSecret, totpUri } from './totp.js';
import * as users from './users-repository.js';

export interface Enrolment {
  readonly secret: string;
  readonly uri: string;
}

/** The secret being enrolled, created on first call; undefined when TOTP is already on. */
export async function pendingEnrolment(deps: Pick<Deps, 'db'>, userId: string, restart = false): Promise<Enrolment | undefined> {
  const user = await users.findUserById(deps.db, userId);
  if (!user || user.totp_enabled_at) return undefined;
  let secret = user.totp_secret;
  if (!secret || restart) {
    secret = newTotpSecret();
    await users.setTotpSecret(deps.db, userId, secret);
  }
  return { secret, uri: totpUri(secret, user.email) };
}

/** Turns TOTP on with a first code and completes the session's sign-in. */
export async function confirmEnrolment(deps: Pick<Deps, 'db' | 'logger'>, userId: string, code: string, session: Buffer): Promise<void> {
  const user = await users.findUserById(deps.db, userId);
  if (!user?.totp_secret || user.totp_enabled_at) throw new AppError('conflict', 'There is no two-factor set-up in progress');
  await checkTotp(deps, user, code);
  await users.enableTotp(deps.db, userId);
  await completeSecondFactor(deps.db, session);
  deps.logger.info({ event: 'two-factor-enabled', userId }, 'two-factor sign-in enabled');
}

/** The second step of sign-in: a code completes the pending session. */
export async function completeSignIn(deps: Pick<Deps, 'db' | 'logger'>, userId: string, code: string, session: Buffer): Promise<void> {
  const user = await users.findUserById(deps.db, userId);
  if (!user?.totp_enabled_at) throw new AppError('conflict', 'This account has no two-factor sign-in to complete');
  await checkTotp(deps, user, code);
  await completeSecondFactor(deps.db, session);
  deps.logger.info({ event: 'sign-in', userId, secondFactor: true }, 'signed in');
}

/** Turns TOTP off (with the password); refused for admins and coordinators, who must keep it. */
export async function disableTwoFactor(deps: Pick<Deps, 'db' | 'logger'>, userId: string, password: string): Promise<void> {
  const user = await users.findUserById(deps.db, userId);
  if (!user) throw new AppError('unauthenticated', 'Sign in first');
  if (user.platform_role) throw new AppError('forbidden', 'Administrators and coordinators must keep two-factor sign-in');
  if (!user.password_hash || !(await verifyPassword(user.password_hash, password))) {
    throw new AppError('validation-failed', 'The password is not correct', [{ field: 'body.password', message: 'not correct' }]);
  }
  await users.disableTotp(deps.db, userId);
  deps.logger.info({ event: 'two-factor-disabled', userId }, 'two-factor sign-in disabled');
}
