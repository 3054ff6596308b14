/**
 * One-off facts about the clearinghouse of this installation, by name: the demo catalogue
 * planned on the first start (`first-start-demo-planned`) and filled (`first-start-demo-filled`).
 * Kept apart from import_runs, whose rows version the cached public data.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('capacity_markers')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('capacity_markers').ifExists().execute();
}
