/**
 * Use cases of organisations, their members and invitations. Each takes who
 * is asking (an Actor), asks the policy, changes data in one transaction and
 * records the change in the audit log in that same transaction.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { can } from '../../core/policy/policy.js';
import type { Actor } from '../../core/policy/actor.js';
import type { Db, WriteTx } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import { authorise, requireUser } from '../../http/authorise.js';
import { decodeCursor, paginate } from '../../http/pagination.js';
import { accountExists, emailOfAccount } from '../accounts/index.js';
import { recordAudit, SYSTEM } from '../audit/index.js';
import { m49OfIso3 } from '../reference/index.js';
import { auditSnapshot, presentInvitation, presentMember, presentOrganisation } from './presenters.js';
import * as repo from './repository.js';
import type {
  Invitation,
  Member,
  MembershipView,
  Organisation,
  OrganisationInput,
  OrganisationListQuery,
  OrganisationPatch,
  VerificationInput,
} from './schemas.js';

type Role = Member['role'];
/** Who asks, and the request to quote in the audit log. */
export interface Asker {
  readonly actor: Actor;
  readonly requestId?: string | null;
}

/** How long an invitation link stays usable. */
export const INVITATION_DAYS = 7;

const hashToken = (token: string) => createHash('sha256').update(token).digest();

function notFound(id: string): AppError {
  return new AppError('not-found', `No organisation with id "${id}"`);
}

/** Refuses an unknown organisation with 404 before asking the policy, which would answer 403. */
async function requireOrganisation(db: Db, id: string): Promise<void> {
  if (!(await repo.findOrganisation(db, id))) throw notFound(id);
}

/** The unique index on lower(name) turned into a conflict on the field to fix. */
function nameTakenOr(error: unknown, name: string | undefined): unknown {
  if (!isUniqueViolation(error)) return error;
  return new AppError('conflict', `An organisation named "${name}" already exists`, [{ field: 'body.name', message: 'already taken' }]);
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

async function countryM49(db: Db | WriteTx, iso3: string | null | undefined): Promise<string | null | undefined> {
  if (iso3 === undefined || iso3 === null) return iso3;
  const m49 = await m49OfIso3(db, iso3);
  if (!m49)
    throw new AppError('validation-failed', `body.country: no country with ISO code "${iso3}"`, [
      { field: 'body.country', message: 'unknown ISO alpha-3 code' },
    ]);
  return m49;
}

function present(actor: Actor, row: repo.OrganisationRow): Organisation {
  return presentOrganisation(row, {
    showDomains:
      can(actor, 'map-domains', { type: 'organisation', id: row.id }) || can(actor, 'update', { type: 'organisation', id: row.id }),
  });
}

/** A page of organisations by name; public. */
export async function listOrganisations(
  db: Db,
  actor: Actor,
  query: OrganisationListQuery,
): Promise<{ data: Organisation[]; next: string | null }> {
  authorise(actor, 'list', { type: 'organisations' });
  const afterName = decodeCursor(query.cursor, z.string().max(200));
  const m49 = query.country ? await m49OfIso3(db, query.country) : undefined;
  if (query.country && !m49) return { data: [], next: null };
  const rows = await repo.listOrganisations(db, {
    kind: query.kind,
    countryM49: m49,
    verification: query.verification,
    afterName,
    limit: query.limit + 1,
  });
  const { items, next } = paginate(rows, query.limit, (r) => r.name.toLowerCase());
  return { data: items.map((r) => present(actor, r)), next };
}

export async function getOrganisation(db: Db, actor: Actor, id: string): Promise<Organisation> {
  authorise(actor, 'read', { type: 'organisation', id });
  const row = await repo.findOrganisation(db, id);
  if (!row) throw notFound(id);
  return present(actor, row);
}

/**
 * Founds an organisation; the person founding it becomes its first owner.
 * @example await createOrganisation(db, { actor }, { name: 'Ministry of ICT', kind: 'member-state', country: 'KEN' })
 */
export async function createOrganisation(db: Db, asker: Asker, input: OrganisationInput): Promise<Organisation> {
  const { actor } = asker;
  authorise(actor, 'create', { type: 'organisations' });
  const user = requireUser(actor);
  try {
    return await db.transaction().execute(async (tx) => {
      const id = await repo.insertOrganisation(tx, {
        name: input.name,
        acronym: input.acronym ?? null,
        kind: input.kind,
        country_m49: (await countryM49(tx, input.country)) ?? null,
        website: input.website ?? null,
        description: input.description ?? null,
      });
      await repo.insertMembership(tx, id, user.userId, 'owner');
      const row = (await repo.findOrganisation(tx, id))!;
      await recordAudit(tx, {
        actor,
        action: 'organisation.create',
        resourceType: 'organisation',
        resourceId: id,
        after: auditSnapshot(row),
        requestId: asker.requestId,
      });
      await recordAudit(tx, {
        actor,
        action: 'membership.add',
        resourceType: 'membership',
        resourceId: `${id}/${user.userId}`,
        subjectId: user.userId,
        after: { organisationId: id, userId: user.userId, role: 'owner' },
        requestId: asker.requestId,
      });
      return presentOrganisation(row, { showDomains: true });
    });
  } catch (error) {
    throw nameTakenOr(error, input.name);
  }
}

export async function updateOrganisation(db: Db, asker: Asker, id: string, patch: OrganisationPatch): Promise<Organisation> {
  const { actor } = asker;
  await requireOrganisation(db, id);
  authorise(actor, 'update', { type: 'organisation', id });
  try {
    return await db.transaction().execute(async (tx) => {
      const before = await repo.lockOrganisation(tx, id);
      if (!before) throw notFound(id);
      const m49 = await countryM49(tx, patch.country);
      await repo.updateOrganisation(tx, id, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.acronym !== undefined ? { acronym: patch.acronym } : {}),
        ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
        ...(m49 !== undefined ? { country_m49: m49 } : {}),
        ...(patch.website !== undefined ? { website: patch.website } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
      });
      const after = (await repo.findOrganisation(tx, id))!;
      await recordAudit(tx, {
        actor,
        action: 'organisation.update',
        resourceType: 'organisation',
        resourceId: id,
        before: auditSnapshot(before),
        after: auditSnapshot(after),
        requestId: asker.requestId,
      });
      return present(actor, after);
    });
  } catch (error) {
    throw nameTakenOr(error, patch.name);
  }
}

