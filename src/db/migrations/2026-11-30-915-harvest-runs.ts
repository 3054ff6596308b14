/**
 * Harvesting, seen by the provider (issue 10): a source says which format it publishes
 * (`json-ld` or `csv`, chosen when registering; existing sources whose address ends in .csv
 * become csv), and each run's report is kept (the last ten per source, trimmed by the harvest)
 * so an editor sees what the last runs did and what they could not read, item by item.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('offering_sources')
    .addColumn('format', 'text', (c) =>
      c
        .notNull()
        .defaultTo('json-ld')
        .check(sql`format in ('json-ld', 'csv')`),
    )
    .execute();
  await sql`update offering_sources set format = 'csv' where url ~* '\\.csv([?#].*)?$'`.execute(db);
  await db.schema
    .createTable('offering_source_runs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('source_id', 'uuid', (c) => c.notNull().references('offering_sources.id').onDelete('cascade'))
    .addColumn('ran_at', 'timestamptz', (c) => c.notNull())
    .addColumn('report', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('offering_source_runs_source').on('offering_source_runs').columns(['source_id', 'ran_at desc']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('offering_source_runs').ifExists().execute();
  await db.schema.alterTable('offering_sources').dropColumn('format').execute();
}
