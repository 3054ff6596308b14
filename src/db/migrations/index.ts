/** Every migration, by name; names sort in the order they apply. */
import type { Migration } from 'kysely';
import * as reference from './2026-11-28-001-reference.js';

export const migrations: Record<string, Migration> = {
  '2026-11-28-001-reference': reference,
};
