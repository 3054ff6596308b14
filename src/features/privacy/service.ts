/**
 * A person's rights over their data (UN Personal Data Protection and Privacy
 * Principles): to see all of it (export as JSON) and to have it deleted. On
 * deletion, their sessions, tokens and memberships go; records they authored
 * stay, owned by their organisation; the audit log keeps their user id only.
 */
import type { Actor } from '../../core/policy/actor.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import { authorise, requireUser } from '../../http/authorise.js';
import { auditAbout, recordAudit } from '../audit/index.js';
import { forgetInvitationsTo, invitationsTo, membershipsOf, soleOwnerships } from '../organisations/index.js';
import * as repo from './repository.js';
import type { PersonalData } from './schemas.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Everything kept about the signed-in person. */
export async function exportMyData(db: Db, actor: Actor): Promise<PersonalData> {
  const user = requireUser(actor);
  authorise(actor, 'export', { type: 'account', userId: user.userId });
  const account = await repo.findAccount(db, user.userId);
  if (!account) throw new AppError('unauthenticated', 'This account no longer exists');
  const [memberships, sessions, tokens, invitations, auditEntries] = await Promise.all([
    membershipsOf(db, user.userId, actor), repo.sessionsOf(db, user.userId), repo.tokensOf(db, user.userId), invitationsTo(db, account.email), auditAbout(db, user.userId),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    account: {
      id: account.id, email: account.email, displayName: account.display_name, emailVerifiedAt: iso(account.email_verified_at),
      platformRole: account.platform_role, preferredLanguage: account.preferred_lang, twoFactorEnabled: account.totp_enabled_at !== null,
      hasPassword: account.password_hash !== null, createdAt: account.created_at.toISOString(), updatedAt: account.updated_at.toISOString(),
    },
    memberships: memberships.map((m) => ({ organisationId: m.organisation.id, organisationName: m.organisation.name, role: m.role, since: m.since })),
    sessions: sessions.map((s) => ({ createdAt: s.created_at.toISOString(), lastSeenAt: s.last_seen_at.toISOString(), expiresAt: s.expires_at.toISOString(), userAgent: s.user_agent })),
    apiTokens: tokens.map((t) => ({
      id: t.id, name: t.name, organisationId: t.organisation_id, scope: t.scope, hint: t.hint,
      createdAt: t.created_at.toISOString(), lastUsedAt: iso(t.last_used_at), revokedAt: iso(t.revoked_at),
    })),
    invitations,
    auditEntries,
  };
}

/**
 * Deletes the signed-in person's account. Refused (409) while they are the only
 * owner of an organisation: they hand it over first, so nothing is orphaned.
 */
export async function deleteMyAccount(db: Db, actor: Actor, requestId?: string | null): Promise<void> {
  const user = requireUser(actor);
  authorise(actor, 'delete', { type: 'account', userId: user.userId });
  const sole = await soleOwnerships(db, user.userId);
  if (sole.length > 0) {
    throw new AppError('conflict', `You are the only owner of ${sole.map((o) => o.name).join(', ')}: make someone else owner, then delete your account`,
      sole.map((o) => ({ field: 'organisation', message: o.id })));
  }
  const account = await repo.findAccount(db, user.userId);
  if (!account) throw new AppError('unauthenticated', 'This account no longer exists');
  await db.transaction().execute(async (tx) => {
    await forgetInvitationsTo(tx, account.email);
    await recordAudit(tx, { actor, action: 'account.delete', resourceType: 'user', resourceId: user.userId, subjectId: user.userId, requestId });
    await repo.deleteAccount(tx, user.userId, account.email);
  });
}
