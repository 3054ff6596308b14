/**
 * The candidate queries: the one place this feature reads the capacity
 * feature's `offerings` and `needs` tables directly. Why not through the
 * capacity services: matching must narrow 100,000 offerings to a few hundred
 * linked candidates and rank their text in ONE capped query, reading only the
 * columns the engine scores (no descriptions or translations); the catalogue's
 * search answers a different question (every word must match, newest first).
 * What is shared is shared: the visibility, language and eligibility filters
 * are the catalogue's own (`offeringConditions`, `needConditions` from
 * capacity's index.ts), the text method is the search platform's (the same
 * tsvector of the subject's text, and ts_rank with the catalogue's weights),
 * and the records leave through capacity's presenters.
 *
 * A candidate must share a vocabulary link with the subject (a topic, a
 * related topic, a DigComp or ESCO term: taxonomy.ts linkedTerms), a close
 * link first, any link when fewer than WIDEN_BELOW are closely linked; at most
 * `cap` are read: the most closely linked (same topic 4, same competence or
 * skill 2 each, any other link 1), the most recently listed among equals.
 * The hard constraints the SQL can see (language, eligibility, dates, pledge
 * kind) are applied here too unless `constraints: false`, which lists what
 * they exclude (`?explain=excluded`); the engine applies every constraint again.
 */
import { sql, type RawBuilder } from 'kysely';
import { PLEDGE_KINDS } from '../../core/capacity/plausibility.js';
import type { Db } from '../../db/database.js';
import { searchVector, type SearchField } from '../../platform/search/index.js';

/** ts_rank weights for D, C, B, A, as the catalogue ranks (src/platform/search/hits.ts). */
const RANK_WEIGHTS = sql`'{0.1, 0.2, 0.4, 1.0}'::float4[]`;
/** Characters of a long text that go into the subject's words. */
export const SUBJECT_TEXT_CHARS = 600;

/**
 * The tsquery matching any word of the subject's text: the subject's own search
 * document (same configurations, unaccent, CJK bigrams), its lexemes joined by OR.
 */
export function anyWordQuery(fields: readonly SearchField[]): RawBuilder<unknown> {
  const cut = fields.map((f) => ({ ...f, text: [...f.text].slice(0, SUBJECT_TEXT_CHARS).join('') }));
  return sql`(select coalesce(string_agg(quote_literal(u.lexeme), ' | '), '')::tsquery from unnest(strip(${searchVector(cut)})) as u)`;
}

export interface Links {
  /** The subject's own terms (exact links). */
  readonly topics: readonly string[];
  readonly digcomp: readonly string[];
  readonly esco: readonly string[];
  /** Terms closely linked to them (the same, a competence and its area, an ESCO skill and its descriptor or broader skill). */
  readonly close: Terms;
  /** Every term linked to them at all (related topics through a shared DigComp area too). */
  readonly linked: Terms;
}

export interface Terms {
  readonly topics: readonly string[];
  readonly digcomp: readonly string[];
  readonly esco: readonly string[];
}

/**
 * Fewer closely linked candidates than this and the search widens to every link. Close links
 * are selective (a topic, its competences); every link reaches related topics, often half the
 * catalogue, which costs a large read when there are 100,000 offerings and adds only
 * candidates that score lower on topic than close ones.
 */
export const WIDEN_BELOW = 100;

export type Scope = 'close' | 'all';

const arr = (values: readonly string[]) => sql`${[...values]}::text[]`;

/** The candidate shares one of these terms (lists with no term are left out, so the index is not asked for nothing). */
function linkCondition(table: 'offerings' | 'needs', terms: Terms): RawBuilder<unknown> {
  const parts = (['topics', 'digcomp', 'esco'] as const)
    .filter((column) => terms[column].length > 0)
    .map((column) => sql`${sql.ref(`${table}.${column}`)} && ${arr(terms[column])}`);
  return parts.length === 0 ? sql`false` : sql`(${sql.join(parts, sql` or `)})`;
}

