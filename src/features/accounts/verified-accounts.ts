/**
 * Accounts for an address someone else has vouched for — a single-sign-on
 * provider that says `email_verified: true`. Found by address (its
 * confirmation, if still pending, is done now) or created without a password,
 * which sign-up cannot do. The sso feature calls this instead of writing the
 * users table itself.
 */
import type { Db } from '../../db/database.js';
import type { PlatformRole } from '../../core/policy/actor.js';
import { normaliseEmail } from './secrets.js';
import { findUserByEmail, forgetUnprovenCredentials, insertUser, markEmailVerified } from './users-repository.js';

export interface VerifiedAccount {
  readonly id: string;
  /** True when this call made the account. */
  readonly created: boolean;
  readonly platformRole: PlatformRole | null;
  readonly totpEnabled: boolean;
}

/**
 * Runs in the caller's transaction when given one. Undefined only when the
 * address was taken and released again meanwhile (the caller may retry).
 * @example const account = await accountForVerifiedAddress(tx, 'ana@ict.go.ke', 'Ana')
 */
export async function accountForVerifiedAddress(db: Db, address: string, displayName: string): Promise<VerifiedAccount | undefined> {
  const email = normaliseEmail(address);
  const existing = await findUserByEmail(db, email);
  if (existing) {
    if (!existing.email_verified_at) {
      // Someone signed up with this address without proving it; the provider has now proved
      // it for this person, so nothing that sign-up set may open the account.
      await forgetUnprovenCredentials(db, existing.id);
      await markEmailVerified(db, existing.id);
      return { id: existing.id, created: false, platformRole: existing.platform_role, totpEnabled: false };
    }
    return { id: existing.id, created: false, platformRole: existing.platform_role, totpEnabled: existing.totp_enabled_at !== null };
  }
  const inserted = await insertUser(db, {
    email,
    displayName,
    passwordHash: null,
    verified: true,
    platformRole: null,
    preferredLang: null,
  });
  if (inserted) return { id: inserted.id, created: true, platformRole: null, totpEnabled: false };
  const raced = await findUserByEmail(db, email);
  return raced
    ? { id: raced.id, created: false, platformRole: raced.platform_role, totpEnabled: raced.totp_enabled_at !== null }
    : undefined;
}