/** Marks an organisation verified (or not) and sets its single-sign-on domains; coordinators and admins. */
export async function verifyOrganisation(db: Db, asker: Asker, id: string, input: VerificationInput): Promise<Organisation> {
  const { actor } = asker;
  await requireOrganisation(db, id);
  authorise(actor, 'verify', { type: 'organisation', id });
  if (input.emailDomains) authorise(actor, 'map-domains', { type: 'organisation', id });
  const user = requireUser(actor);
  return db.transaction().execute(async (tx) => {
    const before = (await repo.lockOrganisation(tx, id))!;
    const verified = input.verification === 'verified';
    await repo.updateOrganisation(tx, id, {
      verification: input.verification,
      verified_at: verified ? (before.verification === 'verified' && before.verified_at ? before.verified_at : new Date()) : null,
      verified_by: verified ? (before.verification === 'verified' ? before.verified_by : user.userId) : null,
      ...(input.emailDomains ? { email_domains: [...new Set(input.emailDomains)] } : {}),
    });
    const after = (await repo.findOrganisation(tx, id))!;
    await recordAudit(tx, {
      actor,
      action: 'organisation.verify',
      resourceType: 'organisation',
      resourceId: id,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
      requestId: asker.requestId,
    });
    return present(actor, after);
  });
}

export async function listMembers(db: Db, actor: Actor, id: string): Promise<Member[]> {
  await requireOrganisation(db, id);
  authorise(actor, 'read-members', { type: 'organisation', id });
  return (await repo.listMembersWithNames(db, id)).map(presentMember);
}

/** Adds an existing account directly, without an invitation (admins, to bootstrap an organisation). */
export async function addMember(db: Db, asker: Asker, id: string, input: { userId: string; role: Role }): Promise<Member> {
  const { actor } = asker;
  await requireOrganisation(db, id);
  authorise(actor, 'add-member', { type: 'organisation', id });
  if (!(await accountExists(db, input.userId))) throw new AppError('not-found', `No user with id "${input.userId}"`);
  return db.transaction().execute(async (tx) => {
    await repo.lockOrganisation(tx, id);
    if (!(await repo.insertMembership(tx, id, input.userId, input.role)))
      throw new AppError('conflict', 'This person is already a member; change their role instead');
    await recordAudit(tx, {
      actor,
      action: 'membership.add',
      resourceType: 'membership',
      resourceId: `${id}/${input.userId}`,
      subjectId: input.userId,
      after: { organisationId: id, userId: input.userId, role: input.role },
      requestId: asker.requestId,
    });
    return memberOf(tx, id, input.userId);
  });
}

