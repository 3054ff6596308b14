/**
 * The expert finder's indexes for anonymous searches (issue 12, after migration 940). Each person
 * has up to three finder rows (one per audience), and an anonymous search reads only the public
 * ones (audience 2, about a quarter of the table at 100,000 profiles): an index over all rows
 * hands PostgreSQL four times the rows it needs, each a heap page to visit and drop. These
 * partial indexes hold the public rows only, so a filter or a text search by a visitor reads just
 * those (EXPLAIN ANALYZE: the GIN bitmap then returns only matching public rows).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index profile_search_public_text on profile_search using gin (search_vector) where audience = 2`.execute(db);
  await sql`create index profile_search_public_facets on profile_search using gin
    (topics, digcomp, esco, languages, language_levels, digcomp_levels) where audience = 2`.execute(db);
  await sql`create index profile_search_public_availability on profile_search using gist (availability_spans) where audience = 2`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['profile_search_public_availability', 'profile_search_public_facets', 'profile_search_public_text'])
    await sql`drop index if exists ${sql.raw(index)}`.execute(db);
}
