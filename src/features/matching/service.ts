/**
 * Use cases of matching: offerings for a need, needs for an offering. Each
 * reads the subject through the capacity services with the reader's
 * permissions (a need or offering the reader may not see is a 404, and so are
 * its matches), narrows the candidates in the database (candidate-repository.ts),
 * scores them with the engine (src/core/matching) and returns the records with
 * their scores and explanations, unrendered: the API presents them in the
 * reader's language (presenters.ts); pages, the country brief and the match
 * workflow can call these too.
 *
 * Only published offerings are ever candidates, and only needs the reader may
 * read (members-only needs for signed-in people): the visibility filter is the
 * catalogue's own and applies in every mode, `explain=excluded` included.
 */
import {
  demandTerms,
  linkedTerms,
  rankDemands,
  rankSupplies,
  type CountryContext,
  type Exclusion,
  type Match,
  type Ranking,
} from '../../core/matching/index.js';
import { connectivityLevel, type ConnectivityLevel } from '../../core/matching/connectivity.js';
import { timeframeOpens } from '../../core/matching/constraints.js';
import type { Actor } from '../../core/policy/actor.js';
import type { Db } from '../../db/database.js';
import type { SearchField } from '../../platform/search/index.js';
import {
  getNeed,
  getOffering,
  needConditions,
  needsByIds,
  offeringConditions,
  offeringsByIds,
  presentNeedSummary,
  presentOfferingSummary,
  vocabulary,
  type Need,
  type NeedSummary,
  type Offering,
  type OfferingSummary,
  type Vocabulary,
} from '../capacity/index.js';
import { needCandidates, offeringCandidates, type Links } from './candidate-repository.js';
import { countryContexts, reference } from './context.js';
import { demandOfNeed, demandOfRow, supplyOfOffering, supplyOfRow } from './convert.js';
import { NO_HISTORY, type MatchHistory } from './history.js';

/** Most candidates read and scored per request. */
export const CANDIDATE_CAP = 500;
/** Most excluded candidates listed with `explain=excluded`. */
export const EXCLUDED_SHOWN = 50;

export interface MatchingDeps {
  readonly db: Db;
  readonly history?: MatchHistory;
}

export interface MatchOptions {
  /** Matches returned, best first (1–50). */
  readonly limit: number;
  /** Also list the candidates a hard constraint excludes, with the constraints. */
  readonly explainExcluded?: boolean;
  /** The date matching happens on (YYYY-MM-DD); default today (UTC). */
  readonly today?: string;
  /** Called with the time each stage took (benchmarks). */
  readonly observe?: (stage: 'subject' | 'context' | 'candidates' | 'score' | 'records', ms: number) => void;
}

export interface Candidates {
  /** Candidates read and scored. */
  readonly considered: number;
  /** Candidates linked to the subject by vocabulary (and, unless explaining, within the constraints SQL can check). */
  readonly linked: number;
  readonly cap: number;
  readonly capped: boolean;
  /** False when the constraints were left to the engine to list what they exclude. */
  readonly constraintsInQuery: boolean;
}

export interface Ranked<T> {
  readonly record: T;
  readonly match: Match;
}

export interface Excluded<T> {
  readonly record: T;
  readonly exclusion: Exclusion;
}

export interface NeedMatches {
  readonly need: Need;
  readonly country: CountryContext;
  readonly connectivity: ConnectivityLevel;
  readonly items: Ranked<OfferingSummary>[];
  /** Excluded candidates (closest first), with `explainExcluded`; else null. */
  readonly excluded: Excluded<OfferingSummary>[] | null;
  readonly excludedTotal: number | null;
  readonly candidates: Candidates;
}

export interface OfferingMatches {
  readonly offering: Offering;
  readonly items: Ranked<NeedSummary>[];
  readonly excluded: Excluded<NeedSummary>[] | null;
  readonly excludedTotal: number | null;
  readonly candidates: Candidates;
}

const todayUtc = () => new Date().toISOString().slice(0, 10);

