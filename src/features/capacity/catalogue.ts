/**
 * The catalogue use cases: search and list offerings and needs with facet
 * counts, for the API and (later) the pages and saved-search alerts. Text
 * search, capping and facets are the platform search service's
 * (src/platform/search); this module turns list parameters into its scope.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../../core/policy/actor.js';
import type { Db } from '../../db/database.js';
import { prepareQuery, search as searchTable, type FacetColumn, type PreparedQuery } from '../../platform/search/index.js';
import type { NeedListQuery, NeedPage, OfferingListQuery, OfferingPage } from './list-schemas.js';
import { needConditions, offeringConditions } from './filters.js';
import { presentNeedSummary } from './need-presenters.js';
import { needsByIds } from './need-repository.js';
import { presentOfferingSummary } from './offering-presenters.js';
import { offeringsByIds } from './offering-repository.js';
import { CORPUS } from './offering-writes.js';
import { vocabulary } from './vocabulary.js';

export const OFFERING_FACETS: readonly FacetColumn[] = [
  { name: 'topics', value: sql.ref('topics'), array: true },
  { name: 'kind', value: sql.ref('kind'), array: false },
  { name: 'audiences', value: sql.ref('audiences'), array: true },
  { name: 'targetGroups', value: sql.ref('target_groups'), array: true },
  { name: 'levels', value: sql.ref('levels'), array: true },
  { name: 'modalities', value: sql.ref('modality'), array: false },
  { name: 'bandwidth', value: sql.ref('bandwidth'), array: false },
  { name: 'languages', value: sql.ref('languages'), array: true },
  { name: 'eligibleGroups', value: sql.ref('eligible_groups'), array: true },
  { name: 'certification', value: sql.ref('certification'), array: false },
  { name: 'accessibility', value: sql.ref('accessibility'), array: true },
  {
    name: 'cost',
    value: sql`array_remove(array[case when cost_amount is null or cost_amount = 0 then 'free' else 'paid' end,
                                  case when waivers is not null then 'waiver' end], null)`,
    array: true,
  },
  { name: 'status', value: sql.ref('status'), array: false },
];

export const NEED_FACETS: readonly FacetColumn[] = [
  { name: 'topics', value: sql.ref('topics'), array: true },
  { name: 'audiences', value: sql.ref('audiences'), array: true },
  { name: 'targetGroups', value: sql.ref('target_groups'), array: true },
  { name: 'levels', value: sql.ref('level'), array: false },
  { name: 'modalities', value: sql.ref('preferred_modality'), array: false },
  { name: 'languages', value: sql.ref('languages'), array: true },
  { name: 'country', value: sql.ref('country_iso3'), array: false },
  { name: 'urgency', value: sql.ref('urgency'), array: false },
  { name: 'status', value: sql.ref('status'), array: false },
];

interface Listing {
  readonly table: 'offerings' | 'needs';
  readonly where: RawBuilder<unknown>;
  readonly facets: readonly FacetColumn[];
}

/** The search words' query (typo corrections, tsquery), when there are words. */
const prepareText = (db: Db, q: string | undefined): Promise<PreparedQuery | undefined> =>
  q?.trim() ? prepareQuery(db, CORPUS, q) : Promise.resolve(undefined);

/** Runs a listing with its prepared words: one page of hits and the facet counts (in parallel). */
async function run(
  db: Db,
  listing: Listing,
  query: { q?: string | undefined; sort?: 'relevance' | 'newest' | undefined; limit: number; cursor?: string | undefined },
  prepared: PreparedQuery | undefined,
) {
  const tsquery = prepared?.tsquery;
  const sort = query.sort ?? (tsquery ? 'relevance' : 'newest');
  const scope = { table: listing.table, where: listing.where };
  const hits = await searchTable(db, scope, { tsquery, sort, limit: query.limit, cursor: query.cursor, facets: listing.facets });
  return {
    hits,
    facets: hits.facets,
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
  };
}

/**
 * Offerings the actor may see that match the list parameters: a page with the total, facet counts
 * and how the search ranked them.
 * @example await searchOfferings(db, actor, { q: 'cybersécurité', eligibleFor: 'NER', limit: 20 })
 */
export async function searchOfferings(db: Db, actor: Actor, query: OfferingListQuery): Promise<OfferingPage> {
  // Independent reads side by side: the vocabulary's version check and the words' typo lookup (one round trip fewer).
  const [vocab, prepared] = await Promise.all([vocabulary(db), prepareText(db, query.q)]);
  const where = offeringConditions(actor, query, vocab);
  const { hits, facets, search } = await run(db, { table: 'offerings', where, facets: OFFERING_FACETS }, query, prepared);
  const rows = await offeringsByIds(db, hits.ids);
  return { data: rows.map(presentOfferingSummary), next: hits.next, total: hits.total, search, facets };
}

/** Needs the actor may see that match the list parameters (members-only needs for signed-in people). */
export async function searchNeeds(db: Db, actor: Actor, query: NeedListQuery): Promise<NeedPage> {
  const [vocab, prepared] = await Promise.all([vocabulary(db), prepareText(db, query.q)]);
  const where = needConditions(actor, query, vocab);
  const { hits, facets, search } = await run(db, { table: 'needs', where, facets: NEED_FACETS }, query, prepared);
  const rows = await needsByIds(db, hits.ids);
  return { data: rows.map(presentNeedSummary), next: hits.next, total: hits.total, search, facets };
}

/** The conditions and text query of a list, for exports: every match, newest first. */
export async function offeringExportConditions(db: Db, actor: Actor, query: OfferingListQuery): Promise<RawBuilder<unknown>> {
  const where = offeringConditions(actor, query, await vocabulary(db));
  return withText(db, where, query.q);
}

export async function needExportConditions(db: Db, actor: Actor, query: NeedListQuery): Promise<RawBuilder<unknown>> {
  const where = needConditions(actor, query, await vocabulary(db));
  return withText(db, where, query.q, 'needs');
}

async function withText(db: Db, where: RawBuilder<unknown>, q: string | undefined, table: 'offerings' | 'needs' = 'offerings') {
  const tsquery = (await prepareText(db, q))?.tsquery;
  return tsquery ? sql`(${where}) and ${sql.ref(`${table}.search_vector`)} @@ ${tsquery}::tsquery` : where;
}
