/**
 * Reads and writes of organisations, memberships and invitations. Plain
 * functions taking the database or a transaction first.
 *
 * Two reads reach past this feature's tables, on purpose and read-only, each
 * in one named function: `organisationsWithCountryCode` joins `countries` (the
 * reference feature's) for the ISO code shown in every list, and
 * `listMembersWithNames` joins `users` (the accounts feature's) for members'
 * display names. Asking those features' services row by row instead would
 * turn one query per page into one per organisation or member, and sort by
 * name in memory. Everything else about other features' data goes through
 * their index.ts (reference `m49OfIso3`, accounts `accountExists`, `emailOfAccount`).
 */
import { sql, type Selectable } from 'kysely';
import type { Db, WriteTx } from '../../db/database.js';
import type { InvitationsTable, MembershipsTable, OrganisationsTable } from '../../db/schema.js';

export type OrganisationRow = Selectable<OrganisationsTable> & { country_iso3: string | null };
export type MembershipRow = Selectable<MembershipsTable>;
export type InvitationRow = Selectable<InvitationsTable>;
type Role = MembershipRow['role'];
type Reader = Db | WriteTx;

/** Organisations with their country's ISO alpha-3 code: the one join with `countries` (see the header). */
function organisationsWithCountryCode(db: Reader) {
  return db
    .selectFrom('organisations')
    .leftJoin('countries', 'countries.m49', 'organisations.country_m49')
    .selectAll('organisations')
    .select('countries.iso3 as country_iso3');
}

export interface OrganisationFilter {
  readonly kind?: string | undefined;
  readonly countryM49?: string | undefined;
  readonly verification?: string | undefined;
  /** Start after this lower-cased name (keyset pagination; names are unique case-insensitively). */
  readonly afterName?: string | undefined;
  readonly limit: number;
}

export async function listOrganisations(db: Db, filter: OrganisationFilter): Promise<OrganisationRow[]> {
  let query = organisationsWithCountryCode(db)
    .orderBy(sql`lower(organisations.name)`)
    .limit(filter.limit);
  if (filter.kind) query = query.where('organisations.kind', '=', filter.kind as OrganisationRow['kind']);
  if (filter.countryM49) query = query.where('organisations.country_m49', '=', filter.countryM49);
  if (filter.verification) query = query.where('organisations.verification', '=', filter.verification as OrganisationRow['verification']);
  if (filter.afterName !== undefined) query = query.where(sql<string>`lower(organisations.name)`, '>', filter.afterName);
  return query.execute();
}

export async function findOrganisation(db: Reader, id: string): Promise<OrganisationRow | undefined> {
  return organisationsWithCountryCode(db).where('organisations.id', '=', id).executeTakeFirst();
}

/** Locks the organisation row so membership changes to it run one at a time (the last-owner rule). */
export async function lockOrganisation(tx: WriteTx, id: string): Promise<OrganisationRow | undefined> {
  const row = await tx.selectFrom('organisations').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  return row ? findOrganisation(tx, id) : undefined;
}

