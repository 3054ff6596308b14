/**
 * What other features may ask about a person's account, by user id, without
 * reading the users table themselves: whether it exists, and its address (to
 * check that an invitation is addressed to the person accepting it).
 */
import type { Db } from '../../db/database.js';
import { findUserById } from './users-repository.js';

/** @example await accountExists(db, userId) // true */
export async function accountExists(db: Db, userId: string): Promise<boolean> {
  return (await findUserById(db, userId)) !== undefined;
}

/** The account's (lower-cased) e-mail address, or undefined when there is no such account. */
export async function emailOfAccount(db: Db, userId: string): Promise<string | undefined> {
  return (await findUserById(db, userId))?.email;
}
