/**
 * The search document of a record: one tsvector built from its text fields,
 * each stemmed with its own language's configuration and weighted by where it
 * stands (A title, B summary, C labels such as topic names, D body). CJK runs
 * go in as bigrams with the `simple` configuration. A feature stores the result
 * in its table's `search_vector` column when it writes the record.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import { bigrams, configurationFor, splitCjk } from './text.js';

export type Weight = 'A' | 'B' | 'C' | 'D';

export interface SearchField {
  readonly text: string;
  /** ISO 639 code of the text's language. */
  readonly language: string;
  readonly weight: Weight;
}

/** The bigram text of a field's CJK runs (space-separated tokens), or '' when it has none. */
export function cjkTokens(text: string): string {
  return splitCjk(text)
    .runs.flatMap((run) => bigrams(run))
    .join(' ');
}

function fieldParts(fields: readonly SearchField[]): RawBuilder<unknown>[] {
  const parts: RawBuilder<unknown>[] = [];
  for (const field of fields) {
    const text = field.text.normalize('NFC');
    const { rest, runs } = splitCjk(text);
    const weight = sql.lit(field.weight);
    if (rest.trim()) parts.push(sql`setweight(to_tsvector(${configurationFor(field.language)}::regconfig, ${rest}), ${weight})`);
    if (runs.length > 0) parts.push(sql`setweight(to_tsvector('simple'::regconfig, ${cjkTokens(text)}), ${weight})`);
  }
  return parts;
}

/**
 * The SQL expression of the tsvector of `fields`, joined with vectors computed
 * beforehand (`precomputed`, in tsvector text form: labels shared by many records).
 * @example db.insertInto('offerings').values({ …, search_vector: searchVector([{ text: title, language: 'fr', weight: 'A' }]) })
 */
export function searchVector(fields: readonly SearchField[], precomputed: readonly string[] = []): RawBuilder<unknown> {
  const parts = [...fieldParts(fields), ...precomputed.map((vector) => sql`${vector}::tsvector`)];
  if (parts.length === 0) return sql`''::tsvector`;
  return sql`(${sql.join(parts, sql` || `)})`;
}

/**
 * The tsvectors (text form) of texts that many records share, such as the names of a topic or a
 * country in six languages, computed once so that each record only appends them.
 * @example await precomputeVectors(db, [{ key: 'cybersecurity', fields: [{ text: 'Cybersécurité', language: 'fr', weight: 'C' }] }])
 */
export async function precomputeVectors(
  db: Db,
  items: readonly { key: string; fields: readonly SearchField[] }[],
): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  const nonEmpty = items.filter((item) => fieldParts(item.fields).length > 0);
  for (let i = 0; i < nonEmpty.length; i += 200) {
    const chunk = nonEmpty.slice(i, i + 200);
    const { rows } = await sql<{ key: string; vector: string }>`
      select v.key, v.vector::text as vector from (values ${sql.join(
        chunk.map((item) => sql`(${item.key}, ${searchVector(item.fields)})`),
      )}) as v(key, vector)`.execute(db);
    for (const row of rows) result.set(row.key, row.vector);
  }
  return result;
}
