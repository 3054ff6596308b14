/**
 * Reads and writes of profiles and consents. Writes take the caller's transaction.
 *
 * `organisationsOfUsers` reads the organisations feature's `memberships` and `organisations`
 * tables in one join: every profile shown names its organisations, and asking that feature
 * person by person would cost a query per person in every list of the finder.
 */
import { sql, type UpdateObject } from 'kysely';
import type { Db, WriteTx } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { ProfileRow } from './record.js';

type Reader = Db | WriteTx;

export async function findProfile(db: Reader, userId: string): Promise<ProfileRow | undefined> {
  return db.selectFrom('profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** The row, locked until the transaction ends, so that saves of one profile run one at a time. */
export async function lockProfile(tx: WriteTx, userId: string): Promise<ProfileRow | undefined> {
  return tx.selectFrom('profiles').selectAll().where('user_id', '=', userId).forUpdate().executeTakeFirst();
}

/** Profiles by user id, in the order of `ids`. */
export async function profilesByIds(db: Reader, ids: readonly string[]): Promise<ProfileRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('profiles').selectAll().where('user_id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.user_id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The profiles behind finder rows, in the order of `rowIds`, each with the audience of its row:
 * one statement, so a page of the finder costs one round trip here, not a lookup of the rows and
 * then of their profiles.
 */
export async function profilesOfFinderRows(
  db: Reader,
  rowIds: readonly string[],
): Promise<{ readonly audience: number; readonly profile: ProfileRow }[]> {
  if (rowIds.length === 0) return [];
  const rows = await db
    .selectFrom('profile_search')
    .innerJoin('profiles', 'profiles.user_id', 'profile_search.user_id')
    .selectAll('profiles')
    .select(['profile_search.id as finder_row_id', 'profile_search.audience as finder_audience'])
    .where('profile_search.id', 'in', rowIds)
    .execute();
  const byId = new Map(
    rows.map(({ finder_row_id, finder_audience, ...profile }) => [finder_row_id, { audience: finder_audience, profile }]),
  );
  return rowIds.flatMap((id) => byId.get(id) ?? []);
}

/** The organisations of the people behind finder rows (by user id), read beside profilesOfFinderRows. */
export async function organisationsOfFinderRows(db: Reader, rowIds: readonly string[]): Promise<Map<string, OrganisationRef[]>> {
  const result = new Map<string, OrganisationRef[]>();
  if (rowIds.length === 0) return result;
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select(['memberships.user_id', 'organisations.id', 'organisations.name'])
    .where('memberships.user_id', 'in', (eb) => eb.selectFrom('profile_search').select('user_id').where('id', 'in', rowIds))
    .orderBy('organisations.name')
    .execute();
  for (const row of rows) result.set(row.user_id, [...(result.get(row.user_id) ?? []), { id: row.id, name: row.name }]);
  return result;
}

/** Updates the row if it is still at `version`; false when someone saved in between. */
export async function updateProfile(
  tx: WriteTx,
  userId: string,
  version: number,
  values: UpdateObject<Database, 'profiles'>,
): Promise<ProfileRow | undefined> {
  return tx
    .updateTable('profiles')
    .set({ ...values, version: version + 1, updated_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteProfile(tx: WriteTx, userId: string): Promise<boolean> {
  const result = await tx.deleteFrom('profiles').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export interface ConsentRow {
  readonly noticeVersion: string;
  readonly event: 'given' | 'withdrawn';
  readonly at: Date;
}

export async function consentsOf(db: Reader, userId: string): Promise<ConsentRow[]> {
  const rows = await db
    .selectFrom('profile_consents')
    .select(['notice_version', 'event', 'at'])
    .where('user_id', '=', userId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ noticeVersion: r.notice_version, event: r.event, at: r.at }));
}

export async function recordConsent(tx: WriteTx, userId: string, noticeVersion: string, event: 'given' | 'withdrawn'): Promise<void> {
  await tx.insertInto('profile_consents').values({ user_id: userId, notice_version: noticeVersion, event }).execute();
}

export interface OrganisationRef {
  readonly id: string;
  readonly name: string;
}

/** Each user's organisations (by name), for profiles shown in lists. */
export async function organisationsOfUsers(db: Reader, userIds: readonly string[]): Promise<Map<string, OrganisationRef[]>> {
  const result = new Map<string, OrganisationRef[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return result;
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select(['memberships.user_id', 'organisations.id', 'organisations.name'])
    .where('memberships.user_id', 'in', userIds)
    .orderBy('organisations.name')
    .execute();
  for (const row of rows) result.get(row.user_id)?.push({ id: row.id, name: row.name });
  return result;
}