export async function insertOrganisation(
  tx: WriteTx,
  values: {
    name: string;
    acronym: string | null;
    kind: OrganisationRow['kind'];
    country_m49: string | null;
    website: string | null;
    description: string | null;
  },
): Promise<string> {
  const row = await tx.insertInto('organisations').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateOrganisation(
  tx: WriteTx,
  id: string,
  values: Partial<{
    name: string;
    acronym: string | null;
    kind: OrganisationRow['kind'];
    country_m49: string | null;
    website: string | null;
    description: string | null;
    verification: 'unverified' | 'verified';
    verified_at: Date | null;
    verified_by: string | null;
    email_domains: string[];
  }>,
): Promise<void> {
  await tx
    .updateTable('organisations')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/** Organisations that map `domain` to themselves for single sign-on. */
export async function organisationsForDomain(db: Reader, domain: string): Promise<{ id: string }[]> {
  return db
    .selectFrom('organisations')
    .select('id')
    .where(sql<boolean>`${domain} = any(email_domains)`)
    .execute();
}

/** Members with their display names, by name: the one join with `users` (see the header). */
export async function listMembersWithNames(db: Reader, organisationId: string, onlyUserId?: string) {
  let query = db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['memberships.user_id', 'memberships.role', 'memberships.created_at', 'users.display_name'])
    .where('memberships.organisation_id', '=', organisationId);
  if (onlyUserId !== undefined) query = query.where('memberships.user_id', '=', onlyUserId);
  return query.orderBy('users.display_name').orderBy('memberships.user_id').execute();
}

export async function findMembership(db: Reader, organisationId: string, userId: string): Promise<MembershipRow | undefined> {
  return db
    .selectFrom('memberships')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function countOwners(tx: Reader, organisationId: string): Promise<number> {
  const row = await tx
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Adds a membership; false when the person already belongs. */
export async function insertMembership(tx: WriteTx, organisationId: string, userId: string, role: Role): Promise<boolean> {
  const rows = await tx
    .insertInto('memberships')
    .values({ organisation_id: organisationId, user_id: userId, role })
    .onConflict((oc) => oc.columns(['organisation_id', 'user_id']).doNothing())
    .returning('user_id')
    .execute();
  return rows.length > 0;
}

export async function updateMembershipRole(tx: WriteTx, organisationId: string, userId: string, role: Role): Promise<void> {
  await tx.updateTable('memberships').set({ role }).where('organisation_id', '=', organisationId).where('user_id', '=', userId).execute();
}

export async function deleteMembership(tx: WriteTx, organisationId: string, userId: string): Promise<void> {
  await tx.deleteFrom('memberships').where('organisation_id', '=', organisationId).where('user_id', '=', userId).execute();
}

/** A person's organisations with their role, by name. */
export async function membershipsOfUser(db: Reader, userId: string) {
  const rows = await organisationsWithCountryCode(db)
    .innerJoin('memberships', 'memberships.organisation_id', 'organisations.id')
    .select(['memberships.role as membership_role', 'memberships.created_at as membership_since'])
    .where('memberships.user_id', '=', userId)
    .orderBy(sql`lower(organisations.name)`)
    .execute();
  return rows;
}

/** Organisations where `userId` is the only owner: they must hand over before leaving. */
export async function soleOwnerships(db: Reader, userId: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.name'])
    .where('m.user_id', '=', userId)
    .where('m.role', '=', 'owner')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('memberships as other')
            .select('other.user_id')
            .whereRef('other.organisation_id', '=', 'm.organisation_id')
            .where('other.role', '=', 'owner')
            .whereRef('other.user_id', '<>', 'm.user_id'),
        ),
      ),
    )
    .execute();
}

export async function insertInvitation(
  tx: WriteTx,
  values: {
    organisation_id: string;
    email: string;
    role: Role;
    token_hash: Buffer;
    invited_by: string;
    expires_at: Date;
  },
): Promise<InvitationRow> {
  return tx.insertInto('invitations').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Invitations neither accepted, revoked nor expired. */
export async function pendingInvitations(db: Reader, organisationId: string): Promise<InvitationRow[]> {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function findInvitation(db: Reader, organisationId: string, id: string): Promise<InvitationRow | undefined> {
  return db.selectFrom('invitations').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

/** A usable invitation by the hash of its token, locked for acceptance when in a transaction. */
export async function usableInvitationByToken(db: Reader, tokenHash: Buffer, lock = false): Promise<InvitationRow | undefined> {
  let query = db
    .selectFrom('invitations')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function markInvitation(
  tx: WriteTx,
  id: string,
  values: { accepted_at?: Date; accepted_by?: string; revoked_at?: Date },
): Promise<void> {
  await tx.updateTable('invitations').set(values).where('id', '=', id).execute();
}

/** Invitations addressed to `email` that are still open (shown in a person's data export). */
export async function openInvitationsTo(db: Reader, email: string): Promise<InvitationRow[]> {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('email', '=', email)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function deleteInvitationsTo(tx: WriteTx, email: string): Promise<void> {
  await tx.deleteFrom('invitations').where('email', '=', email).execute();
}

/** The organisation with this name, compared case-insensitively as the unique index does. */
export async function findOrganisationIdByName(db: Reader, name: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where(sql<string>`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
  return row?.id;
}

/** Deletes those of `ids` that have no members (their records go with them); returns the ids deleted. */
export async function deleteOrganisationsWithoutMembers(tx: WriteTx, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .deleteFrom('organisations')
    .where('id', 'in', ids)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('memberships').select('user_id').whereRef('memberships.organisation_id', '=', 'organisations.id'))),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
