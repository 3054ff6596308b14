/**
 * A person's account data for the privacy feature's export (everything kept,
 * revoked tokens and ended-but-unexpired sessions included, never a secret)
 * and the deletion of the account. The privacy feature composes these with the
 * other features' parts; only this feature reads and writes its tables.
 */
import type { Db } from '../../db/database.js';
import { listAllTokensOf } from './api-tokens-repository.js';
import { forgetMailTo } from '../../platform/mail/index.js';
import { listSessionsOf } from './sessions-repository.js';
import { deleteUser, findUserById } from './users-repository.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The account, its sessions and API tokens as the export shows them; undefined when there is no such account. */
export async function accountDataOf(db: Db, userId: string) {
  const user = await findUserById(db, userId);
  if (!user) return undefined;
  const [sessions, tokens] = await Promise.all([listSessionsOf(db, userId), listAllTokensOf(db, userId)]);
  return {
    account: {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      emailVerifiedAt: iso(user.email_verified_at),
      platformRole: user.platform_role,
      preferredLanguage: user.preferred_lang,
      twoFactorEnabled: user.totp_enabled_at !== null,
      hasPassword: user.password_hash !== null,
      createdAt: user.created_at.toISOString(),
      updatedAt: user.updated_at.toISOString(),
    },
    sessions: sessions
      .toSorted((a, b) => a.created_at.getTime() - b.created_at.getTime())
      .map((s) => ({
        createdAt: s.created_at.toISOString(),
        lastSeenAt: s.last_seen_at.toISOString(),
        expiresAt: s.expires_at.toISOString(),
        userAgent: s.user_agent,
      })),
    apiTokens: tokens.map((t) => ({
      id: t.id,
      name: t.name,
      organisationId: t.organisation_id,
      scope: t.scope,
      hint: t.hint,
      createdAt: t.created_at.toISOString(),
      lastUsedAt: iso(t.last_used_at),
      revokedAt: iso(t.revoked_at),
    })),
  };
}

/**
 * Deletes the account (sessions, memberships, tokens go with it) and drops mail
 * still kept for its address. Runs in the caller's transaction.
 * @example await deleteAccountData(tx, userId, 'ana@example.org')
 */
export async function deleteAccountData(db: Db, userId: string, email: string): Promise<void> {
  await forgetMailTo(db, email);
  await deleteUser(db, userId);
}
