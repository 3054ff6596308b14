/**
 * Typo tolerance: the words seen in indexed text (per corpus: 'capacity' for
 * offerings and needs, later 'people', 'projects') and, for a query word the
 * corpus has never seen, its closest known words by trigram similarity
 * (pg_trgm), so that `cybersecurty` also searches for `cybersecurity`. Words
 * are kept lower-cased and unaccented; a word once seen stays (a stale word
 * costs a useless alternative, never a wrong result, because the corrected
 * query still has to match a document).
 */
import { sql } from 'kysely';
import type { Db, WriteTx } from '../../db/database.js';

/** Only words this long are corrected: shorter ones have too few trigrams to compare. */
export const MIN_CORRECTED_LENGTH = 4;
/** Trigram similarity a suggestion needs (0–1); pg_trgm's `%` pre-filters at its own 0.3. */
export const MIN_SIMILARITY = 0.45;
const SUGGESTIONS_PER_WORD = 2;

/**
 * Adds words to the corpus's lexicon, in the caller's transaction. Sorted, so
 * that concurrent writers insert shared words in the same order and cannot deadlock.
 * @example await rememberWords(tx, 'capacity', lexiconWords([title, summary]))
 */
export async function rememberWords(tx: Db | WriteTx, corpus: string, words: readonly string[]): Promise<void> {
  if (words.length === 0) return;
  await sql`
    insert into search_lexicon (corpus, word)
    select ${corpus}, w from (select distinct unaccent(lower(x)) as w from unnest(${[...words]}::text[]) as x) as s
    where length(w) between 3 and 60
    order by w
    on conflict do nothing`.execute(tx);
}

/**
 * For each query word the lexicon does not know, its closest known words (best first).
 * @example await suggestCorrections(db, 'capacity', ['cybersecurty']) // Map { 'cybersecurty' => ['cybersecurity'] }
 */
export async function suggestCorrections(db: Db, corpus: string, words: readonly string[]): Promise<Map<string, string[]>> {
  const candidates = words.filter((w) => [...w].length >= MIN_CORRECTED_LENGTH && /^\p{L}+$/u.test(w));
  const result = new Map<string, string[]>();
  if (candidates.length === 0) return result;
  const { rows } = await sql<{ typed: string; suggestion: string }>`
    select q.typed, s.word as suggestion, s.score
    from (select x as typed, unaccent(lower(x)) as norm from unnest(${candidates}::text[]) as x) as q
    cross join lateral (
      select l.word, similarity(l.word, q.norm) as score from search_lexicon as l
      where l.corpus = ${corpus} and l.word % q.norm and similarity(l.word, q.norm) >= ${MIN_SIMILARITY}
      order by similarity(l.word, q.norm) desc, l.word
      limit ${SUGGESTIONS_PER_WORD}
    ) as s
    where not exists (select 1 from search_lexicon as k where k.corpus = ${corpus} and k.word = q.norm)
    order by q.typed, s.score desc, s.word`.execute(db);
  for (const { typed, suggestion } of rows) result.set(typed, [...(result.get(typed) ?? []), suggestion]);
  return result;
}
