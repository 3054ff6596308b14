/**
 * Offerings for a need: reads the need through the capacity services with the
 * reader's permissions (a need the reader may not see is a 404, and so are its
 * matches), narrows the candidates in the database (candidate-repository.ts),
 * scores them with the engine (src/core/matching) and returns the offerings
 * with their scores and explanations, unrendered: the API presents them in the
 * reader's language (presenters.ts); pages, the country brief and the match
 * workflow can call this too. Only published offerings are ever candidates,
 * in every mode, `explain=excluded` included.
 */
import { rankSupplies, type CountryContext, type Demand, type Ranking, type Taxonomy } from '../../core/matching/index.js';
import { connectivityLevel, type ConnectivityLevel } from '../../core/matching/connectivity.js';
import { timeframeOpens } from '../../core/matching/constraints.js';
import type { Actor } from '../../core/policy/actor.js';
import type { Db } from '../../db/database.js';
import type { SearchField } from '../../platform/search/index.js';
import {
  getNeed,
  offeringConditions,
  offeringsByIds,
  presentOfferingSummary,
  vocabulary,
  type Need,
  type OfferingSummary,
} from '../capacity/index.js';
import { offeringCandidates, type CandidateQuery, type Timeframe } from './candidate-repository.js';
import { dataVersion } from '../imports/index.js';
import { countryContexts, reference } from './context.js';
import { demandOfNeed, supplyOfRow } from './convert.js';
import { NO_HISTORY } from './history.js';
import {
  attach,
  CANDIDATE_CAP,
  candidatesOf,
  EXCLUDED_SHOWN,
  linksOf,
  stopwatch,
  todayUtc,
  unknownCountry,
  type Candidates,
  type Excluded,
  type MatchingDeps,
  type MatchOptions,
  type Ranked,
} from './service-support.js';

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

/** Everything matching a need reads before its candidate query: the need, its country and the query. */
export interface NeedPlan {
  readonly need: Need;
  readonly country: CountryContext;
  readonly demand: Demand;
  readonly taxonomy: Taxonomy;
  readonly query: CandidateQuery;
  readonly timeframe: Timeframe | null;
}

/**
 * Reads the need (as the actor may) and what its matching needs, and builds the candidate query.
 * @example const plan = await planNeedMatching(db, actor, needId, { today: '2027-01-15', explain: false })
 */
export async function planNeedMatching(
  db: Db,
  actor: Actor,
  needId: string,
  options: { today: string; explain: boolean },
): Promise<NeedPlan> {
  // One round trip of reads in parallel; the vocabulary, the reference and the country's context are then cached per data version.
  const [need, version] = await Promise.all([getNeed(db, actor, needId), dataVersion(db)]);
  const vocab = await vocabulary(db, version);
  const [ref, contexts] = await Promise.all([reference(db, version), countryContexts(db, [need.country], version, vocab)]);
  const country = contexts.get(need.country) ?? unknownCountry(need.country);
  const demand = demandOfNeed(need, country);
  const where = offeringConditions(
    actor,
    options.explain
      ? { status: ['published'], limit: 1 }
      : { status: ['published'], languages: need.languages, eligibleFor: need.country, limit: 1 },
    vocab,
  );
  const text: SearchField[] = [
    { text: need.title, language: need.language, weight: 'A' },
    { text: need.description, language: need.language, weight: 'B' },
  ];
  return {
    need,
    country,
    demand,
    taxonomy: ref.taxonomy,
    query: { where, links: linksOf(ref.taxonomy, need), text, cap: CANDIDATE_CAP },
    timeframe: options.explain
      ? null
      : {
          eligibleFor: [need.country, ...country.groups],
          languages: need.languages,
          opens: timeframeOpens(demand, options.today),
          closes: need.endDate,
        },
  };
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
  const plan = await planNeedMatching(db, actor, needId, { today, explain });
  lap('context');
  const found = await offeringCandidates(db, plan.query, plan.timeframe);
  const { rows } = found;
  lap('candidates');
  const [records, taken] = await Promise.all([
    history.trackRecords(db, [...new Set(rows.map((r) => r.provider_organisation_id))]),
    // Seats taken matter only where seats are limited (constraints.ts seatsLeft): about half the candidates.
    history.seatsTaken(
      db,
      rows.filter((r) => r.seats !== null).map((r) => r.id),
    ),
  ]);
  const ranking: Ranking = rankSupplies(
    plan.demand,
    rows.map((row) => ({
      record: supplyOfRow(row, { trackRecord: records.get(row.provider_organisation_id) ?? null, seatsTaken: taken.get(row.id) ?? 0 }),
      textRank: row.text_rank,
    })),
    { taxonomy: plan.taxonomy, today },
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
    need: plan.need,
    country: plan.country,
    connectivity: connectivityLevel(plan.country.connectivity),
    items: attach(top, summaries).map(({ record, item }) => ({ record, match: item })),
    excluded: explain ? attach(shown, summaries).map(({ record, item }) => ({ record, exclusion: item })) : null,
    excludedTotal: explain ? ranking.excluded.length : null,
    candidates: candidatesOf(found, explain),
  };
}
