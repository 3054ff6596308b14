/**
 * The roles of the access-control model, as tests make them: relative to an
 * organisation O, a person is anonymous, a member of another organisation only,
 * a member, editor or owner of O, or holds a platform role (coordinator, admin)
 * with no membership of O. Used by the access matrix and the fuzz suite.
 *
 *   const orgId = await organisation(db, 'Matrix');
 *   const owner = await personOf(db, 'owner', { organisationId: orgId, otherOrganisationId });
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/db/database.js';
import { createUser, type TestUser } from './auth.js';

export const ROLES = ['anonymous', 'other', 'member', 'editor', 'owner', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export type PersonRole = Exclude<Role, 'anonymous'>;

/** An organisation with a unique name; returns its id. */
export async function organisation(db: Db, label: string): Promise<string> {
  const row = await db
    .insertInto('organisations')
    .values({ name: `${label} ${randomBytes(6).toString('hex')}`, kind: 'un-entity' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A person of `role`: a member, editor or owner of `organisationId` (of nothing when it is not
 * given), a member of `otherOrganisationId` for `other`, or a coordinator or admin (with TOTP).
 */
export function personOf(
  db: Db,
  role: PersonRole,
  where: { organisationId?: string | undefined; otherOrganisationId: string },
): Promise<TestUser> {
  if (role === 'coordinator' || role === 'admin') return createUser(db, { platformRole: role });
  if (role === 'other') return createUser(db, { memberships: [{ organisationId: where.otherOrganisationId, role: 'member' }] });
  return createUser(db, where.organisationId ? { memberships: [{ organisationId: where.organisationId, role }] } : {});
}
