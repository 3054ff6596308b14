/**
 * Counts per facet value over the matches of a search, in one query: the
 * matches (most recently listed first, at most `cap` of them) are read once
 * and grouped by every facet column. When there are `cap` matches or more,
 * the counts describe the `cap` newest and say so (`exact: false`).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import type { SearchScope } from './hits.js';

export interface FacetColumn {
  /** Name in the response, e.g. `topics`. */
  readonly name: string;
  /** The value counted, over the table's columns: a column (sql.ref('topics')) or an expression. */
  readonly value: RawBuilder<unknown>;
  /** text[] (each element counts) or a single value. */
  readonly array: boolean;
}

export interface FacetCounts {
  /** Matches the counts were taken over. */
  readonly counted: number;
  /** True when that is every match. */
  readonly exact: boolean;
  readonly values: Record<string, { value: string; count: number }[]>;
}

export const DEFAULT_FACET_CAP = 2000;

/**
 * @example await countFacets(db, scope, tsquery, [{ name: 'topics', value: sql.ref('topics'), array: true }])
 */
export async function countFacets(
  db: Db,
  scope: SearchScope,
  tsquery: string | undefined,
  facets: readonly FacetColumn[],
  cap = DEFAULT_FACET_CAP,
): Promise<FacetCounts> {
  const values: FacetCounts['values'] = Object.fromEntries(facets.map((f) => [f.name, []]));
  if (facets.length === 0) return { counted: 0, exact: true, values };
  const where = tsquery === undefined ? sql`(${scope.where})` : sql`(${scope.where}) and search_vector @@ ${tsquery}::tsquery`;
  const columns = sql.join(facets.map((f, i) => sql`${f.value} as ${sql.ref(`f${i}`)}`));
  const groups = facets.map((f, i) => {
    const column = sql.ref(`basis.f${i}`);
    return f.array
      ? sql`select ${f.name}::text as facet, v::text as value, count(*) as n from basis cross join unnest(${column}) as v group by v`
      : sql`select ${f.name}::text as facet, ${column}::text as value, count(*) as n from basis where ${column} is not null group by ${column}`;
  });
  const { rows } = await sql<{ facet: string; value: string; n: number }>`
    with basis as materialized (
      select ${columns} from ${sql.table(scope.table)} where ${where} order by listed_at desc, id desc limit ${cap}
    )
    select ''::text as facet, ''::text as value, count(*) as n from basis
    union all ${sql.join(groups, sql` union all `)}`.execute(db);
  let counted = 0;
  for (const { facet, value, n } of rows) {
    if (facet === '') counted = Number(n);
    else values[facet]?.push({ value, count: Number(n) });
  }
  for (const list of Object.values(values)) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return { counted, exact: counted < cap, values };
}
