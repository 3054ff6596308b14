/**
 * Signing in with an e-mail address and password. Wrong address and wrong
 * password are indistinguishable (same message, same argon2 work). After
 * repeated failures the address is refused for a growing delay.
 *
 * Audit: `auth.sign-in` is written when a session becomes usable (here when no
 * second factor is owed, else by the second step in two-factor.ts);
 * `auth.sign-in-failed` for a wrong password, an unconfirmed address or a wrong
 * second-factor code, naming the account by id (null for an unknown address),
 * never by address. Attempts refused by the throttle before any check are not logged.
 */
import { secondFactorRequired } from '../../core/policy/policy.js';
import { AppError } from '../../http/app-error.js';
import type { Deps } from '../../http/app-env.js';
import { recordFailedSignIn, recordSignIn } from '../audit/index.js';
import { sendVerification } from './email-verification.js';
import { rateLimited } from './rate-limits.js';
import { normaliseEmail } from './secrets.js';
import { openSession, type OpenedSession } from './sessions.js';
import { clearFailures, recordFailure, secondsBlocked } from './sign-in-throttle.js';
import { matchTotp } from './totp.js';
import { verifyDecoy, verifyPassword } from './passwords.js';
import { claimTotpStep, findUserByEmail } from './users-repository.js';
import type { UserRow } from '../../db/schema.js';

export const BAD_CREDENTIALS = 'The e-mail address or password is not correct';

export type SignInOutcome =
  /** Signed in fully. */
  | { readonly kind: 'signed-in'; readonly user: UserRow; readonly session: OpenedSession }
  /** Password right; a TOTP code is still owed (the session is pending). */
  | { readonly kind: 'second-factor'; readonly user: UserRow; readonly session: OpenedSession }
  /** An admin or coordinator without TOTP: may only enrol (the session is pending). */
  | { readonly kind: 'enrol'; readonly user: UserRow; readonly session: OpenedSession };

export interface SignInInput {
  readonly email: string;
  readonly password: string;
  readonly userAgent: string | undefined;
  /** Quoted in the audit log. */
  readonly requestId?: string | undefined;
}

/** Checks the password and the account state, or throws the AppError to show. */
async function checkCredentials(deps: Pick<Deps, 'db' | 'config' | 'logger'>, input: SignInInput): Promise<UserRow> {
  const email = normaliseEmail(input.email);
  const blocked = await secondsBlocked(deps.db, email);
  if (blocked > 0) throw rateLimited(blocked);
  const user = await findUserByEmail(deps.db, email);
  const ok = user?.password_hash ? await verifyPassword(user.password_hash, input.password) : await verifyDecoy(input.password);
  if (!user || !ok) {
    await recordFailure(deps.db, email, deps.config.rateLimitScale);
    await recordFailedSignIn(deps.db, { userId: user?.id ?? null, reason: 'credentials', requestId: input.requestId ?? null });
    deps.logger.info({ event: 'sign-in-failed' }, 'sign-in failed');
    throw new AppError('unauthenticated', BAD_CREDENTIALS);
  }
  if (!user.email_verified_at) {
    await recordFailedSignIn(deps.db, { userId: user.id, reason: 'unverified', requestId: input.requestId ?? null });
    await sendVerification(deps, user);
    throw new AppError('forbidden', 'Confirm your e-mail address first: we have sent you a new link');
  }
  await clearFailures(deps.db, email);
  return user;
}

/**
 * The sign-in form: opens a session, pending when a second factor is owed.
 * @example const outcome = await signInWithPassword(deps, { email, password, userAgent })
 */
export async function signInWithPassword(deps: Pick<Deps, 'db' | 'config' | 'logger'>, input: SignInInput): Promise<SignInOutcome> {
  const user = await checkCredentials(deps, input);
  const kind = user.totp_enabled_at ? 'second-factor' : secondFactorRequired(user.platform_role) ? 'enrol' : 'signed-in';
  const session = await openSession(deps, user.id, { pendingSecondFactor: kind !== 'signed-in', userAgent: input.userAgent });
  if (kind === 'signed-in') await recordSignIn(deps.db, { userId: user.id, method: 'password', requestId: input.requestId ?? null });
  deps.logger.info({ event: 'sign-in', userId: user.id, pending: kind !== 'signed-in' }, 'signed in');
  return { kind, user, session } as SignInOutcome;
}

/**
 * The API: one request, with the TOTP code in it when the account has one.
 * Never opens a pending session; an admin or coordinator without TOTP must enrol on the account page first.
 */
export async function signInForApi(
  deps: Pick<Deps, 'db' | 'config' | 'logger'>,
  input: SignInInput & { readonly totp?: string | undefined },
): Promise<{ user: UserRow; session: OpenedSession }> {
  const user = await checkCredentials(deps, input);
  if (user.totp_enabled_at) {
    if (!input.totp)
      throw new AppError('unauthenticated', 'This account uses two-factor sign-in: send the current code as "totp"', [
        { field: 'body.totp', message: 'required for this account' },
      ]);
    await checkSecondFactor(deps, user, input.totp, input.requestId);
  } else if (secondFactorRequired(user.platform_role)) {
    throw new AppError('forbidden', 'Administrators and coordinators must set up two-factor sign-in first: sign in at /sign-in to do so');
  }
  const session = await openSession(deps, user.id, { pendingSecondFactor: false, userAgent: input.userAgent });
  await recordSignIn(deps.db, { userId: user.id, method: user.totp_enabled_at ? 'totp' : 'password', requestId: input.requestId ?? null });
  deps.logger.info({ event: 'sign-in', userId: user.id, via: 'api' }, 'signed in');
  return { user, session };
}

/** checkTotp as a step of signing in: a refused code is also a failed sign-in in the audit log. */
export async function checkSecondFactor(
  deps: Pick<Deps, 'db' | 'logger'>,
  user: Pick<UserRow, 'id' | 'totp_secret'>,
  code: string,
  requestId: string | null | undefined,
): Promise<void> {
  try {
    await checkTotp(deps, user, code);
  } catch (error) {
    if (error instanceof AppError && error.code === 'unauthenticated') {
      await recordFailedSignIn(deps.db, { userId: user.id, reason: 'second-factor', requestId: requestId ?? null });
    }
    throw error;
  }
}

/** Accepts a TOTP code once (a replayed code is refused), or throws. */
export async function checkTotp(deps: Pick<Deps, 'db' | 'logger'>, user: Pick<UserRow, 'id' | 'totp_secret'>, code: string): Promise<void> {
  // Guessing six digits is throttled per account like passwords are.
  const throttleKey = `totp:${user.id}`;
  const blocked = await secondsBlocked(deps.db, throttleKey);
  if (blocked > 0) throw rateLimited(blocked);
  const step = user.totp_secret ? matchTotp(user.totp_secret, code) : undefined;
  if (step !== undefined && (await claimTotpStep(deps.db, user.id, step))) {
    await clearFailures(deps.db, throttleKey);
  } else {
    await recordFailure(deps.db, throttleKey);
    deps.logger.info({ event: 'second-factor-failed', userId: user.id }, 'second factor refused');
    throw new AppError('unauthenticated', 'The two-factor code is not correct or was already used', [
      { field: 'body.totp', message: 'not correct' },
    ]);
  }
}
