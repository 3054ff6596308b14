/**
 * One search over a searchable table: a page of hits (by relevance or newest
 * first, with keyset cursors), the total and counts per facet value — never
 * reading, ranking or counting more than a stated window of matches.
 *
 * The table must have `id uuid`, `listed_at timestamptz` (when it entered the
 * list), `search_vector tsvector` (stored inline, `storage main`), a GIN index
 * on the vector and a B-tree index ending in (listed_at desc, id desc).
 *
 * Method. The window is the most recently listed matches, at most
 * `window` of them: for common words PostgreSQL walks the date index and
 * tests each row's vector, for rare ones it reads the GIN index and sorts the
 * few matches — the planner chooses from the query's statistics. The window is
 * read once; from it come the relevance ranking (ts_rank: title > summary >
 * labels > body, normalised by document length), the facet counts and the total,
 * each exact when the window holds every match and stated as "at least" when it
 * is full. Newest-first pages are read from the whole table with a keyset
 * cursor, so they reach every match. A query on very common words costs the
 * same as one on rare words, and the response says how it was capped.
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

export interface FacetColumn {
  /** Name in the response, e.g. `topics`. */
  readonly name: string;
  /** The value counted, over the table's columns: a column (sql.ref('topics')) or an expression. */
  readonly value: RawBuilder<unknown>;
  /** text[] (each element counts) or a single value. */
  readonly array: boolean;
}

export interface SearchRequest {
  /** A tsquery in its text form (prepareQuery), or undefined to list without text search. */
  readonly tsquery: string | undefined;
  readonly sort: SearchSort;
  readonly limit: number;
  readonly cursor: string | undefined;
  readonly facets: readonly FacetColumn[];
}

/** Most matches read for ranking, facets and the total. */
export const DEFAULT_WINDOW = 1000;

export interface Total {
  readonly value: number;
  /** False: there are at least `value` matches (the window was full). */
  readonly exact: boolean;
}

export interface Ranking {
  readonly sort: SearchSort;
  /** Matches ranked (relevance only). */
  readonly ranked: number | null;
  readonly capped: boolean;
  /** In words, for the reader: what was ranked and how. */
  readonly method: string;
}

export interface FacetCounts {
  /** Matches the counts were taken over (the most recent first). */
  readonly counted: number;
  /** True when that is every match. */
  readonly exact: boolean;
  readonly values: Record<string, { value: string; count: number }[]>;
}

export interface SearchResult {
  readonly ids: string[];
  readonly next: string | null;
  readonly total: Total;
  readonly ranking: Ranking;
  readonly facets: FacetCounts;
}

/** ts_rank weights for D, C, B, A (body, labels, summary, title); normalisation 1 divides by 1 + log of length. */
const RANK = sql`'{0.1, 0.2, 0.4, 1.0}'::float4[]`;

interface WindowRow {
  counted: number;
  page: [string, number][] | null;
  facets: [string, string, number][] | null;
}

/**
 * @example await search(db, { table: 'offerings', where: sql`status = 'published'` }, { tsquery, sort: 'relevance', limit: 20, cursor, facets })
 */
export async function search(db: Db, scope: SearchScope, request: SearchRequest, window = DEFAULT_WINDOW): Promise<SearchResult> {
  const relevance = request.tsquery !== undefined && request.sort === 'relevance';
  const [windowRow, newest] = await Promise.all([
    readWindow(db, scope, request, window, relevance),
    relevance ? Promise.resolve(undefined) : newestPage(db, scope, request),
  ]);
  const counted = Number(windowRow.counted);
  const capped = counted >= window;
  const total: Total = { value: counted, exact: !capped };
  const facets = facetCounts(request.facets, windowRow.facets ?? [], counted, capped);
  if (newest) return { ...newest, total, facets, ranking: { sort: 'newest', ranked: null, capped: false, method: 'Newest first.' } };
  const rows = windowRow.page ?? [];
  const page = rows.slice(0, request.limit);
  const last = page[page.length - 1];
  return {
    ids: page.map(([id]) => id),
    next: rows.length > request.limit && last ? encodeSearchCursor(['r', last[1], last[0]]) : null,
    total,
    facets,
    ranking: {
      sort: 'relevance',
      ranked: counted,
      capped,
      method: capped
        ? `Ranked by relevance among the ${counted} most recently listed matches; there are more: add words or filters to rank the others.`
        : `Ranked by relevance among all ${counted} matches.`,
    },
  };
}

