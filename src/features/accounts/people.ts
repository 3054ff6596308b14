/**
 * What other features may ask about a person's account, by user id, without
 * reading the users table themselves: whether it exists, and its address (to
 * check that an invitation is addressed to the person accepting it), and the
 * language to write to an address in.
 */
import type { Db } from '../../db/database.js';
import { isLanguage, type Language } from '../../shared/localised.js';
import { normaliseEmail } from './secrets.js';
import { findUserByEmail, findUserById } from './users-repository.js';

/** @example await accountExists(db, userId) // true */
export async function accountExists(db: Db, userId: string): Promise<boolean> {
  return (await findUserById(db, userId)) !== undefined;
}

/** The account's (lower-cased) e-mail address, or undefined when there is no such account. */
export async function emailOfAccount(db: Db, userId: string): Promise<string | undefined> {
  return (await findUserById(db, userId))?.email;
}

/** The preferred language of the account using `email`, or undefined (no account, or no preference). */
export async function preferredLanguageOf(db: Db, email: string): Promise<Language | undefined> {
  const lang = (await findUserByEmail(db, normaliseEmail(email)))?.preferred_lang;
  return isLanguage(lang) ? lang : undefined;
}
