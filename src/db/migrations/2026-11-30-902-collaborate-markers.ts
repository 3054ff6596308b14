/**
 * One-off facts about the people and projects of this installation, by name: the demo people and
 * projects planned on the first start (`first-start-demo-planned`) and filled
 * (`first-start-demo-filled`), so that a start cut short finishes the filling and a later start
 * (after `dcp demo remove`) does not fill it again.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('collaborate_markers')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('collaborate_markers').ifExists().execute();
}
