/**
 * Reference data: countries and areas (M49), groupings with their members,
 * taxonomies and their terms, and the record of every import.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Trusted extensions since PostgreSQL 13: a database owner may create them.
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create extension if not exists unaccent`.execute(db);

  await db.schema
    .createTable('countries')
    .addColumn('m49', 'char(3)', (c) => c.primaryKey().check(sql`m49 ~ '^[0-9]{3}$'`))
    .addColumn('iso2', 'char(2)', (c) => c.unique())
    .addColumn('iso3', 'char(3)', (c) => c.unique())
    .addColumn('names', 'jsonb', (c) => c.notNull())
    .addColumn('formal_names', 'jsonb')
    .addColumn('region_code', 'char(3)')
    .addColumn('sub_region_code', 'char(3)')
    .addColumn('intermediate_region_code', 'char(3)')
    .addColumn('ldc', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('lldc', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('sids', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('wb_region', 'text')
    .addColumn('wb_income_group', 'text', (c) => c.check(sql`wb_income_group in ('HIC','UMC','LMC','LIC')`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('groups')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('world','region','sub-region','intermediate-region','development-status','income')`),
    )
    .addColumn('names', 'jsonb', (c) => c.notNull())
    .addColumn('parent_code', 'text', (c) => c.references('groups.code'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('group_members')
    .addColumn('group_code', 'text', (c) => c.notNull().references('groups.code').onDelete('cascade'))
    .addColumn('m49', 'char(3)', (c) => c.notNull().references('countries.m49').onDelete('cascade'))
    .addPrimaryKeyConstraint('group_members_pk', ['group_code', 'm49'])
    .execute();
  await db.schema.createIndex('group_members_m49').on('group_members').column('m49').execute();

  await db.schema
    .createTable('taxonomies')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('labels', 'jsonb', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('licence', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('taxonomy_terms')
    .addColumn('taxonomy', 'text', (c) => c.notNull().references('taxonomies.name').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .addColumn('labels', 'jsonb', (c) => c.notNull())
    .addColumn('description', 'jsonb')
    .addColumn('uri', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('taxonomy_terms_pk', ['taxonomy', 'code'])
    .execute();

  await db.schema
    .createTable('import_runs')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('files', 'jsonb', (c) => c.notNull())
    .addColumn('summary', 'jsonb', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['import_runs', 'taxonomy_terms', 'taxonomies', 'group_members', 'groups', 'countries']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
