/**
 * Harvesting (issue 10): a provider's catalogue URL (schema.org Course JSON-LD, or CSV in the
 * offerings template) and the offerings it brought. `source_key` is the item's own identity in
 * that catalogue (its @id or url, or the CSV row's id/url/title), so a later run updates the
 * same offering and archives those the catalogue no longer lists.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('offering_sources')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    // Required fields a catalogue of another vocabulary does not carry: used when an item names none.
    .addColumn('default_topics', sql`text[]`, (c) => c.notNull())
    .addColumn('default_audiences', sql`text[]`, (c) => c.notNull())
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_run_at', 'timestamptz')
    .addColumn('last_report', 'jsonb')
    .addUniqueConstraint('offering_sources_url', ['organisation_id', 'url'])
    .execute();
  await db.schema
    .alterTable('offerings')
    .addColumn('source_id', 'uuid', (c) => c.references('offering_sources.id').onDelete('set null'))
    .addColumn('source_key', 'text')
    .execute();
  await sql`create unique index offerings_source_key on offerings (source_id, source_key) where source_id is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists offerings_source_key`.execute(db);
  await db.schema.alterTable('offerings').dropColumn('source_key').dropColumn('source_id').execute();
  await db.schema.dropTable('offering_sources').ifExists().execute();
}
