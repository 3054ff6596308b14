/**
 * The expert finder: people by skill (a DigComp area finds its competences), language and level,
 * duty station (a country or a group), organisation, availability and text, faceted, with keyset
 * pagination. Search, capping and facet counts are the platform search service's
 * (src/platform/search); this module turns the query into its scope over `profile_search`.
 *
 * Visibility: the scope reads only the rows of the asker's audience (viewer.ts), which hold only
 * what that audience may see (search-rows.ts). So a person whose skills are shown to their
 * organisation only does not match a skill search by an outsider, is not counted in the skill
 * facets an outsider sees, and their skills' words neither match nor rank an outsider's text
 * search; newest-first sorts by when the person joined the finder, not by when a part changed.
 */
import { sql, type RawBuilder } from 'kysely';
import { isLanguageCode, type Problem } from '../../core/capacity/plausibility.js';
import { partsSeenBy, type LanguageLevel } from '../../core/people/index.js';
import type { Actor } from '../../core/policy/actor.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import { prepareQuery, search, type FacetColumn, type PreparedQuery } from '../../platform/search/index.js';
import { LANGUAGE_FILTER, type PeoplePage, type PeopleQuery } from './finder-schemas.js';
import { fieldsOfRow } from './record.js';
import { organisationsOfFinderRows, profilesOfFinderRows } from './repository.js';
import { presentPersonSummary } from './presenters.js';
import { PEOPLE_CORPUS } from './search-rows.js';
import { viewerScope, visibleRows, type ViewerScope } from './viewer.js';
import { countriesOf, peopleVocabulary, type PeopleVocabulary } from './vocabulary.js';

/**
 * Matches a finder search reads for its relevance ranking, facet counts and total: the 250 most
 * recently listed (the catalogue reads 1,000). Every case costs about the window it reads — a
 * common word is tested row by row until the window is full, and the six facets are counted over
 * it — so at 100,000 profiles a window of 1,000 put the twelve-case p95 at 143 ms, 400 at 54 ms and
 * 250 at 37 ms (bench/README.md). Beyond 250 the response says "at least 250" and the method says
 * so; newest-first pages still reach every match.
 */
export const FINDER_WINDOW = 250;

/** A row's availability periods, as a relation (the exact test for people with several periods). */
const periods = sql`jsonb_to_recordset(profile_search.availability) as a(share int, "from" date, "to" date)`;

export const PEOPLE_FACETS: readonly FacetColumn[] = [
  { name: 'topics', value: sql.ref('topics'), array: true },
  { name: 'digcomp', value: sql.ref('digcomp'), array: true },
  { name: 'esco', value: sql.ref('esco'), array: true },
  { name: 'languages', value: sql.ref('languages'), array: true },
  { name: 'country', value: sql.ref('duty_station'), array: false },
  {
    // Generated columns (migration 970): no per-row function call for the window's counts.
    name: 'availability',
    value: sql`array_remove(array[
      case when profile_search.availability_spans @> current_date then 'now' end,
      case when profile_search.availability_latest_start > current_date then 'later' end], null)`,
    array: true,
  },
];