async function memberOf(db: Db | WriteTx, organisationId: string, userId: string): Promise<Member> {
  const [row] = await repo.listMembersWithNames(db, organisationId, userId);
  if (!row) throw new AppError('not-found', `No member with id "${userId}" in this organisation`);
  return presentMember(row);
}

/** The last owner may not step down: an organisation always has someone to run it. */
async function refuseLastOwner(tx: WriteTx, organisationId: string, current: Role, next: Role | null): Promise<void> {
  if (current === 'owner' && next !== 'owner' && (await repo.countOwners(tx, organisationId)) <= 1) {
    throw new AppError('conflict', 'An organisation needs at least one owner: make someone else owner first');
  }
}

export async function changeRole(db: Db, asker: Asker, id: string, userId: string, role: Role): Promise<Member> {
  const { actor } = asker;
  await requireOrganisation(db, id);
  authorise(actor, 'update-role', { type: 'membership', organisationId: id, userId });
  return db.transaction().execute(async (tx) => {
    await repo.lockOrganisation(tx, id);
    const current = await repo.findMembership(tx, id, userId);
    if (!current) throw new AppError('not-found', `No member with id "${userId}" in this organisation`);
    if (current.role !== role) {
      await refuseLastOwner(tx, id, current.role, role);
      await repo.updateMembershipRole(tx, id, userId, role);
      await recordAudit(tx, {
        actor,
        action: 'membership.role-change',
        resourceType: 'membership',
        resourceId: `${id}/${userId}`,
        subjectId: userId,
        before: { organisationId: id, userId, role: current.role },
        after: { organisationId: id, userId, role },
        requestId: asker.requestId,
      });
    }
    return memberOf(tx, id, userId);
  });
}

/** Removes a member, or lets a member leave. */
export async function removeMember(db: Db, asker: Asker, id: string, userId: string): Promise<void> {
  const { actor } = asker;
  await requireOrganisation(db, id);
  authorise(actor, 'remove', { type: 'membership', organisationId: id, userId });
  await db.transaction().execute(async (tx) => {
    await repo.lockOrganisation(tx, id);
    const current = await repo.findMembership(tx, id, userId);
    if (!current) throw new AppError('not-found', `No member with id "${userId}" in this organisation`);
    await refuseLastOwner(tx, id, current.role, null);
    await repo.deleteMembership(tx, id, userId);
    await recordAudit(tx, {
      actor,
      action: 'membership.remove',
      resourceType: 'membership',
      resourceId: `${id}/${userId}`,
      subjectId: userId,
      before: { organisationId: id, userId, role: current.role },
      requestId: asker.requestId,
    });
  });
}

export async function listInvitations(db: Db, actor: Actor, id: string): Promise<Invitation[]> {
  await requireOrganisation(db, id);
  authorise(actor, 'read', { type: 'invitation', organisationId: id });
  return (await repo.pendingInvitations(db, id)).map(presentInvitation);
}

/** Sends one e-mail; injected so tests can read what would be sent. */
export type SendMail = (mail: { to: string; subject: string; text: string }) => Promise<void>;

export interface InvitationMail {
  readonly send: SendMail;
  /** The accept page for a token, e.g. https://dcp.example/invitations/<token>. */
  readonly link: (token: string) => string;
  /** Subject and text in the inviter's language. */
  readonly compose: (input: { organisation: string; role: Role; link: string; days: number }) => { subject: string; text: string };
}

/**
 * Invites an address to join with a role: stores the SHA-256 of a random token
 * and e-mails the link. The response never says whether the address has an account.
 */
export async function createInvitation(
  db: Db,
  asker: Asker,
  id: string,
  input: { email: string; role: Role },
  mail: InvitationMail,
): Promise<Invitation> {
  const { actor } = asker;
  const organisation = await repo.findOrganisation(db, id);
  if (!organisation) throw notFound(id);
  authorise(actor, 'create', { type: 'invitation', organisationId: id });
  const user = requireUser(actor);
  const token = randomBytes(32).toString('base64url');
  const invitation = await db.transaction().execute(async (tx) => {
    const row = await repo.insertInvitation(tx, {
      organisation_id: id,
      email: input.email,
      role: input.role,
      token_hash: hashToken(token),
      invited_by: user.userId,
      expires_at: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    });
    // The address is personal data: the log keeps the invitation's id and role only.
    await recordAudit(tx, {
      actor,
      action: 'invitation.create',
      resourceType: 'invitation',
      resourceId: row.id,
      after: { organisationId: id, role: input.role },
      requestId: asker.requestId,
    });
    return row;
  });
  const link = mail.link(token);
  await mail.send({ to: input.email, ...mail.compose({ organisation: organisation.name, role: input.role, link, days: INVITATION_DAYS }) });
  return presentInvitation(invitation);
}

