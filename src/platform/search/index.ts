/**
 * The platform's search service: multilingual full text (stemming per UN
 * language with unaccent, bigrams for Chinese), typo tolerance, capped
 * relevance ranking, keyset pagination and facet counts. Used by the capacity
 * clearinghouse for offerings and needs, and meant for people and projects
 * next. It never imports a feature: a feature names its table and filters.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { suggestCorrections } from './lexicon.js';
import { tsQueryExpression } from './query.js';
import { queryTerms, type QueryTerms } from './text.js';

export { precomputeVectors, searchVector, type SearchField, type Weight } from './document.js';
export {
  DEFAULT_WINDOW,
  search,
  type FacetColumn,
  type FacetCounts,
  type Ranking,
  type SearchRequest,
  type SearchResult,
  type SearchScope,
  type SearchSort,
  type Total,
} from './search.js';
export { rememberWords } from './lexicon.js';
export { RankingNote } from './ranking-note.js';
export { configurationFor, lexiconWords, queryTerms, type QueryTerms } from './text.js';

export interface PreparedQuery {
  /** The words and CJK runs the query was cut into. */
  readonly terms: QueryTerms;
  /** Words the corpus does not know, with the known words searched for as well. */
  readonly corrections: ReadonlyMap<string, readonly string[]>;
  /** The tsquery (text form) to search with, or undefined when nothing is left to search for. */
  readonly tsquery: string | undefined;
  /** True when the query had words but all were common words (stop words) and were ignored. */
  readonly ignored: boolean;
}

/**
 * Turns a search box's text into the tsquery to search `corpus` with.
 * @example const { tsquery, corrections } = await prepareQuery(db, 'capacity', 'cybersecurty training');
 */
export async function prepareQuery(db: Db, corpus: string, text: string): Promise<PreparedQuery> {
  const terms = queryTerms(text);
  const corrections = await suggestCorrections(db, corpus, terms.words);
  const expression = tsQueryExpression(terms, corrections);
  if (!expression) return { terms, corrections, tsquery: undefined, ignored: false };
  const { rows } = await sql<{ query: string; nodes: number }>`
    select q::text as query, numnode(q) as nodes from (select ${expression} as q) as s`.execute(db);
  const row = rows[0];
  if (!row || row.nodes === 0) return { terms, corrections, tsquery: undefined, ignored: true };
  return { terms, corrections, tsquery: row.query, ignored: false };
}