/** One problem per parameter value that is not in the vocabulary (a 400, not an empty list). */
function problemsOf(query: PeopleQuery, vocab: PeopleVocabulary): Problem[] {
  const problems: Problem[] = [];
  const check = (param: string, values: readonly string[] | undefined, known: (v: string) => boolean, what: string) =>
    values?.forEach((value, i) => {
      if (!known(value)) problems.push({ path: [param, i], message: `"${value}" is not ${what}` });
    });
  check('topics', query.topics, (v) => vocab.topics.has(v), 'a topic; see /api/v1/taxonomies/topics');
  check('digcomp', query.digcomp, (v) => vocab.digcomp.has(v), 'a DigComp 2.2 code; see /api/v1/taxonomies/digcomp');
  check('esco', query.esco, (v) => vocab.esco.has(v.toLowerCase()), 'an ESCO digital skill UUID');
  check(
    'languages',
    query.languages,
    (v) => isLanguageCode(LANGUAGE_FILTER.exec(v)?.[1] ?? ''),
    'a language code (ISO 639), optionally with a level (fr or fr:B2)',
  );
  if (query.country && !countriesOf(vocab, query.country))
    problems.push({ path: ['country'], message: `"${query.country}" is neither a country’s ISO alpha-3 code nor a group code` });
  if (query.minProficiency !== undefined && !query.digcomp?.length)
    problems.push({ path: ['minProficiency'], message: 'give the DigComp codes it applies to (digcomp=…)' });
  if (query.availableFrom && query.availableTo && query.availableTo < query.availableFrom)
    problems.push({ path: ['availableTo'], message: 'is before availableFrom' });
  return problems;
}

const overlaps = (column: string, values: readonly string[]) => sql`${sql.ref(`profile_search.${column}`)} && ${[...values]}::text[]`;

