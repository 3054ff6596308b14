/**
 * TOTP enrolment and the second step of sign-in. Enrolment stores a secret,
 * shows it once, and takes effect only when a code from it is entered.
 */
import type { Actor } from '../../core/policy/actor.js';
import type { Deps } from '../../http/app-env.js';
import { AppError } from '../../http/app-error.js';
import { authorise, requireUser } from '../../http/authorise.js';
import { recordSignIn } from '../audit/index.js';
import { confirmPassword } from './reauthenticate.js';
import { completeSecondFactor, type OpenedSession } from './sessions.js';
import { checkSecondFactor, checkTotp } from './sign-in.js';
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

/** The session a second-factor step completes, and the request to quote in the audit log. */
export interface PendingSession {
  readonly idHash: Buffer;
  /** True while the session still owes its second factor (enrolment then completes a sign-in). */
  readonly pendingSecondFactor: boolean;
  readonly requestId?: string | undefined;
}

/**
 * Turns TOTP on with a first code and completes the session's sign-in. For a
 * session still pending (an admin or coordinator enrolling at sign-in) this is
 * the sign-in's last step, audited as one. The session continues under a new
 * id: the caller writes the returned cookie.
 */
export async function confirmEnrolment(
  deps: Pick<Deps, 'db' | 'logger' | 'config'>,
  userId: string,
  code: string,
  session: PendingSession,
): Promise<OpenedSession> {
  const user = await users.findUserById(deps.db, userId);
  if (!user?.totp_secret || user.totp_enabled_at) throw new AppError('conflict', 'There is no two-factor set-up in progress');
  if (session.pendingSecondFactor) await checkSecondFactor(deps, user, code, session.requestId);
  else await checkTotp(deps, user, code);
  await users.enableTotp(deps.db, userId);
  const renewed = await completeSecondFactor(deps, session.idHash);
  if (session.pendingSecondFactor) await recordSignIn(deps.db, { userId, method: 'totp', requestId: session.requestId ?? null });
  deps.logger.info({ event: 'two-factor-enabled', userId }, 'two-factor sign-in enabled');
  return renewed;
}

/** The second step of sign-in: a code completes the pending session, under a new id the caller writes as the cookie. */
export async function completeSignIn(
  deps: Pick<Deps, 'db' | 'logger' | 'config'>,
  userId: string,
  code: string,
  session: PendingSession,
): Promise<OpenedSession> {
  const user = await users.findUserById(deps.db, userId);
  if (!user?.totp_enabled_at) throw new AppError('conflict', 'This account has no two-factor sign-in to complete');
  await checkSecondFactor(deps, user, code, session.requestId);
  const renewed = await completeSecondFactor(deps, session.idHash);
  await recordSignIn(deps.db, { userId, method: 'totp', requestId: session.requestId ?? null });
  deps.logger.info({ event: 'sign-in', userId, secondFactor: true }, 'signed in');
  return renewed;
}

/** Turns TOTP off (with the password); the policy refuses it to admins and coordinators, who must keep it. */
export async function disableTwoFactor(deps: Pick<Deps, 'db' | 'logger'>, actor: Actor, password: string): Promise<void> {
  const { userId } = requireUser(actor);
  authorise(actor, 'disable-two-factor', { type: 'account', userId });
  const user = await users.findUserById(deps.db, userId);
  if (!user) throw new AppError('unauthenticated', 'Sign in first');
  await confirmPassword(deps, user, password, 'body.password');
  await users.disableTotp(deps.db, userId);
  deps.logger.info({ event: 'two-factor-disabled', userId }, 'two-factor sign-in disabled');
}
