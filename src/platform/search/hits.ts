/**
 * Finds a page of hits in a searchable table, by relevance or newest first,
 * with keyset pagination, and counts the matches — never ranking or counting
 * more than a stated number of rows.
 *
 * The table must have `id uuid`, `listed_at timestamptz` (when it entered the
 * list) and `search_vector tsvector`, with a GIN index on the vector and a
 * B-tree index ending in (listed_at desc, id desc).
 *
 * Relevance: the candidates are the matches most recently listed, at most
 * `candidates` of them (a B-tree walk in date order for common words, a GIN
 * bitmap for rare ones; the planner chooses from the query's statistics). Only
 * they are ranked (ts_rank, title > summary > labels > body, normalised by
 * document length). A query on very common words therefore costs the same as
 * one on rare words, and the response says how the ranking was capped.
 * Counting stops at `count` + 1 rows: beyond, the total is "at least".
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import { decodeSearchCursor, encodeSearchCursor } from './cursor.js';

export type SearchSort = 'relevance' | 'newest';

export interface SearchScope {
  /** Table name; a trusted identifier chosen by the calling feature. */
  readonly table: string;
  /** What every hit must satisfy (visibility, facet filters), over the table's columns. */
  readonly where: RawBuilder<unknown>;
}

export interface HitRequest {
  /** A tsquery in its text form (prepareQuery), or undefined to list without text search. */
  readonly tsquery: string | undefined;
  readonly sort: SearchSort;
  readonly limit: number;
  readonly cursor: string | undefined;
}

export interface SearchLimits {
  /** Most matches ranked by relevance. */
  readonly candidates: number;
  /** Most matches counted. */
  readonly count: number;
}

export const DEFAULT_LIMITS: SearchLimits = { candidates: 1000, count: 10_000 };

export interface Total {
  readonly value: number;
  /** False: there are at least `value` matches (counting stopped there). */
  readonly exact: boolean;
}

export interface Ranking {
  readonly sort: SearchSort;
  /** Matches that were ranked (relevance only). */
  readonly ranked: number | null;
  readonly capped: boolean;
  /** In words, for the reader: what was ranked and how. */
  readonly method: string;
}

export interface Hits {
  readonly ids: string[];
  readonly next: string | null;
  readonly total: Total;
  readonly ranking: Ranking;
}

/** ts_rank weights for D, C, B, A (body, labels, summary, title) and normalisation 1 (divide by 1 + log of length). */
const RANK = sql`'{0.1, 0.2, 0.4, 1.0}'::float4[]`;

/**
 * @example await findHits(db, { table: 'offerings', where: sql`status = 'published'` }, { tsquery, sort: 'relevance', limit: 20, cursor }, DEFAULT_LIMITS)
 */
export async function findHits(db: Db, scope: SearchScope, request: HitRequest, limits: SearchLimits = DEFAULT_LIMITS): Promise<Hits> {
  if (request.tsquery !== undefined && request.sort === 'relevance') return byRelevance(db, scope, request.tsquery, request, limits);
  return newestFirst(db, scope, request, limits);
}

function matches(scope: SearchScope, tsquery: string | undefined): RawBuilder<unknown> {
  return tsquery === undefined ? sql`(${scope.where})` : sql`(${scope.where}) and search_vector @@ ${tsquery}::tsquery`;
}

async function byRelevance(db: Db, scope: SearchScope, tsquery: string, request: HitRequest, limits: SearchLimits): Promise<Hits> {
  const after = decodeSearchCursor(request.cursor, 'r');
  const { rows } = await sql<{ id: string; rank: number; candidates: number }>`
    with candidates as (
      select id, search_vector from ${sql.table(scope.table)}
      where ${matches(scope, tsquery)}
      order by listed_at desc, id desc
      limit ${limits.candidates}
    ), ranked as (
      select id, ts_rank(${RANK}, search_vector, ${tsquery}::tsquery, 1)::float8 as rank from candidates
    )
    select id, rank, (select count(*) from candidates) as candidates from ranked
    ${after ? sql`where (rank, id) < (${after[1]}::float8, ${after[2]}::uuid)` : sql``}
    order by rank desc, id desc
    limit ${request.limit + 1}`.execute(db);
  const ranked = rows[0]?.candidates ?? (after ? limits.candidates : 0);
  const capped = ranked >= limits.candidates;
  const total = capped ? await countMatches(db, scope, tsquery, limits.count) : { value: ranked, exact: true };
  const page = rows.slice(0, request.limit);
  const last = page[page.length - 1];
  return {
    ids: page.map((r) => r.id),
    next: rows.length > request.limit && last ? encodeSearchCursor(['r', last.rank, last.id]) : null,
    total,
    ranking: {
      sort: 'relevance',
      ranked,
      capped,
      method: capped
        ? `Ranked by relevance among the ${ranked} most recently listed of ${total.exact ? '' : 'at least '}${total.value} matches; ` +
          'add words or filters to rank the others.'
        : `Ranked by relevance among all ${ranked} matches.`,
    },
  };
}

async function newestFirst(db: Db, scope: SearchScope, request: HitRequest, limits: SearchLimits): Promise<Hits> {
  const after = decodeSearchCursor(request.cursor, 'd');
  const { rows } = await sql<{ id: string; listed: string }>`
    select id, listed_at::text as listed from ${sql.table(scope.table)}
    where ${matches(scope, request.tsquery)}
    ${after ? sql`and (listed_at, id) < (${after[1]}::timestamptz, ${after[2]}::uuid)` : sql``}
    order by listed_at desc, id desc
    limit ${request.limit + 1}`.execute(db);
  const page = rows.slice(0, request.limit);
  const last = page[page.length - 1];
  const wholeList = !after && rows.length <= request.limit;
  return {
    ids: page.map((r) => r.id),
    next: rows.length > request.limit && last ? encodeSearchCursor(['d', last.listed, last.id]) : null,
    total: wholeList ? { value: rows.length, exact: true } : await countMatches(db, scope, request.tsquery, limits.count),
    ranking: { sort: 'newest', ranked: null, capped: false, method: 'Newest first.' },
  };
}

/** The number of matches, counting at most `cap` + 1 rows. */
export async function countMatches(db: Db, scope: SearchScope, tsquery: string | undefined, cap: number): Promise<Total> {
  const { rows } = await sql<{ n: number }>`
    select count(*) as n from (select 1 from ${sql.table(scope.table)} where ${matches(scope, tsquery)} limit ${cap + 1}) as m`.execute(db);
  const n = Number(rows[0]?.n ?? 0);
  return n > cap ? { value: cap, exact: false } : { value: n, exact: true };
}