function matches(scope: SearchScope, tsquery: string | undefined): RawBuilder<unknown> {
  return tsquery === undefined ? sql`(${scope.where})` : sql`(${scope.where}) and search_vector @@ ${tsquery}::tsquery`;
}

/** The window of matches read once: its size, the relevance page (when ranking) and the facet counts. */
async function readWindow(db: Db, scope: SearchScope, request: SearchRequest, window: number, relevance: boolean): Promise<WindowRow> {
  const after = relevance ? decodeSearchCursor(request.cursor, 'r') : undefined;
  const facetColumns = request.facets.map((f, i) => sql`${f.value} as ${sql.ref(`f${i}`)}`);
  const facetGroups = request.facets.map((f, i) => {
    const column = sql.ref(`basis.f${i}`);
    return f.array
      ? sql`select ${f.name}::text as facet, v::text as value, count(*) as n from basis cross join unnest(${column}) as v group by v`
      : sql`select ${f.name}::text as facet, ${column}::text as value, count(*) as n from basis where ${column} is not null group by ${column}`;
  });
  const { rows } = await sql<WindowRow>`
    with basis as materialized (
      select id ${relevance ? sql`, search_vector` : sql``} ${facetColumns.length > 0 ? sql`, ${sql.join(facetColumns)}` : sql``}
      from ${sql.table(scope.table)}
      where ${matches(scope, request.tsquery)}
      order by listed_at desc, id desc
      limit ${window}
    )
    select
      (select count(*) from basis) as counted,
      ${
        relevance
          ? sql`(select json_agg(json_build_array(id, rank) order by rank desc, id desc) from (
                  select id, rank from (select id, ts_rank(${RANK}, search_vector, ${request.tsquery}::tsquery, 1)::float8 as rank from basis) as ranked
                  ${after ? sql`where (rank, id) < (${after[1]}::float8, ${after[2]}::uuid)` : sql``}
                  order by rank desc, id desc limit ${request.limit + 1}) as page)`
          : sql`null`
      } as page,
      ${
        facetGroups.length > 0
          ? sql`(select json_agg(json_build_array(facet, value, n)) from (${sql.join(facetGroups, sql` union all `)}) as counts)`
          : sql`null`
      } as facets`.execute(db);
  return rows[0] ?? { counted: 0, page: null, facets: null };
}

/** A page newest first, from every match (keyset on listed_at, id). */
async function newestPage(db: Db, scope: SearchScope, request: SearchRequest): Promise<{ ids: string[]; next: string | null }> {
  const after = decodeSearchCursor(request.cursor, 'd');
  const { rows } = await sql<{ id: string; listed: string }>`
    select id, listed_at::text as listed from ${sql.table(scope.table)}
    where ${matches(scope, request.tsquery)}
    ${after ? sql`and (listed_at, id) < (${after[1]}::timestamptz, ${after[2]}::uuid)` : sql``}
    order by listed_at desc, id desc
    limit ${request.limit + 1}`.execute(db);
  const page = rows.slice(0, request.limit);
  const last = page[page.length - 1];
  return { ids: page.map((r) => r.id), next: rows.length > request.limit && last ? encodeSearchCursor(['d', last.listed, last.id]) : null };
}

function facetCounts(
  columns: readonly FacetColumn[],
  rows: readonly [string, string, number][],
  counted: number,
  capped: boolean,
): FacetCounts {
  const grouped = new Map<string, { value: string; count: number }[]>(columns.map((f) => [f.name, []]));
  for (const [facet, value, n] of rows) grouped.get(facet)?.push({ value, count: Number(n) });
  const values = Object.fromEntries(
    [...grouped].map(([name, list]) => [name, list.toSorted((a, b) => b.count - a.count || a.value.localeCompare(b.value))]),
  );
  return { counted, exact: !capped, values };
}