function languageCondition(filters: readonly string[]): RawBuilder<unknown> {
  const plain: string[] = [];
  const levelled: string[] = [];
  for (const filter of filters) {
    const [, code, level] = LANGUAGE_FILTER.exec(filter) ?? [];
    if (!code) continue;
    if (level) levelled.push(`${code}>=${level as LanguageLevel}`);
    else plain.push(code);
  }
  const parts = [
    ...(plain.length ? [overlaps('languages', plain)] : []),
    ...(levelled.length ? [overlaps('language_levels', levelled)] : []),
  ];
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** The generated periods offering at least a threshold (migration 970), the largest not above `share`. */
function spansOf(share: number): { readonly column: string; readonly threshold: number } {
  const threshold = [100, 50, 25].find((t) => share >= t);
  return threshold
    ? { column: `profile_search.availability_spans_${threshold}`, threshold }
    : { column: 'profile_search.availability_spans', threshold: 1 };
}

/**
 * Someone with one period that covers the dates at the share. Answered from generated, indexed
 * columns: for a person with one period (most people) the periods of at least the threshold
 * containing the dates and the largest share are the exact test; only people with several periods
 * run the per-period test, so that two periods are never combined into one.
 */
function availabilityCondition(query: PeopleQuery): RawBuilder<unknown> | undefined {
  const from = query.availableFrom ?? query.availableTo;
  const to = query.availableTo ?? query.availableFrom;
  if (!from && query.minShare === undefined) return undefined;
  const share = query.minShare ?? 1;
  // The largest share offered: some period offers at least `share` exactly when it does.
  const offered = sql`profile_search.availability_share >= ${share}`;
  if (!from) return offered;
  const onePeriod = sql`exists (select 1 from ${periods} where a.share >= ${share} and a."from" <= ${from}::date and (a."to" is null or a."to" >= ${to}::date))`;
  const spans = spansOf(share);
  const covers = sql`${sql.ref(spans.column)} @> daterange(${from}::date, ${to}::date, '[]')`;
  // At a threshold the column already says the share; repeating it would make the planner count the share twice.
  const test = spans.threshold === share ? covers : sql`${covers} and ${offered}`;
  return sql`${test} and (profile_search.availability_periods = 1 or ${onePeriod})`;
}

/**
 * The conditions of a finder query for a viewer, over profile_search.
 * @example peopleConditions({ digcomp: ['4'], languages: ['fr:B2'] }, vocab, viewerScope(actor))
 */
export function peopleConditions(query: PeopleQuery, vocab: PeopleVocabulary, scope: ViewerScope): RawBuilder<unknown> {
  const problems = problemsOf(query, vocab);
  if (problems.length > 0) {
    const fields = problems.map((p) => ({ field: ['query', ...p.path.map(String)].join('.'), message: p.message }));
    throw new AppError('validation-failed', `${fields[0]!.field}: ${fields[0]!.message}`, fields);
  }
  const conditions: RawBuilder<unknown>[] = [visibleRows(scope)];
  if (query.topics?.length) conditions.push(overlaps('topics', query.topics));
  if (query.digcomp?.length) {
    conditions.push(
      query.minProficiency === undefined
        ? overlaps('digcomp', query.digcomp)
        : overlaps(
            'digcomp_levels',
            query.digcomp.map((code) => `${code}>=${query.minProficiency}`),
          ),
    );
  }
  if (query.esco?.length)
    conditions.push(
      overlaps(
        'esco',
        query.esco.map((e) => e.toLowerCase()),
      ),
    );
  if (query.languages?.length) conditions.push(languageCondition(query.languages));
  // `stations` (the duty station as an array) sits in the filters' GIN index beside the skills (migration 970).
  if (query.country) conditions.push(overlaps('stations', [...countriesOf(vocab, query.country)!]));
  if (query.organisation) conditions.push(sql`profile_search.organisation_ids @> array[${query.organisation}::uuid]`);
  const availability = availabilityCondition(query);
  if (availability) conditions.push(availability);
  if (query.demo === 'exclude') conditions.push(sql`not profile_search.demo`);
  if (query.demo === 'only') conditions.push(sql`profile_search.demo`);
  return sql.join(conditions, sql` and `);
}

/**
 * People the actor may see that match the query: a page with the total, facet counts and how the
 * search ranked them — each person with the parts shown to the actor.
 * @example await searchPeople(db, actor, { digcomp: ['4'], languages: ['fr:B2'], limit: 20 })
 */
export async function searchPeople(db: Db, actor: Actor, query: PeopleQuery): Promise<PeoplePage> {
  const scope = viewerScope(actor);
  // Independent reads, so one wait instead of two: the vocabulary (its version check) and the text's tsquery.
  const [vocab, prepared]: [PeopleVocabulary, PreparedQuery | undefined] = await Promise.all([
    peopleVocabulary(db),
    query.q?.trim() ? prepareQuery(db, PEOPLE_CORPUS[scope.floor], query.q) : undefined,
  ]);
  const where = peopleConditions(query, vocab, scope);
  const tsquery = prepared?.tsquery;
  const sort = query.sort ?? (tsquery ? 'relevance' : 'newest');
  const searchScope = { table: 'profile_search', where };
  const hits = await search(
    db,
    searchScope,
    { tsquery, sort, limit: query.limit, cursor: query.cursor, facets: PEOPLE_FACETS },
    FINDER_WINDOW,
  );
  const { facets } = hits;
  const data = await presentHits(db, hits.ids);
  return {
    data,
    next: hits.next,
    total: hits.total,
    search: {
      q: query.q?.trim() ? query.q : null,
      sort: hits.ranking.sort,
      corrections: [...(prepared?.corrections ?? new Map<string, readonly string[]>())].map(([word, alternatives]) => ({
        word,
        alsoSearched: [...alternatives],
      })),
      ignoredCommonWords: prepared?.ignored ?? false,
      ranked: hits.ranking.ranked,
      capped: hits.ranking.capped,
      method: hits.ranking.method,
    },
    facets,
  };
}

/** The people of finder rows, in order, each with the parts of that row's audience (two reads side by side). */
async function presentHits(db: Db, rowIds: readonly string[]) {
  if (rowIds.length === 0) return [];
  const [hits, organisations] = await Promise.all([profilesOfFinderRows(db, rowIds), organisationsOfFinderRows(db, rowIds)]);
  return hits.flatMap(({ audience, profile }) => {
    const seen = partsSeenBy(fieldsOfRow(profile).visibility, audience as 0 | 1 | 2);
    // The person narrowed their basics since the row was read: they are not shown.
    if (!seen.has('basics')) return [];
    return [presentPersonSummary(profile, organisations.get(profile.user_id) ?? [], seen)];
  });
}
