/**
 * One need and one offering, scored as the ranking would score them: what the
 * match workflow checks when a requester shortlists an offering or a provider
 * proposes one. A pair that breaks a hard constraint is reported with its
 * violations, so the workflow can refuse it: constraints are never traded
 * off, not even by hand.
 */
import { rankSupplies, type Exclusion, type Match } from '../../core/matching/index.js';
import type { Actor } from '../../core/policy/actor.js';
import type { Need } from '../capacity/index.js';
import { offeringForScoring } from './candidate-repository.js';
import { supplyOfRow } from './convert.js';
import { NO_HISTORY } from './history.js';
import { planNeedMatching } from './need-matches.js';
import { todayUtc, type MatchingDeps } from './service-support.js';

export interface PairScore {
  readonly need: Need;
  /** The score and explanation when the pair is within every hard constraint. */
  readonly match: Match | null;
  /** The constraints it breaks otherwise. */
  readonly exclusion: Exclusion | null;
}

/**
 * The pair's score, or undefined when the offering is not published (the need is read as the actor may: 404 else).
 * @example const pair = await scorePair({ db }, actor, needId, offeringId); pair?.exclusion?.violations
 */
export async function scorePair(
  deps: MatchingDeps,
  actor: Actor,
  needId: string,
  offeringId: string,
  today: string = todayUtc(),
): Promise<PairScore | undefined> {
  const { db } = deps;
  const history = deps.history ?? NO_HISTORY;
  const plan = await planNeedMatching(db, actor, needId, { today, explain: true });
  const row = await offeringForScoring(db, offeringId, plan.query.text);
  if (!row) return undefined;
  const [records, taken] = await Promise.all([history.trackRecords(db, [row.provider_organisation_id]), history.seatsTaken(db, [row.id])]);
  const supply = supplyOfRow(row, { trackRecord: records.get(row.provider_organisation_id) ?? null, seatsTaken: taken.get(row.id) ?? 0 });
  const ranking = rankSupplies(plan.demand, [{ record: supply, textRank: row.text_rank }], { taxonomy: plan.taxonomy, today });
  return { need: plan.need, match: ranking.ranked[0] ?? null, exclusion: ranking.excluded[0] ?? null };
}
