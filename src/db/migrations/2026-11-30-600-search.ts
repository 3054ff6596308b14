/**
 * The platform search service (src/platform/search): one text search
 * configuration per stemmed UN language, each with `unaccent` before the
 * stemmer (so "cybersécurité" and "cybersecurite" meet), `dcp_simple` for
 * other languages and Chinese bigrams, and the lexicon of words seen in
 * indexed text that typo tolerance looks up with trigrams (pg_trgm).
 *
 * Both extensions are trusted since PostgreSQL 13, so the database owner may
 * create them on the embedded PostgreSQL 18 and on a PostgreSQL 15+ server
 * alike; the reference migration already created them, `if not exists` makes
 * this migration stand on its own.
 */
import { sql, type Kysely } from 'kysely';

/** Configuration → the built-in configuration it copies and the stemmer it maps words to. */
export const SEARCH_CONFIGURATIONS = {
  dcp_en: { copy: 'english', stemmer: 'english_stem' },
  dcp_fr: { copy: 'french', stemmer: 'french_stem' },
  dcp_es: { copy: 'spanish', stemmer: 'spanish_stem' },
  dcp_ru: { copy: 'russian', stemmer: 'russian_stem' },
  dcp_ar: { copy: 'arabic', stemmer: 'arabic_stem' },
  dcp_simple: { copy: 'simple', stemmer: 'simple' },
} as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create extension if not exists unaccent`.execute(db);

  for (const [name, { copy, stemmer }] of Object.entries(SEARCH_CONFIGURATIONS)) {
    await sql`create text search configuration ${sql.id(name)} (copy = ${sql.raw(copy)})`.execute(db);
    // Words with letters outside ASCII are the ones that carry accents; ASCII words pass the stemmer as before.
    await sql`alter text search configuration ${sql.id(name)}
      alter mapping for hword, hword_part, word with unaccent, ${sql.raw(stemmer)}`.execute(db);
    if (copy === 'simple') {
      await sql`alter text search configuration ${sql.id(name)}
        alter mapping for asciiword, asciihword, hword_asciipart with unaccent, simple`.execute(db);
    }
  }

  await db.schema
    .createTable('search_lexicon')
    // Which collection the word was seen in ('capacity', later 'people', 'projects').
    .addColumn('corpus', 'text', (c) => c.notNull())
    // Lower-cased and unaccented, as `unaccent(lower(word))` gives it.
    .addColumn('word', 'text', (c) => c.notNull().check(sql`length(word) between 3 and 60`))
    .addPrimaryKeyConstraint('search_lexicon_pk', ['corpus', 'word'])
    .execute();
  await sql`create index search_lexicon_trigrams on search_lexicon using gin (word gin_trgm_ops)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('search_lexicon').ifExists().execute();
  for (const name of Object.keys(SEARCH_CONFIGURATIONS)) {
    await sql`drop text search configuration if exists ${sql.id(name)}`.execute(db);
  }
}
