/**
 * The tsquery of a search box's text, as SQL. Every term must match (AND).
 * A word is stemmed with every configuration (the reader may search in any
 * of the six languages, whatever the interface language) and matches if any
 * stemming does (OR); a word that is a stop word in any stemmed language is
 * left out, because a document indexed in that language cannot contain it.
 * A word the lexicon does not know also matches its closest known spellings
 * (typo tolerance, lexicon.ts). A CJK run matches when all its bigrams occur.
 */
import { sql, type RawBuilder } from 'kysely';
import { QUERY_CONFIGURATIONS, STEMMED_CONFIGURATIONS, bigrams, type QueryTerms } from './text.js';

const STEMMED = Object.values(STEMMED_CONFIGURATIONS);

function anyStemming(word: string): RawBuilder<unknown> {
  return sql.join(
    QUERY_CONFIGURATIONS.map((cfg) => sql`plainto_tsquery(${cfg}::regconfig, ${word})`),
    sql` || `,
  );
}

/** One word and its corrections: '' (ignored) when the word is a stop word somewhere, else any stemming of any spelling. */
function wordQuery(word: string, corrections: readonly string[]): RawBuilder<unknown> {
  const stop = sql.join(
    STEMMED.map((cfg) => sql`numnode(plainto_tsquery(${cfg}::regconfig, ${word})) = 0`),
    sql` or `,
  );
  const spellings = sql.join([word, ...corrections].map(anyStemming), sql` || `);
  return sql`(case when ${stop} then ''::tsquery else (${spellings}) end)`;
}

/**
 * A CJK run matches texts holding all its bigrams (网络安全: 网络 & 络安 & 安全). Requiring them in
 * sequence (a phrase) would be a little stricter but makes PostgreSQL re-read every candidate's
 * vector to check positions; overlapping bigrams that all occur are, in practice, the run itself.
 */
function runQuery(run: string): RawBuilder<unknown> {
  const tokens = bigrams(run);
  // One character: the bigrams that start with it.
  if (tokens.length === 1 && [...run].length === 1) return sql`to_tsquery('simple'::regconfig, ${`${run}:*`})`;
  return sql`plainto_tsquery('simple'::regconfig, ${tokens.join(' ')})`;
}

/**
 * The SQL text of the whole tsquery, or undefined when there is nothing to search for.
 * @example sql`select (${tsQueryText(terms, corrections)})::text`
 */
export function tsQueryExpression(terms: QueryTerms, corrections: ReadonlyMap<string, readonly string[]>): RawBuilder<unknown> | undefined {
  const parts = [...terms.words.map((w) => wordQuery(w, corrections.get(w) ?? [])), ...terms.runs.map(runQuery)];
  if (parts.length === 0) return undefined;
  return sql`(${sql.join(parts, sql` && `)})`;
}
