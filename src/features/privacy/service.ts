/**
 * A person's rights over their data (UN Personal Data Protection and Privacy
 * Principles): to see all of it (export as JSON) and to have it deleted. On
 * deletion, their sessions, tokens and memberships go; records they authored
 * stay, owned by their organisation; the audit log keeps their user id only.
 */
import type { Actor } from '../../core/policy/actor.js';
import type { Db } from '../../db/database.js';
import type { Deps } from '../../http/app-env.js';
import { AppError } from '../../http/app-error.js';
import { authorise, requireUser } from '../../http/authorise.js';
import { accountDataOf, confirmIdentity, deleteAccountData, type Credential } from '../accounts/index.js';
import { auditAbout, recordAudit } from '../audit/index.js';
import { forgetInvitationsTo, invitationsTo, membershipsOf, soleOwnershipsLocked } from '../organisations/index.js';
import type { PersonalData, PersonalDataPart } from './schemas.js';

/** Everything kept about the signed-in person. */
export async function exportMyData(
  db: Db,
  actor: Actor,
  parts: readonly PersonalDataPart[] = [],
): Promise<PersonalData & Record<string, unknown>> {
  const user = requireUser(actor);
  authorise(actor, 'export', { type: 'account', userId: user.userId });
  // Each feature hands over its own part: accounts (account, sessions, tokens), organisations, audit.
  const mine = await accountDataOf(db, user.userId);
  if (!mine) throw new AppError('unauthenticated', 'This account no longer exists');
  const [memberships, invitations, auditEntries, shares] = await Promise.all([
    membershipsOf(db, user.userId, actor),
    invitationsTo(db, mine.account.email),
    auditAbout(db, user.userId),
    Promise.all(parts.map(async (part) => [part.name, await part.export(db, user.userId)] as const)),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    account: mine.account,
    memberships: memberships.map((m) => ({
      organisationId: m.organisation.id,
      organisationName: m.organisation.name,
      role: m.role,
      since: m.since,
    })),
    sessions: mine.sessions,
    apiTokens: mine.apiTokens,
    invitations,
    auditEntries,
    ...Object.fromEntries(shares),
  };
}

/**
 * Deletes the signed-in person's account, once they have proved again that it
 * is them (their password; without one, their two-factor code or a sign-in of
 * the last minutes: accounts' confirmIdentity, throttled like sign-in).
 * Refused (409) while they are the only owner of an organisation: they hand it
 * over first, so nothing is orphaned. `parts`: other features' shares of the person's data,
 * erased in the same transaction.
 */
export async function deleteMyAccount(
  deps: Pick<Deps, 'db' | 'logger'>,
  actor: Actor,
  credential: Credential,
  request: { readonly sessionIdHash: Buffer | undefined; readonly requestId?: string | null | undefined },
  parts: readonly PersonalDataPart[] = [],
): Promise<void> {
  const { db } = deps;
  const requestId = request.requestId;
  const user = requireUser(actor);
  authorise(actor, 'delete', { type: 'account', userId: user.userId });
  // The policy lets only a browser session delete an account; without one there is nothing to prove.
  if (!request.sessionIdHash) throw new AppError('forbidden', 'Delete your account from a signed-in browser session');
  await confirmIdentity(deps, { userId: user.userId, sessionIdHash: request.sessionIdHash }, credential);
  const mine = await accountDataOf(db, user.userId);
  if (!mine) throw new AppError('unauthenticated', 'This account no longer exists');
  const { email } = mine.account;
  await db.transaction().execute(async (tx) => {
    const sole = await soleOwnershipsLocked(tx, user.userId);
    if (sole.length > 0) {
      throw new AppError(
        'conflict',
        `You are the only owner of ${sole.map((o) => o.name).join(', ')}: make someone else owner, then delete your account`,
        sole.map((o) => ({ field: 'organisation', message: o.id })),
      );
    }
    await forgetInvitationsTo(tx, email);
    for (const part of parts) await part.erase(tx, user.userId);
    await recordAudit(tx, {
      actor,
      action: 'account.delete',
      resourceType: 'user',
      resourceId: user.userId,
      subjectId: user.userId,
      requestId,
    });
    await deleteAccountData(tx, user.userId, email);
  });
}