function preScore(table: 'offerings' | 'needs', links: Links): RawBuilder<unknown> {
  const col = (name: string) => sql.ref(`${table}.${name}`);
  return sql`((${col('topics')} && ${arr(links.topics)})::int * 4 + (${col('digcomp')} && ${arr(links.digcomp)})::int * 2
    + (${col('esco')} && ${arr(links.esco)})::int * 2 + 1)`;
}

export interface CandidateQuery {
  /** Visibility and catalogue filters (capacity's conditions). */
  readonly where: RawBuilder<unknown>;
  readonly links: Links;
  readonly text: readonly SearchField[];
  readonly cap: number;
}

export interface OfferingCandidateRow {
  id: string;
  provider_organisation_id: string;
  kind: string;
  languages: string[];
  topics: string[];
  digcomp: string[];
  esco: string[];
  audiences: string[];
  target_groups: string[];
  levels: string[];
  accessibility: string[];
  modality: string | null;
  bandwidth: string | null;
  eligible_countries: string[];
  eligible_groups: string[];
  cost_amount: number | null;
  cost_currency: string | null;
  waivers: boolean;
  start_date: string | null;
  end_date: string | null;
  rolling: boolean;
  seats: number | null;
  text_rank: number;
  linked: number;
}

/** The offering columns the engine scores (supplyOfRow). */
const OFFERING_COLUMNS = sql`offerings.id, offerings.provider_organisation_id, offerings.kind, offerings.languages, offerings.topics,
           offerings.digcomp, offerings.esco, offerings.audiences, offerings.target_groups, offerings.levels,
           offerings.accessibility, offerings.modality, offerings.bandwidth, offerings.eligible_countries,
           offerings.eligible_groups, offerings.cost_amount::float8 as cost_amount, offerings.cost_currency,
           offerings.waivers is not null as waivers, offerings.start_date::text as start_date,
           offerings.end_date::text as end_date, offerings.rolling, offerings.seats`;

/**
 * One published offering's scored columns and text rank against the subject, linked or not: what
 * the match workflow scores when someone shortlists or proposes a particular pair.
 */
export async function offeringForScoring(db: Db, id: string, text: readonly SearchField[]): Promise<OfferingCandidateRow | undefined> {
  const { rows } = await sql<OfferingCandidateRow>`
    select ${OFFERING_COLUMNS},
           ts_rank(${RANK_WEIGHTS}, offerings.search_vector, subject.query, 1)::float8 as text_rank, 1 as linked
    from offerings cross join (select ${anyWordQuery(text)} as query) as subject
    where offerings.id = ${id} and offerings.status = 'published'`.execute(db);
  return rows[0];
}

/** The need's side of the constraints SQL checks on offerings (constraints.ts `dates`, `eligibility`). */
export interface Timeframe {
  /** The country and every group it belongs to: an offering must name one (index offerings_matching_keys). */
  readonly eligibleFor: readonly string[];
  /** The need's languages: an offering must share one (the shared-language constraint). */
  readonly languages: readonly string[];
  /** The later of the need's start and today. */
  readonly opens: string;
  readonly closes: string | null;
}

/**
 * The keys of `offerings_matching_keys` (migration 960) an offering linked by one of these terms, in
 * one of the need's languages and open to its country or one of its groups, is indexed under.
 */
export function matchingKeys(terms: Terms, timeframe: Timeframe): string[] {
  const prefixed = [...terms.topics.map((t) => `t:${t}`), ...terms.digcomp.map((d) => `d:${d}`), ...terms.esco.map((e) => `e:${e}`)];
  return prefixed.flatMap((term) => timeframe.languages.flatMap((l) => timeframe.eligibleFor.map((code) => `${term}|${l}|${code}`)));
}

