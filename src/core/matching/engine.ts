/**
 * The matching engine: ranks supplies (offerings) for a demand (a need) and
 * demands for a supply, with an explanation per component. Pure: the caller
 * brings the records, the taxonomy, the date and each candidate's text rank.
 *
 * Method
 * 1. Hard constraints (constraints.ts) first: a pair that breaks any is
 *    excluded, never traded off against a good score, and reported with
 *    every constraint it breaks.
 * 2. Each component gives a fit in [0, 1] (taxonomy.ts, connectivity.ts,
 *    fits.ts); its points are weight × fit rounded to four decimals, and the
 *    score is the sum of the points, so the explanation adds up to the score
 *    exactly and the score lies in [0, 1] (the weights sum to 1).
 * 3. Order: score descending, then the candidate's id ascending, so equal
 *    scores always come out in the same order.
 *
 * Both directions score a (demand, supply) pair with the same function, so
 * a need and an offering get the same score whichever side asks.
 */
import { connectivityFit, connectivityLevel, type ConnectivityLevel } from './connectivity.js';
import { violations } from './constraints.js';
import { audienceFit, costFit, levelFit, modalityFit, textFit, trackRecordFit, type Fit } from './fits.js';
import { demandTerms, topicFit, type DemandTerms } from './taxonomy.js';
import {
  COMPONENTS,
  type Candidate,
  type Component,
  type Demand,
  type Exclusion,
  type Explanation,
  type Match,
  type MatchContext,
  type Ranking,
  type Supply,
} from './types.js';
import { POINT_DECIMALS, WEIGHTS } from './weights.js';

const round = (x: number) => {
  const factor = 10 ** POINT_DECIMALS;
  return Math.round(x * factor) / factor;
};

/** What is computed once per demand and reused for every supply it is scored against. */
export interface PreparedDemand {
  readonly demand: Demand;
  readonly terms: DemandTerms;
  readonly connectivity: ConnectivityLevel;
}

export function prepareDemand(demand: Demand, context: MatchContext): PreparedDemand {
  return { demand, terms: demandTerms(context.taxonomy, demand), connectivity: connectivityLevel(demand.country.connectivity) };
}

function fits(prepared: PreparedDemand, supply: Supply, textRank: number): Record<Component, Fit> {
  const { demand, terms, connectivity } = prepared;
  return {
    topic: topicFit(terms, demand, supply),
    audience: audienceFit(demand, supply),
    level: levelFit(demand, supply),
    modality: modalityFit(demand, supply),
    connectivity: connectivityFit(connectivity, supply),
    cost: costFit(demand, supply),
    text: textFit(textRank),
    'track-record': trackRecordFit(supply),
  };
}

/**
 * The score of one pair and its explanation, constraints aside.
 * @example scorePair(prepareDemand(need, context), offering, 0.08).score // 0.81
 */
export function scorePair(prepared: PreparedDemand, supply: Supply, textRank: number): { score: number; explanation: Explanation[] } {
  const byComponent = fits(prepared, supply, textRank);
  const explanation = COMPONENTS.map((component): Explanation => {
    const { fit, messages } = byComponent[component];
    const weight = WEIGHTS[component];
    return { component, weight, fit: round(fit), points: round(weight * fit), messages };
  });
  return { score: round(explanation.reduce((sum, e) => sum + e.points, 0)), explanation };
}

function judge(prepared: PreparedDemand, supply: Supply, textRank: number, today: string, id: string): Match | Exclusion {
  const broken = violations(prepared.demand, supply, today);
  const { score, explanation } = scorePair(prepared, supply, textRank);
  if (broken.length > 0) return { id, violations: broken, scoreIfAllowed: score };
  return { id, score, explanation };
}

const byScore = (a: Match, b: Match) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byCloseness = (a: Exclusion, b: Exclusion) => b.scoreIfAllowed - a.scoreIfAllowed || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function split(results: readonly (Match | Exclusion)[]): Ranking {
  const ranked: Match[] = [];
  const excluded: Exclusion[] = [];
  for (const r of results) {
    if ('violations' in r) excluded.push(r);
    else ranked.push(r);
  }
  return { ranked: ranked.toSorted(byScore), excluded: excluded.toSorted(byCloseness) };
}

/**
 * Supplies (offerings) for a demand (a need), best first, and those a hard constraint excludes.
 * @example rankSupplies(need, offerings.map((o) => ({ record: o, textRank: 0 })), { taxonomy, today: '2027-01-15' }).ranked[0]?.id
 */
export function rankSupplies(demand: Demand, candidates: readonly Candidate<Supply>[], context: MatchContext): Ranking {
  const prepared = prepareDemand(demand, context);
  return split(candidates.map((c) => judge(prepared, c.record, c.textRank, context.today, c.record.id)));
}

/** Demands (needs) for a supply (an offering), best first, and those a hard constraint excludes. */
export function rankDemands(supply: Supply, candidates: readonly Candidate<Demand>[], context: MatchContext): Ranking {
  return split(candidates.map((c) => judge(prepareDemand(c.record, context), supply, c.textRank, context.today, c.record.id)));
}
