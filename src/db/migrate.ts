/**
 * Applies the TypeScript migrations in src/db/migrations in order. Kysely's
 * migrator holds a PostgreSQL advisory lock, so several app instances starting
 * together apply each migration once.
 */
import { Migrator, type MigrationResultSet } from 'kysely';
import type { Db } from './database.js';
import { migrations } from './migrations/index.js';

export type MigrationDirection = 'latest' | 'down';

/**
 * Brings the schema to the latest version (or one step down) and throws on failure.
 * @example await migrate(db); // → ['2026-11-28-001-reference']
 */
export async function migrate(db: Db, direction: MigrationDirection = 'latest'): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result: MigrationResultSet = direction === 'latest' ? await migrator.migrateToLatest() : await migrator.migrateDown();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  return (result.results ?? []).map((r) => r.migrationName);
}