export async function revokeInvitation(db: Db, asker: Asker, id: string, invitationId: string): Promise<void> {
  const { actor } = asker;
  await requireOrganisation(db, id);
  authorise(actor, 'revoke', { type: 'invitation', organisationId: id });
  const invitation = await repo.findInvitation(db, id, invitationId);
  if (!invitation || invitation.accepted_at || invitation.revoked_at)
    throw new AppError('not-found', `No open invitation with id "${invitationId}"`);
  await db.transaction().execute(async (tx) => {
    await repo.markInvitation(tx, invitationId, { revoked_at: new Date() });
    await recordAudit(tx, {
      actor,
      action: 'invitation.revoke',
      resourceType: 'invitation',
      resourceId: invitationId,
      before: { organisationId: id, role: invitation.role },
      requestId: asker.requestId,
    });
  });
}

/** What the accept page shows about an invitation link; undefined when it is unusable. */
export async function describeInvitation(
  db: Db,
  token: string,
): Promise<{ organisation: Organisation; role: Role; expiresAt: string } | undefined> {
  const invitation = await repo.usableInvitationByToken(db, hashToken(token));
  if (!invitation) return undefined;
  const organisation = (await repo.findOrganisation(db, invitation.organisation_id))!;
  return {
    organisation: presentOrganisation(organisation, { showDomains: false }),
    role: invitation.role,
    expiresAt: invitation.expires_at.toISOString(),
  };
}

/**
 * Accepts an invitation as the signed-in person. Only the invited address may
 * accept: a forwarded or leaked link does not let someone else in.
 */
export async function acceptInvitation(db: Db, asker: Asker, token: string): Promise<MembershipView> {
  const { actor } = asker;
  const user = requireUser(actor);
  const preview = await repo.usableInvitationByToken(db, hashToken(token));
  if (!preview) throw new AppError('not-found', 'This invitation link is unknown, used, revoked or expired');
  authorise(actor, 'accept', { type: 'invitation', organisationId: preview.organisation_id });
  const email = await emailOfAccount(db, user.userId);
  if (email !== preview.email)
    throw new AppError('forbidden', 'This invitation was sent to another e-mail address; sign in with that address to accept it');
  return db.transaction().execute(async (tx) => {
    await repo.lockOrganisation(tx, preview.organisation_id);
    const invitation = await repo.usableInvitationByToken(tx, hashToken(token), true);
    if (!invitation) throw new AppError('not-found', 'This invitation link is unknown, used, revoked or expired');
    const organisationId = invitation.organisation_id;
    const current = await repo.findMembership(tx, organisationId, user.userId);
    if (current) throw new AppError('conflict', 'You are already a member of this organisation');
    await repo.insertMembership(tx, organisationId, user.userId, invitation.role);
    await repo.markInvitation(tx, invitation.id, { accepted_at: new Date(), accepted_by: user.userId });
    await recordAudit(tx, {
      actor,
      action: 'invitation.accept',
      resourceType: 'invitation',
      resourceId: invitation.id,
      after: { organisationId, role: invitation.role },
      requestId: asker.requestId,
    });
    await recordAudit(tx, {
      actor,
      action: 'membership.add',
      resourceType: 'membership',
      resourceId: `${organisationId}/${user.userId}`,
      subjectId: user.userId,
      after: { organisationId, userId: user.userId, role: invitation.role },
      requestId: asker.requestId,
    });
    const organisation = (await repo.findOrganisation(tx, organisationId))!;
    return { organisation: present(actor, organisation), role: invitation.role, since: new Date().toISOString() };
  });
}

/**
 * The signed-in person's organisations with their role. A token sees only the organisation it
 * was made for: a program holding it must not learn its maker's other affiliations.
 */
export async function myOrganisations(db: Db, actor: Actor): Promise<MembershipView[]> {
  const user = requireUser(actor);
  const all = await membershipsOf(db, user.userId, actor);
  const via = user.via;
  return via.kind === 'token' ? all.filter((m) => m.organisation.id === via.organisationId) : all;
}

