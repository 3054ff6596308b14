/**
 * Creating an account without e-mail (the `dcp users create` command): the
 * address is taken as verified, and a password is generated when none is given.
 */
import type { Db } from '../../db/database.js';
import type { UserRow } from '../../db/schema.js';
import { AppError } from '../../http/app-error.js';
import { assertAcceptablePassword } from './password-rules.js';
import { hashPassword } from './passwords.js';
import { normaliseEmail, randomSecret } from './secrets.js';
import { insertUser } from './users-repository.js';

export interface CreatedAccount {
  readonly user: UserRow;
  /** The generated password, when none was given; shown once. */
  readonly generatedPassword: string | undefined;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$|^[^\s@]+@localhost$/;

/** @example await createAccount(db, { email: 'admin@un.org', displayName: 'Admin', platformRole: 'admin' }) */
export async function createAccount(
  db: Db,
  input: { email: string; displayName: string; password?: string | undefined; platformRole: 'admin' | 'coordinator' | null },
): Promise<CreatedAccount> {
  const email = normaliseEmail(input.email);
  if (!EMAIL.test(email) || email.length > 254)
    throw new AppError('validation-failed', `"${input.email}" is not an e-mail address`, [
      { field: 'email', message: 'not an e-mail address' },
    ]);
  if (!input.displayName.trim()) throw new AppError('validation-failed', 'A name is required', [{ field: 'name', message: 'required' }]);
  const generatedPassword = input.password === undefined ? randomSecret(15) : undefined;
  const password = input.password ?? generatedPassword!;
  assertAcceptablePassword(password, 'password');
  const user = await insertUser(db, {
    email,
    displayName: input.displayName.trim(),
    passwordHash: await hashPassword(password),
    verified: true,
    platformRole: input.platformRole,
    preferredLang: null,
  });
  if (!user) throw new AppError('conflict', `An account with the address ${email} already exists`);
  return { user, generatedPassword };
}
