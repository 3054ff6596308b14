/**
 * The index the matching engine's candidate query reads (src/features/matching/
 * candidate-repository.ts): published offerings only, by topic, competence,
 * skill, language and eligibility in ONE GIN index, so that "offerings on
 * these topics, in these languages, open to this country" is one index scan
 * and the heap is visited only for the offerings that pass all three. The
 * catalogue's own facet index (offerings_facets) covers every status and
 * keeps eligibility in two columns, whose OR the planner cannot AND with the
 * rest inside one scan; here eligibility is one expression,
 * `eligible_countries || eligible_groups`, which the query tests with `&&`
 * against the country and its groups.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index offerings_matching on offerings using gin
    (topics, digcomp, esco, languages, (eligible_countries || eligible_groups)) where status = 'published'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists offerings_matching`.execute(db);
}
