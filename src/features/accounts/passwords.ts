/**
 * Password rules and hashing: argon2id (OWASP parameters), 8 to 128
 * characters, not one of the common passwords, no composition rules.
 */
import { hash, verify } from '@node-rs/argon2';
import { isCommonPassword } from './common-passwords.js';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

// Algorithm.Argon2id is a const enum, which isolated modules cannot inline.
const ARGON2ID = 2;
// OWASP's recommended minimum for argon2id: 19 MiB, two passes, one lane.
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export type PasswordProblem = 'too-short' | 'too-long' | 'too-common';

/**
 * Why a new password is refused, or undefined when it is acceptable.
 * @example passwordProblem('letmein1') // 'too-common'
 */
export function passwordProblem(password: string): PasswordProblem | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'too-short';
  if (length > PASSWORD_MAX) return 'too-long';
  if (isCommonPassword(password)) return 'too-common';
  return undefined;
}

/** @example await hashPassword('correct horse battery') // '$argon2id$v=19$m=19456,t=2,p=1$…' */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** True when `password` matches the stored PHC string; false for a malformed hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX * 4) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// A fixed hash to verify against when the account does not exist, so a wrong
// address takes as long as a wrong password.
let decoy: Promise<string> | undefined;
export async function verifyDecoy(password: string): Promise<false> {
  decoy ??= hashPassword('decoy password that never matches');
  await verifyPassword(await decoy, password);
  return false;
}
