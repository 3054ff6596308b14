/**
 * Asking a signed-in person to prove again that it is them, before a change
 * a stolen session must not make alone: a new e-mail address or password,
 * turning two-factor sign-in off, deleting the account.
 *
 * A wrong password counts against the same per-account budget as sign-in
 * (sign-in-throttle.ts: from the fifth failure in a day a growing wait, 429
 * with Retry-After), so a session left open cannot be used to guess the
 * password at argon2's pace. Accounts without a password (single sign-on
 * only) prove it with their two-factor code, throttled the same way in
 * checkTotp, or, with no second factor either, by a sign-in of the last
 * REAUTH_MINUTES.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Deps } from '../../http/app-env.js';
import { AppError } from '../../http/app-error.js';
import type { UserRow } from '../../db/schema.js';
import { verifyDecoy, verifyPassword } from './passwords.js';
import { rateLimited } from './rate-limits.js';
import { clearFailures, recordFailure, secondsBlocked } from './sign-in-throttle.js';
import { checkTotp } from './sign-in.js';
import { findUserById } from './users-repository.js';

export const WRONG_CURRENT_PASSWORD = 'The current password is not correct';

/** How recent a single-sign-on sign-in must be to stand in for a password. */
export const REAUTH_MINUTES = 10;

/**
 * Checks `password` against the account's, or throws: 429 while the account is
 * throttled (before any hashing), else `validation-failed` on `field`.
 */
export async function confirmPassword(deps: Pick<Deps, 'db' | 'logger'>, user: UserRow, password: string, field: string): Promise<void> {
  // The sign-in throttle's key is the address: one budget for guessing this account's password, however it is tried.
  const blocked = await secondsBlocked(deps.db, user.email);
  if (blocked > 0) throw rateLimited(blocked);
  const ok = user.password_hash ? await verifyPassword(user.password_hash, password) : await verifyDecoy(password);
  if (!ok) {
    await recordFailure(deps.db, user.email);
    deps.logger.info({ event: 'reauthentication-failed', userId: user.id }, 'current password refused');
    throw new AppError('validation-failed', WRONG_CURRENT_PASSWORD, [{ field, message: 'not correct' }]);
  }
  await clearFailures(deps.db, user.email);
}

/** What a person gives to prove it is them: their password, or (without one) their two-factor code. */
export interface Credential {
  readonly password?: string | undefined;
  readonly totp?: string | undefined;
}

/** Which proof an account gives: shown by the page, asked by confirmIdentity. */
export type ProofKind = 'password' | 'totp' | 'recent-sign-in';

export function proofKindOf(user: Pick<UserRow, 'password_hash' | 'totp_enabled_at'>): ProofKind {
  if (user.password_hash) return 'password';
  return user.totp_enabled_at ? 'totp' : 'recent-sign-in';
}

/** The proof `userId`'s account gives, or undefined when there is no such account. */
export async function proofRequired(db: Db, userId: string): Promise<ProofKind | undefined> {
  const user = await findUserById(db, userId);
  return user ? proofKindOf(user) : undefined;
}

/**
 * Proves the person behind a session again, by the proof their account has, or throws:
 * `validation-failed` (the field `body.password` or `body.totp`: missing or wrong), 429 while throttled,
 * `forbidden` when only a recent sign-in would do and this one is older.
 * @example await confirmIdentity(deps, { userId, sessionIdHash }, { password: form.password })
 */
export async function confirmIdentity(
  deps: Pick<Deps, 'db' | 'logger'>,
  who: { readonly userId: string; readonly sessionIdHash: Buffer },
  credential: Credential,
): Promise<void> {
  const user = await findUserById(deps.db, who.userId);
  if (!user) throw new AppError('unauthenticated', 'This account no longer exists');
  switch (proofKindOf(user)) {
    case 'password':
      if (!credential.password)
        throw new AppError('validation-failed', 'body.password: your current password is required', [
          { field: 'body.password', message: 'required' },
        ]);
      return confirmPassword(deps, user, credential.password, 'body.password');
    case 'totp':
      if (!credential.totp)
        throw new AppError('validation-failed', 'body.totp: the current two-factor code is required', [
          { field: 'body.totp', message: 'required' },
        ]);
      try {
        return await checkTotp(deps, user, credential.totp);
      } catch (error) {
        // A wrong code here is a wrong field of a valid session's request, not a failed sign-in.
        if (error instanceof AppError && error.code === 'unauthenticated')
          throw new AppError('validation-failed', 'body.totp: the two-factor code is not correct or was already used', [
            { field: 'body.totp', message: 'not correct' },
          ]);
        throw error;
      }
    case 'recent-sign-in': {
      const row = await deps.db
        .selectFrom('sessions')
        .select(sql<boolean>`created_at > now() - make_interval(mins => ${REAUTH_MINUTES})`.as('fresh'))
        .where('id_hash', '=', who.sessionIdHash)
        .executeTakeFirst();
      if (!row?.fresh)
        throw new AppError('forbidden', `Sign in again through your organisation, then do this within ${REAUTH_MINUTES} minutes`, [
          { field: 'session', message: 'sign in again' },
        ]);
      return;
    }
  }
}