function stopwatch(observe: MatchOptions['observe']) {
  let last = performance.now();
  return (stage: Parameters<NonNullable<MatchOptions['observe']>>[0]) => {
    const now = performance.now();
    observe?.(stage, now - last);
    last = now;
  };
}

function linksOf(
  taxonomy: Parameters<typeof demandTerms>[0],
  terms: { topics: readonly string[]; digcomp: readonly string[]; esco: readonly string[] },
): Links {
  return { topics: terms.topics, digcomp: terms.digcomp, esco: terms.esco, linked: linkedTerms(demandTerms(taxonomy, terms)) };
}

function unknownCountry(iso3: string): CountryContext {
  return { iso3, groups: ['WLD'], connectivity: { internetUse: null, coverage4g: null, broadbandPrice: null, gniPerCapita: null } };
}

function candidatesOf(rows: readonly { linked: number }[], explain: boolean): Candidates {
  const linked = rows[0]?.linked ?? 0;
  return { considered: rows.length, linked, cap: CANDIDATE_CAP, capped: linked > rows.length, constraintsInQuery: !explain };
}

/** Records by id in the ranking's order; a record gone meanwhile (deleted, unpublished) is dropped. */
function attach<R extends { id: string }, T extends { id: string }>(items: readonly R[], records: ReadonlyMap<string, T>) {
  return items.flatMap((item) => {
    const record = records.get(item.id);
    return record ? [{ record, item }] : [];
  });
}

/**
 * Published offerings for a need the actor may read, best first, with explanations.
 * @example await matchesForNeed({ db }, actor, needId, { limit: 10 })
 */
