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
 * related topic, a DigComp or ESCO term: taxonomy.ts linkedTerms); the most
 * closely linked come first (same topic 4, same competence or skill 2 each,
 * any other link 1), then by text rank, then by id, and at most `cap` are read.
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
  /** Every term linked to them at all. */
  readonly linked: { readonly topics: readonly string[]; readonly digcomp: readonly string[]; readonly esco: readonly string[] };
}

const arr = (values: readonly string[]) => sql`${[...values]}::text[]`;

function linkCondition(table: 'offerings' | 'needs', links: Links): RawBuilder<unknown> {
  const col = (name: string) => sql.ref(`${table}.${name}`);
  return sql`(${col('topics')} && ${arr(links.linked.topics)} or ${col('digcomp')} && ${arr(links.linked.digcomp)} or ${col('esco')} && ${arr(links.linked.esco)})`;
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

/** The timeframe an offering must lie in, as SQL (constraints.ts `dates`). */
export interface Timeframe {
  /** The later of the need's start and today. */
  readonly opens: string;
  readonly closes: string | null;
}

/**
 * Offerings linked to a need, scored columns only, most closely linked first.
 * @example await offeringCandidates(db, { where, links, text, cap: 500 }, { opens: '2027-01-15', closes: null })
 */
export async function offeringCandidates(db: Db, query: CandidateQuery, timeframe: Timeframe | null): Promise<OfferingCandidateRow[]> {
  const constraints = timeframe
    ? sql`and offerings.kind <> all(${arr(PLEDGE_KINDS)})
          and (offerings.rolling or (offerings.start_date is null and offerings.end_date is null)
               or (coalesce(offerings.start_date, offerings.end_date) >= ${timeframe.opens}::date
                   and (${timeframe.closes}::date is null or coalesce(offerings.end_date, offerings.start_date) <= ${timeframe.closes}::date)))`
    : sql``;
  const { rows } = await sql<OfferingCandidateRow>`
    select offerings.id, offerings.provider_organisation_id, offerings.kind, offerings.languages, offerings.topics,
           offerings.digcomp, offerings.esco, offerings.audiences, offerings.target_groups, offerings.levels,
           offerings.accessibility, offerings.modality, offerings.bandwidth, offerings.eligible_countries,
           offerings.eligible_groups, offerings.cost_amount::float8 as cost_amount, offerings.cost_currency,
           offerings.waivers is not null as waivers, offerings.start_date::text as start_date,
           offerings.end_date::text as end_date, offerings.rolling, offerings.seats,
           ts_rank(${RANK_WEIGHTS}, offerings.search_vector, subject.query, 1)::float8 as text_rank,
           count(*) over ()::int as linked
    from offerings cross join (select ${anyWordQuery(query.text)} as query) as subject
    where (${query.where}) and ${linkCondition('offerings', query.links)} ${constraints}
    order by ${preScore('offerings', query.links)} desc, text_rank desc, offerings.id
    limit ${query.cap}`.execute(db);
  return rows;
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

/** Needs linked to an offering, scored columns only, most closely linked first. */
export async function needCandidates(db: Db, query: CandidateQuery, constraints: NeedConstraints | null): Promise<NeedCandidateRow[]> {
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
    select needs.id, needs.country_iso3, needs.languages, needs.topics, needs.digcomp, needs.esco, needs.audiences,
           needs.target_groups, needs.people_count, needs.level, needs.preferred_modality,
           needs.start_date::text as start_date, needs.end_date::text as end_date,
           needs.budget_amount::float8 as budget_amount, needs.budget_currency,
           ts_rank(${RANK_WEIGHTS}, needs.search_vector, subject.query, 1)::float8 as text_rank,
           count(*) over ()::int as linked
    from needs cross join (select ${anyWordQuery(query.text)} as query) as subject
    where (${query.where}) and ${linkCondition('needs', query.links)} ${extra}
    order by ${preScore('needs', query.links)} desc, text_rank desc, needs.id
    limit ${query.cap}`.execute(db);
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
