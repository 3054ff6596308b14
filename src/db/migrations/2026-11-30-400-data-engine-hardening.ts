/**
 * Data engine hardening (issue 8):
 * - every stored number is finite: double precision admits Infinity and NaN, and one such value
 *   made a country profile fail. Any already stored is moved to the revision history first.
 * - a revision without a new value is a deletion (a source withdrew the value, SDMX-CSV ACTION=D,
 *   or a derived value lost its inputs), kept like any other revision.
 * - each computed aggregate says what share of its covered population was estimated.
 */
import { sql, type Kysely } from 'kysely';

const FINITE = (column: string) => sql`${sql.ref(column)} not in ('Infinity'::float8, '-Infinity'::float8, 'NaN'::float8)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('observation_revisions')
    .alterColumn('new_value', (c) => c.dropNotNull())
    .execute();
  await sql`
    insert into observation_revisions (indicator_code, m49, year, breakdown, old_value, new_value, old_source, old_vintage, new_vintage)
    select indicator_code, m49, year, breakdown, value, null, source, vintage, current_date
    from observations where not (${FINITE('value')})`.execute(db);
  await sql`delete from observations where not (${FINITE('value')})`.execute(db);
  await sql`delete from published_aggregates where not (${FINITE('value')})`.execute(db);
  await sql`delete from aggregates where not (${FINITE('value')})`.execute(db);
  for (const table of ['observations', 'published_aggregates', 'aggregates']) {
    await db.schema.alterTable(table).addCheckConstraint(`${table}_value_finite`, FINITE('value')).execute();
  }
  await db.schema
    .alterTable('aggregates')
    .addColumn('estimated_share', 'double precision', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`estimated_share between 0 and 1`),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('aggregates').dropColumn('estimated_share').execute();
  for (const table of ['observations', 'published_aggregates', 'aggregates']) {
    await db.schema.alterTable(table).dropConstraint(`${table}_value_finite`).execute();
  }
  await sql`delete from observation_revisions where new_value is null`.execute(db);
  await db.schema
    .alterTable('observation_revisions')
    .alterColumn('new_value', (c) => c.setNotNull())
    .execute();
}
