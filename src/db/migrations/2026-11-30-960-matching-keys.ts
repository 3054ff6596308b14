/**
 * A faster index for the matching engine's candidate query (src/features/
 * matching/candidate-repository.ts). `offerings_matching` (migration 800)
 * ANDs a selective key (a topic, a competence) with two unselective ones (a
 * language, an eligibility code that most offerings share, such as WLD): GIN
 * decodes the long posting lists of the unselective keys for every query, which
 * took most of the query's time at 100,000 offerings (EXPLAIN: 25–35 ms per
 * term list, even when nothing matched). Here each published offering is
 * indexed under combined keys, one per vocabulary term × language ×
 * eligibility code (`t:<topic>|<language>|<code>`, `d:` a DigComp code, `e:`
 * an ESCO skill), so "linked, in one of these languages, open to this country
 * or one of its groups" is one lookup of short posting lists. An offering has
 * a handful of keys (terms × languages × eligibility codes; 2.3 on average in
 * the generated catalogue).
 *
 * And the short list columns stay in the row. An offering's row is longer than
 * PostgreSQL's 2 KB TOAST threshold because its search vector is kept in the row
 * (migration 602); to make it fit, PostgreSQL moves every other movable value
 * out of line, down to arrays of one code, so testing `languages`, `topics` or
 * the eligibility of a candidate cost a TOAST index lookup each: about as many
 * extra buffer reads as candidates, most of the filter's time (EXPLAIN on the
 * generated catalogue). `main` keeps them in the row (compressed if need be;
 * out of line only when a row cannot fit a page otherwise). Rows written
 * before this migration keep their values where they are until rewritten.
 */
import { sql, type Kysely } from 'kysely';

/** The offering's list columns: filters, the candidate query's tier and constraints, and what the engine scores. */
const LIST_COLUMNS = [
  'topics',
  'digcomp',
  'esco',
  'audiences',
  'target_groups',
  'levels',
  'languages',
  'eligible_countries',
  'eligible_groups',
  'accessibility',
  'sdgs',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of LIST_COLUMNS) await sql`alter table offerings alter column ${sql.ref(column)} set storage main`.execute(db);
  await sql`
    create function offering_matching_keys(topics text[], digcomp text[], esco text[], languages text[], eligible text[])
    returns text[] language sql immutable parallel safe as $$
      select coalesce(array_agg(term || '|' || language || '|' || code), '{}')
      from (select 't:' || t from unnest(topics) as t union all select 'd:' || d from unnest(digcomp) as d
            union all select 'e:' || e from unnest(esco) as e) as terms(term),
           unnest(languages) as language, unnest(eligible) as code
    $$`.execute(db);
  await sql`create index offerings_matching_keys on offerings using gin
    (offering_matching_keys(topics, digcomp, esco, languages, eligible_countries || eligible_groups))
    with (gin_pending_list_limit = 256) where status = 'published'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of LIST_COLUMNS) await sql`alter table offerings alter column ${sql.ref(column)} set storage extended`.execute(db);
  await sql`drop index if exists offerings_matching_keys`.execute(db);
  await sql`drop function if exists offering_matching_keys(text[], text[], text[], text[], text[])`.execute(db);
}
