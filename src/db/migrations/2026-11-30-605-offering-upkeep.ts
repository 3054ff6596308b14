/**
 * Upkeep of published offerings (issue 10): when the link check last looked at an offering's URL
 * and since when it has been broken (with what it answered), and when its provider was last
 * reminded that it has not been reviewed for 12 months.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('offerings')
    .addColumn('url_checked_at', 'timestamptz')
    .addColumn('url_broken_since', 'timestamptz')
    .addColumn('url_problem', 'text')
    .addColumn('stale_reminded_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('offerings')
    .dropColumn('url_checked_at')
    .dropColumn('url_broken_since')
    .dropColumn('url_problem')
    .dropColumn('stale_reminded_at')
    .execute();
}