/**
 * The candidate query, in three steps: every linked offering within the
 * filters, as (row address, tier, listed_at) only; the `cap` most closely
 * linked of them (tier, then the most recently listed); and for those alone
 * the scored columns and the text rank, read by row address (no second index
 * descent). Ranking text or reading wide rows for every linked offering would
 * cost the most on common topics, so neither happens before the cap; the
 * count of linked offerings comes from the first step.
 *
 * With a timeframe (the constraints in SQL), "linked, in a shared language,
 * open to the country" is one lookup of `offerings_matching_keys`' combined
 * keys; without one (`?explain=excluded`), the terms alone are looked up.
 * The lookup sits in a subquery the planner may not merge (`offset 0`): else
 * the language and eligibility conditions of `where` tempt it to AND in the
 * catalogue's facet index, decoding the long posting lists the combined keys
 * avoid (EXPLAIN: 15–20 ms of a 25 ms plan). A row address read in the first
 * step is valid in the last: one statement, one snapshot.
 */
export function offeringCandidatesQuery(query: CandidateQuery, timeframe: Timeframe | null, scope: Scope) {
  const terms = query.links[scope === 'close' ? 'close' : 'linked'];
  const keys = timeframe ? matchingKeys(terms, timeframe) : [];
  const linkedWithin = !timeframe
    ? linkCondition('offerings', terms)
    : keys.length === 0
      ? sql`false`
      : sql`offering_matching_keys(offerings.topics, offerings.digcomp, offerings.esco, offerings.languages,
              offerings.eligible_countries || offerings.eligible_groups) && ${keys}::text[]`;
  const constraints = timeframe
    ? sql`and offerings.kind <> all(${arr(PLEDGE_KINDS)})
          and (offerings.rolling or (offerings.start_date is null and offerings.end_date is null)
               or (coalesce(offerings.start_date, offerings.end_date) >= ${timeframe.opens}::date
                   and (${timeframe.closes}::date is null or coalesce(offerings.end_date, offerings.start_date) <= ${timeframe.closes}::date)))`
    : sql``;
  return sql<OfferingCandidateRow>`
    with linked as materialized (
      select offerings.address, ${preScore('offerings', query.links)} as tier, offerings.listed_at, offerings.id
      from (
        select offerings.ctid as address, offerings.* from offerings
        where offerings.status = 'published' and ${linkedWithin}
        offset 0
      ) as offerings
      where (${query.where}) ${constraints}
    ), chosen as (
      select address, tier from linked order by tier desc, listed_at desc, id desc limit ${query.cap}
    )
    select ${OFFERING_COLUMNS},
           ts_rank(${RANK_WEIGHTS}, offerings.search_vector, subject.query, 1)::float8 as text_rank,
           (select count(*) from linked)::int as linked
    from chosen join offerings on offerings.ctid = chosen.address
    cross join (select ${anyWordQuery(query.text)} as query) as subject
    order by chosen.tier desc, text_rank desc, offerings.id`;
}

/**
 * Offerings linked to a need, scored columns only, most closely linked first.
 * @example await offeringCandidates(db, { where, links, text, cap: 500 }, { opens: '2027-01-15', closes: null })
 */
export async function offeringCandidates(
  db: Db,
  query: CandidateQuery,
  timeframe: Timeframe | null,
): Promise<{ rows: OfferingCandidateRow[]; links: Scope }> {
  const close = (await offeringCandidatesQuery(query, timeframe, 'close').execute(db)).rows;
  if ((close[0]?.linked ?? 0) >= WIDEN_BELOW) return { rows: close, links: 'close' };
  return { rows: (await offeringCandidatesQuery(query, timeframe, 'all').execute(db)).rows, links: 'all' };
}

export interface NeedCandidateRow {
  id: string;
  country_iso3: string;
  languages: string[];
  topics: string[];
  digcomp: string[];
  esco: string[];
  audiences: string[];
  target_groups: string[];
  people_count: number | null;
  level: string | null;
  preferred_modality: string | null;
  start_date: string | null;
  end_date: string | null;
  budget_amount: number | null;
  budget_currency: string | null;
  text_rank: number;
  linked: number;
}

