/** Every migration, by name; names sort in the order they apply. */
import type { Migration } from 'kysely';
import * as reference from './2026-11-28-001-reference.js';
import * as accounts from './2026-11-28-002-accounts.js';

export const migrations: Record<string, Migration> = {
  '2026-11-28-001-reference': reference,
  '2026-11-28-002-accounts': accounts,
};
