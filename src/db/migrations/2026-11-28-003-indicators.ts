/**
 * The Connect data engine: the indicator catalogue, observations (country ×
 * indicator × year × breakdown) with source and vintage, the history of values a
 * newer vintage revised, aggregates published by sources (for comparison) and
 * the aggregates we compute.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('indicators')
    .addColumn('code', 'text', (c) => c.primaryKey().check(sql`code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`))
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('indicator_aliases')
    .addColumn('alias', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().references('indicators.code').onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('observations')
    .addColumn('indicator_code', 'text', (c) => c.notNull().references('indicators.code').onDelete('cascade'))
    .addColumn('m49', 'char(3)', (c) => c.notNull().references('countries.m49').onDelete('cascade'))
    .addColumn('year', 'smallint', (c) => c.notNull().check(sql`year between 1900 and 2100`))
    // '' is the total; otherwise 'dimension=value' (sex=female, speed=10mbps-plus).
    .addColumn('breakdown', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('estimate', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('note', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    // When the source published this value: a newer vintage replaces an older one, never the reverse.
    .addColumn('vintage', 'date', (c) => c.notNull())
    .addColumn('import_run_id', 'bigint', (c) => c.references('import_runs.id'))
    .addPrimaryKeyConstraint('observations_pk', ['indicator_code', 'm49', 'year', 'breakdown'])
    .execute();
  await db.schema.createIndex('observations_m49').on('observations').columns(['m49', 'indicator_code']).execute();

  await db.schema
    .createTable('observation_revisions')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('m49', 'char(3)', (c) => c.notNull())
    .addColumn('year', 'smallint', (c) => c.notNull())
    .addColumn('breakdown', 'text', (c) => c.notNull())
    .addColumn('old_value', 'double precision', (c) => c.notNull())
    .addColumn('new_value', 'double precision', (c) => c.notNull())
    .addColumn('old_source', 'text', (c) => c.notNull())
    .addColumn('old_vintage', 'date', (c) => c.notNull())
    .addColumn('new_vintage', 'date', (c) => c.notNull())
    .addColumn('import_run_id', 'bigint', (c) => c.references('import_runs.id'))
    .addColumn('revised_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('observation_revisions_series')
    .on('observation_revisions')
    .columns(['indicator_code', 'm49', 'year'])
    .execute();

  await db.schema
    .createTable('published_aggregates')
    .addColumn('indicator_code', 'text', (c) => c.notNull().references('indicators.code').onDelete('cascade'))
    .addColumn('group_code', 'text', (c) => c.notNull().references('groups.code').onDelete('cascade'))
    .addColumn('year', 'smallint', (c) => c.notNull())
    .addColumn('breakdown', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('vintage', 'date', (c) => c.notNull())
    .addPrimaryKeyConstraint('published_aggregates_pk', ['indicator_code', 'group_code', 'year', 'breakdown', 'source'])
    .execute();

  await db.schema
    .createTable('aggregates')
    .addColumn('indicator_code', 'text', (c) => c.notNull().references('indicators.code').onDelete('cascade'))
    .addColumn('group_code', 'text', (c) => c.notNull().references('groups.code').onDelete('cascade'))
    .addColumn('year', 'smallint', (c) => c.notNull())
    .addColumn('breakdown', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('coverage', 'double precision', (c) => c.notNull().check(sql`coverage between 0 and 1`))
    .addColumn('members_with_data', 'integer', (c) => c.notNull())
    .addColumn('members_gap_filled', 'integer', (c) => c.notNull())
    .addColumn('members_total', 'integer', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('aggregates_pk', ['indicator_code', 'group_code', 'year', 'breakdown'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['aggregates', 'published_aggregates', 'observation_revisions', 'observations', 'indicator_aliases', 'indicators']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