/** The offering's side of the hard constraints, as SQL over needs. */
export interface NeedConstraints {
  /** Countries the offering is open to; null for the world. */
  readonly countries: readonly string[] | null;
  /** The offering's first and last day, or null when rolling or undated. */
  readonly runs: { readonly start: string; readonly end: string } | null;
  readonly today: string;
  /** A pledge: no need is a candidate. */
  readonly pledge: boolean;
}

/** Needs linked to an offering, scored columns only, most closely linked first (the same three steps as offerings). */
export async function needCandidates(
  db: Db,
  query: CandidateQuery,
  constraints: NeedConstraints | null,
): Promise<{ rows: NeedCandidateRow[]; links: Scope }> {
  const close = await needCandidatesIn(db, query, constraints, 'close');
  if ((close[0]?.linked ?? 0) >= WIDEN_BELOW) return { rows: close, links: 'close' };
  return { rows: await needCandidatesIn(db, query, constraints, 'all'), links: 'all' };
}

async function needCandidatesIn(
  db: Db,
  query: CandidateQuery,
  constraints: NeedConstraints | null,
  scope: Scope,
): Promise<NeedCandidateRow[]> {
  let extra = sql``;
  if (constraints) {
    const { countries, runs, today, pledge } = constraints;
    extra = sql`and ${sql.lit(!pledge)}
      ${countries ? sql`and needs.country_iso3 = any(${arr(countries)})` : sql``}
      ${
        runs
          ? sql`and ${runs.start}::date >= ${today}::date
                and (needs.start_date is null or needs.start_date <= ${runs.start}::date)
                and (needs.end_date is null or needs.end_date >= ${runs.end}::date)`
          : sql``
      }`;
  }
  const { rows } = await sql<NeedCandidateRow>`
    with linked as materialized (
      select needs.id, ${preScore('needs', query.links)} as tier, needs.listed_at
      from needs
      where (${query.where}) and ${linkCondition('needs', query.links[scope === 'close' ? 'close' : 'linked'])} ${extra}
    ), chosen as (
      select id, tier from linked order by tier desc, listed_at desc, id desc limit ${query.cap}
    )
    select needs.id, needs.country_iso3, needs.languages, needs.topics, needs.digcomp, needs.esco, needs.audiences,
           needs.target_groups, needs.people_count, needs.level, needs.preferred_modality,
           needs.start_date::text as start_date, needs.end_date::text as end_date,
           needs.budget_amount::float8 as budget_amount, needs.budget_currency,
           ts_rank(${RANK_WEIGHTS}, needs.search_vector, subject.query, 1)::float8 as text_rank,
           (select count(*) from linked)::int as linked
    from chosen join needs on needs.id = chosen.id
    cross join (select ${anyWordQuery(query.text)} as query) as subject
    order by chosen.tier desc, text_rank desc, needs.id`.execute(db);
  return rows;
}

export interface PledgeRow {
  id: string;
  kind: string;
  umc_dimension: string;
  eligible_countries: string[];
  eligible_groups: string[];
  end_date: string | null;
}

/** Published pledges open to a country (capacity's conditions: `kind` and `eligibleFor`), at most `cap`. */
export async function pledgeCandidates(db: Db, where: RawBuilder<unknown>, cap: number): Promise<PledgeRow[]> {
  const { rows } = await sql<PledgeRow>`
    select offerings.id, offerings.kind, offerings.umc_dimension, offerings.eligible_countries, offerings.eligible_groups,
           offerings.end_date::text as end_date
    from offerings
    where (${where}) and offerings.umc_dimension is not null
    order by offerings.listed_at desc, offerings.id
    limit ${cap}`.execute(db);
  return rows;
}

/** The newest open public needs of a country (the country page's capacity section). */
export async function openNeedIdsOfCountry(db: Db, iso3: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('needs')
    .select('id')
    .where('country_iso3', '=', iso3)
    .where('status', '=', 'open')
    .where('visibility', '=', 'public')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}
