/**
 * The search document of a record: one tsvector built from its text fields,
 * each stemmed with its own language's configuration and weighted by where it
 * stands (A title, B summary, C labels such as topic names, D body). CJK runs
 * go in as bigrams with the `simple` configuration. A feature stores the result
 * in its table's `search_vector` column when it writes the record.
 */
import { sql, type RawBuilder } from 'kysely';
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

/**
 * The SQL expression of the tsvector of `fields`.
 * @example db.insertInto('offerings').values({ …, search_vector: searchVector([{ text: title, language: 'fr', weight: 'A' }]) })
 */
export function searchVector(fields: readonly SearchField[]): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  for (const field of fields) {
    const text = field.text.normalize('NFC');
    const { rest, runs } = splitCjk(text);
    const weight = sql.lit(field.weight);
    if (rest.trim()) parts.push(sql`setweight(to_tsvector(${configurationFor(field.language)}::regconfig, ${rest}), ${weight})`);
    if (runs.length > 0) parts.push(sql`setweight(to_tsvector('simple'::regconfig, ${cjkTokens(text)}), ${weight})`);
  }
  if (parts.length === 0) return sql`''::tsvector`;
  return sql`(${sql.join(parts, sql` || `)})`;
}