/** A person's memberships (for their own pages and their data export). */
export async function membershipsOf(db: Db, userId: string, viewer: Actor): Promise<MembershipView[]> {
  const rows = await repo.membershipsOfUser(db, userId);
  return rows.map(({ membership_role, membership_since, ...org }) => ({
    organisation: present(viewer, org),
    role: membership_role,
    since: membership_since.toISOString(),
  }));
}

/** Organisations where `userId` is the only owner (an account cannot be deleted while there are any). */
export async function soleOwnerships(db: Db, userId: string): Promise<{ id: string; name: string }[]> {
  return repo.soleOwnerships(db, userId);
}

/**
 * The same question inside the caller's transaction, after locking every organisation the
 * person owns (the lock role changes and removals take), so that two owners leaving at once
 * cannot both be told the other one stays.
 */
export async function soleOwnershipsLocked(tx: WriteTx, userId: string): Promise<{ id: string; name: string }[]> {
  await tx
    .selectFrom('organisations')
    .select('id')
    .where('id', 'in', tx.selectFrom('memberships').select('organisation_id').where('user_id', '=', userId).where('role', '=', 'owner'))
    .orderBy('id')
    .forUpdate()
    .execute();
  return repo.soleOwnerships(tx, userId);
}

/**
 * Makes a person signing in through single sign-on a member of every
 * organisation that maps their e-mail's domain, if not a member already.
 * Runs in the caller's transaction; returns the organisations joined.
 */
export async function joinByEmailDomain(tx: WriteTx, userId: string, email: string, requestId?: string | null): Promise<string[]> {
  const domain = email.split('@').at(-1)?.toLowerCase() ?? '';
  const joined: string[] = [];
  for (const { id } of await repo.organisationsForDomain(tx, domain)) {
    if (await repo.insertMembership(tx, id, userId, 'member')) {
      joined.push(id);
      await recordAudit(tx, {
        actor: { kind: 'system' },
        action: 'membership.add',
        resourceType: 'membership',
        resourceId: `${id}/${userId}`,
        subjectId: userId,
        after: { organisationId: id, userId, role: 'member', via: 'email-domain' },
        requestId,
      });
    }
  }
  return joined;
}

/** Open invitations addressed to `email` (for that person's data export), and their removal on account deletion. */
export async function invitationsTo(
  db: Db,
  email: string,
): Promise<{ organisationId: string; role: Role; createdAt: string; expiresAt: string }[]> {
  return (await repo.openInvitationsTo(db, email)).map((r) => ({
    organisationId: r.organisation_id,
    role: r.role,
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
  }));
}
export async function forgetInvitationsTo(tx: WriteTx, email: string): Promise<void> {
  await repo.deleteInvitationsTo(tx, email);
}

/**
 * The organisation named `input.name` (case-insensitively), created by the system without members
 * when there is none: for records the platform provides itself, such as the generated demo
 * providers of the capacity clearinghouse. Audited as the system.
 * @example const id = await ensureSystemOrganisation(tx, { name: 'Demo · … (generated)', kind: 'academia' })
 */
export async function ensureSystemOrganisation(
  tx: WriteTx,
  input: { name: string; kind: Organisation['kind']; countryM49?: string | null; description?: string | null },
): Promise<string> {
  const existing = await repo.findOrganisationIdByName(tx, input.name);
  if (existing) return existing;
  const id = await repo.insertOrganisation(tx, {
    name: input.name,
    acronym: null,
    kind: input.kind,
    country_m49: input.countryM49 ?? null,
    website: null,
    description: input.description ?? null,
  });
  const row = (await repo.findOrganisation(tx, id))!;
  await recordAudit(tx, {
    actor: SYSTEM,
    action: 'organisation.create',
    resourceType: 'organisation',
    resourceId: id,
    after: auditSnapshot(row),
  });
  return id;
}

/** The ids of the organisations with these names that exist. */
export async function organisationIdsByName(db: Db, names: readonly string[]): Promise<string[]> {
  const ids = await Promise.all(names.map((name) => repo.findOrganisationIdByName(db, name)));
  return ids.filter((id): id is string => id !== undefined);
}

/**
 * Deletes organisations the system created once they are not needed, but only those nobody has
 * joined (a person's organisation is never removed this way). Returns the ids deleted; audited.
 */
export async function deleteSystemOrganisations(tx: WriteTx, ids: readonly string[]): Promise<string[]> {
  const deleted = await repo.deleteOrganisationsWithoutMembers(tx, ids);
  for (const id of deleted)
    await recordAudit(tx, { actor: SYSTEM, action: 'organisation.delete', resourceType: 'organisation', resourceId: id });
  return deleted;
}
