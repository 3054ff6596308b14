/**
 * The job queue's tables: pg-boss's own schema (`pgboss`) and our `job_receipts`.
 *
 * pg-boss can install its schema itself at start, but here it is a migration so that
 * it is installed once, under the migrator's advisory lock, however many instances
 * start together; it is in the test template, so cloned test databases do not each
 * install it; and both engines get exactly the same SQL. pg-boss starts with
 * `migrate: false` and refuses to run against another schema version
 * (src/platform/jobs/runner.ts). Upgrading pg-boss past schema version 24 means a new
 * migration built from `PgBoss.getMigrationPlans`.
 *
 * pg-boss wraps its plan in BEGIN … COMMIT; the migrator already runs every pending
 * migration in one transaction, so those two statements are taken out (an inner
 * COMMIT would end the migrator's transaction half-way).
 */
import PgBoss from 'pg-boss';
import { sql, type Kysely } from 'kysely';

/** The pg-boss schema version this migration installs (pg-boss 10.x). */
export const JOB_SCHEMA_VERSION = 24;

/** pg-boss's construction plan for `schema`, without its own transaction. */
export function constructionPlan(schema = 'pgboss'): string {
  const plan = PgBoss.getConstructionPlans(schema);
  const begin = /^\s*BEGIN;/;
  const commit = /COMMIT;\s*$/;
  if (!begin.test(plan) || !commit.test(plan) || !plan.includes(`VALUES ('${JOB_SCHEMA_VERSION}')`))
    throw new Error(
      `pg-boss's construction plan changed shape (expected BEGIN … COMMIT for schema ${JOB_SCHEMA_VERSION}): write a new migration`,
    );
  return plan.replace(begin, '').replace(commit, '');
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(constructionPlan()).execute(db);

  // One row per effect a job applied: the effect and its receipt commit together, so a
  // job run again after a crash finds the receipt and skips (src/platform/jobs/once.ts).
  await db.schema
    .createTable('job_receipts')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('job_receipts_created').on('job_receipts').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('job_receipts').ifExists().execute();
  await sql`drop schema if exists pgboss cascade`.execute(db);
}
