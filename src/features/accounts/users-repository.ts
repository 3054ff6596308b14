/** Storage of user accounts and their memberships. */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { UserRow } from '../../db/schema.js';

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface NewUser {
  readonly email: string;
  readonly displayName: string;
  readonly passwordHash: string | null;
  readonly verified: boolean;
  readonly platformRole: 'admin' | 'coordinator' | null;
  readonly preferredLang: string | null;
}

/** Inserts a user; undefined when the address is taken. */
export async function insertUser(db: Db, user: NewUser): Promise<UserRow | undefined> {
  return db
    .insertInto('users')
    .values({
      email: user.email,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      email_verified_at: user.verified ? sql<Date>`now()` : null,
      platform_role: user.platformRole,
      preferred_lang: user.preferredLang,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function setPassword(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: sql`now()` })
    .where('id', '=', userId)
    .execute();
}

export async function markEmailVerified(db: Db, userId: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ email_verified_at: sql`coalesce(email_verified_at, now())`, updated_at: sql`now()` })
    .where('id', '=', userId)
    .execute();
}

/** Moves the account to a confirmed new address; false when another account holds it. */
export async function changeEmail(db: Db, userId: string, email: string): Promise<boolean> {
  const taken = await findUserByEmail(db, email);
  if (taken && taken.id !== userId) return false;
  await db
    .updateTable('users')
    .set({ email, email_verified_at: sql`now()`, updated_at: sql`now()` })
    .where('id', '=', userId)
    .execute();
  return true;
}

export async function updateProfile(db: Db, userId: string, profile: { displayName: string; preferredLang: string | null }): Promise<void> {
  await db
    .updateTable('users')
    .set({ display_name: profile.displayName, preferred_lang: profile.preferredLang, updated_at: sql`now()` })
    .where('id', '=', userId)
    .execute();
}

/** Stores a secret being enrolled (not yet enabled). */
export async function setTotpSecret(db: Db, userId: string, secret: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_secret: secret, totp_enabled_at: null, totp_last_step: null, updated_at: sql`now()` })
    .where('id', '=', userId)
    .execute();
}

export async function enableTotp(db: Db, userId: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_enabled_at: sql`now()`, updated_at: sql`now()` })
    .where('id', '=', userId)
    .execute();
}

export async function disableTotp(db: Db, userId: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null, updated_at: sql`now()` })
    .where('id', '=', userId)
    .execute();
}

/**
 * Records `step` as the last TOTP step used, only if it is later than the one
 * recorded: false means the code was already used (a replay).
 */
export async function claimTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * The user's memberships with the organisation's name, for the actor and the
 * account page. It reads the organisations feature's tables: every request's
 * Actor is built from it, and asking that feature's service instead would make
 * the two features import each other (organisations sends mail through accounts).
 */
export async function listMemberships(db: Db, userId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select(['memberships.organisation_id', 'memberships.role', 'organisations.name'])
    .where('memberships.user_id', '=', userId)
    .orderBy('organisations.name')
    .execute();
}

/**
 * Deletes the account; its sessions, memberships, API tokens and one-time
 * tokens go with it (ON DELETE CASCADE).
 */
export async function deleteUser(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('users').where('id', '=', userId).execute();
}

/**
 * Makes an account that never proved its address safe to hand to the person who
 * now has: whoever signed up with that address before (perhaps not its owner)
 * loses the password, second factor, sessions, tokens and pending links they set.
 */
export async function forgetUnprovenCredentials(db: Db, userId: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: null, totp_secret: null, totp_enabled_at: null, updated_at: sql`now()` })
    .where('id', '=', userId)
    .where('email_verified_at', 'is', null)
    .execute();
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  await db.deleteFrom('api_tokens').where('user_id', '=', userId).execute();
  await db.deleteFrom('account_tokens').where('user_id', '=', userId).execute();
}
