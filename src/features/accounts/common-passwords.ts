/**
 * The common-password list: the 49,000 most used passwords shipped by
 * @zxcvbn-ts/language-common, loaded on first use and kept as a set.
 */
import { dictionary } from '@zxcvbn-ts/language-common';

let common: Set<string> | undefined;

/** @example isCommonPassword('Password1') // true */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common']);
  return common.has(password.toLowerCase());
}

/** How many passwords the list holds (the issue asks for at least 10,000). */
export function commonPasswordCount(): number {
  common ??= new Set(dictionary['passwords-common']);
  return common.size;
}