export async function matchesForNeed(deps: MatchingDeps, actor: Actor, needId: string, options: MatchOptions): Promise<NeedMatches> {
  const { db } = deps;
  const history = deps.history ?? NO_HISTORY;
  const lap = stopwatch(options.observe);
  const today = options.today ?? todayUtc();
  const explain = options.explainExcluded ?? false;
  const need = await getNeed(db, actor, needId);
  lap('subject');
  const [ref, contexts, vocab] = await Promise.all([reference(db), countryContexts(db, [need.country]), vocabulary(db)]);
  const country = contexts.get(need.country) ?? unknownCountry(need.country);
  const demand = demandOfNeed(need, country);
  lap('context');
  const where = offeringConditions(
    actor,
    explain
      ? { status: ['published'], limit: 1 }
      : { status: ['published'], languages: need.languages, eligibleFor: need.country, limit: 1 },
    vocab,
  );
  const text: SearchField[] = [
    { text: need.title, language: need.language, weight: 'A' },
    { text: need.description, language: need.language, weight: 'B' },
  ];
  const timeframe = explain ? null : { opens: timeframeOpens(demand, today), closes: need.endDate };
  const rows = await offeringCandidates(db, { where, links: linksOf(ref.taxonomy, need), text, cap: CANDIDATE_CAP }, timeframe);
  lap('candidates');
  const [records, taken] = await Promise.all([
    history.trackRecords(db, [...new Set(rows.map((r) => r.provider_organisation_id))]),
    history.seatsTaken(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  const ranking: Ranking = rankSupplies(
    demand,
    rows.map((row) => ({
      record: supplyOfRow(row, { trackRecord: records.get(row.provider_organisation_id) ?? null, seatsTaken: taken.get(row.id) ?? 0 }),
      textRank: row.text_rank,
    })),
    { taxonomy: ref.taxonomy, today },
  );
  lap('score');
  const top = ranking.ranked.slice(0, options.limit);
  const shown = explain ? ranking.excluded.slice(0, EXCLUDED_SHOWN) : [];
  const summaries = new Map(
    (
      await offeringsByIds(
        db,
        [...top, ...shown].map((m) => m.id),
      )
    ).map((row) => [row.id, presentOfferingSummary(row)] as const),
  );
  lap('records');
  return {
    need,
    country,
    connectivity: connectivityLevel(country.connectivity),
    items: attach(top, summaries).map(({ record, item }) => ({ record, match: item })),
    excluded: explain ? attach(shown, summaries).map(({ record, item }) => ({ record, exclusion: item })) : null,
    excludedTotal: explain ? ranking.excluded.length : null,
    candidates: candidatesOf(rows, explain),
  };
}

/** Countries an offering is open to, or null for the world. */
function eligibleCountries(offering: Offering, vocab: Vocabulary): string[] | null {
  const { eligibleCountries: countries, eligibleGroups: groups } = offering;
  if ((countries.length === 0 && groups.length === 0) || groups.includes('WLD')) return null;
  return [...new Set([...countries, ...groups.flatMap((g) => vocab.groups.get(g) ?? [])])].toSorted();
}

/**
 * Open needs the actor may read that an offering the actor may read could serve, best first.
 * @example await matchesForOffering({ db }, actor, offeringId, { limit: 10, explainExcluded: true })
 */
export async function matchesForOffering(
  deps: MatchingDeps,
  actor: Actor,
  offeringId: string,
  options: MatchOptions,
): Promise<OfferingMatches> {
  const { db } = deps;
  const history = deps.history ?? NO_HISTORY;
  const lap = stopwatch(options.observe);
  const today = options.today ?? todayUtc();
  const explain = options.explainExcluded ?? false;
  const offering = await getOffering(db, actor, offeringId);
  lap('subject');
  const [ref, vocab, records, taken] = await Promise.all([
    reference(db),
    vocabulary(db),
    history.trackRecords(db, [offering.provider.id]),
    history.seatsTaken(db, [offering.id]),
  ]);
  const supply = supplyOfOffering(offering, {
    trackRecord: records.get(offering.provider.id) ?? null,
    seatsTaken: taken.get(offering.id) ?? 0,
  });
  lap('context');
  const where = needConditions(
    actor,
    explain ? { status: ['open'], limit: 1 } : { status: ['open'], languages: offering.languages, limit: 1 },
    vocab,
  );
  const text: SearchField[] = [
    { text: offering.title, language: offering.language, weight: 'A' },
    { text: offering.summary, language: offering.language, weight: 'B' },
    ...offering.translations.flatMap((t): SearchField[] => [
      { text: t.title, language: t.language, weight: 'A' },
      { text: t.summary, language: t.language, weight: 'B' },
    ]),
  ];
  const start = offering.startDate ?? offering.endDate;
  const constraints = explain
    ? null
    : {
        countries: eligibleCountries(offering, vocab),
        runs: offering.rolling || start === null ? null : { start, end: offering.endDate ?? start },
        today,
        pledge: supply.kind === 'financing-pledge' || supply.kind === 'infrastructure-pledge',
      };
  const rows = await needCandidates(db, { where, links: linksOf(ref.taxonomy, offering), text, cap: CANDIDATE_CAP }, constraints);
  lap('candidates');
  const contexts = await countryContexts(
    db,
    rows.map((r) => r.country_iso3),
  );
  const ranking = rankDemands(
    supply,
    rows.map((row) => ({
      record: demandOfRow(row, contexts.get(row.country_iso3) ?? unknownCountry(row.country_iso3)),
      textRank: row.text_rank,
    })),
    { taxonomy: ref.taxonomy, today },
  );
  lap('score');
  const top = ranking.ranked.slice(0, options.limit);
  const shown = explain ? ranking.excluded.slice(0, EXCLUDED_SHOWN) : [];
  const summaries = new Map(
    (
      await needsByIds(
        db,
        [...top, ...shown].map((m) => m.id),
      )
    ).map((row) => [row.id, presentNeedSummary(row)] as const),
  );
  lap('records');
  return {
    offering,
    items: attach(top, summaries).map(({ record, item }) => ({ record, match: item })),
    excluded: explain ? attach(shown, summaries).map(({ record, item }) => ({ record, exclusion: item })) : null,
    excludedTotal: explain ? ranking.excluded.length : null,
    candidates: candidatesOf(rows, explain),
  };
}
