/**
 * Links from a taxonomy term to terms of other taxonomies or to indicators,
 * by taxonomy name: a topic's DigComp 2.2 areas (`{"digcomp": ["1", "3"]}`),
 * a UMC dimension's indicators (`{"indicators": ["internet-use"]}`).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('taxonomy_terms').addColumn('related', 'jsonb').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('taxonomy_terms').dropColumn('related').execute();
}
