/**
 * The scored components besides topic (taxonomy.ts) and connectivity
 * (connectivity.ts): audience, level, modality, cost, text relevance and the
 * provider's track record. Each returns a fit in [0, 1] and the sentences
 * that explain it; the numbers are in weights.ts, the reasons in
 * docs/methods.md (Matching).
 */
import { seatsLeft } from './constraints.js';
import type { Demand, Message, Supply } from './types.js';
import {
  AUDIENCE_PARTS,
  COST_FIT,
  GENERAL_TARGET_GROUP_FIT,
  LEVEL_FIT_BY_DISTANCE,
  LEVELS,
  MIN_SIZE_FIT,
  MODALITY_FIT,
  TEXT_HALF,
  TRACK_RECORD,
  UNKNOWN_FIT,
} from './weights.js';

export interface Fit {
  readonly fit: number;
  readonly messages: Message[];
}

const term = (list: 'audiences' | 'target-groups' | 'levels' | 'modalities', code: string) => ({ term: list, code }) as const;
const DISABILITIES = 'persons-with-disabilities';

/**
 * Audience: the share of the audiences asked for that the supply is designed for (60 %), of the
 * target groups asked for (25 %; one the supply is merely open to counts half, and persons with
 * disabilities count as served by any accessibility feature), and whether the seats left cover the
 * people (15 %; at least 0.25).
 */
export function audienceFit(demand: Demand, supply: Supply): Fit {
  const messages: Message[] = [];
  const offered = new Set(supply.audiences);
  const covered = demand.audiences.filter((a) => offered.has(a));
  const asked = demand.audiences.length;
  const audiences = asked === 0 ? 1 : covered.length / asked;
  if (asked === 0) messages.push({ key: 'matching.audience.any', params: {} });
  else if (covered.length === asked && asked === 1)
    messages.push({ key: 'matching.audience.same', params: { audience: term('audiences', covered[0]!) } });
  else if (covered.length === asked) messages.push({ key: 'matching.audience.sameAll', params: { count: asked } });
  else if (covered.length > 0) messages.push({ key: 'matching.audience.some', params: { covered: covered.length, asked } });
  else messages.push({ key: 'matching.audience.other', params: { audience: term('audiences', supply.audiences[0] ?? 'individuals') } });

  let targetGroups = 1;
  if (demand.targetGroups.length > 0) {
    const designed = new Set(supply.targetGroups);
    let sum = 0;
    for (const group of demand.targetGroups) {
      if (designed.has(group)) {
        sum += 1;
        messages.push({ key: 'matching.targetGroup.designed', params: { group: term('target-groups', group) } });
      } else if (group === DISABILITIES && supply.accessibility.length > 0) {
        sum += 1;
        messages.push({ key: 'matching.targetGroup.accessible', params: { features: supply.accessibility.length } });
      } else {
        sum += GENERAL_TARGET_GROUP_FIT;
        messages.push({ key: 'matching.targetGroup.open', params: { group: term('target-groups', group) } });
      }
    }
    targetGroups = sum / demand.targetGroups.length;
  }

  let size = 1;
  const left = seatsLeft(supply);
  if (left !== null && demand.peopleCount !== null && left < demand.peopleCount) {
    size = Math.max(MIN_SIZE_FIT, left / demand.peopleCount);
    messages.push({ key: 'matching.size.short', params: { seats: left, people: demand.peopleCount } });
  }
  const fit = AUDIENCE_PARTS.audiences * audiences + AUDIENCE_PARTS.targetGroups * targetGroups + AUDIENCE_PARTS.size * size;
  return { fit, messages };
}

/** Level: by the distance from the asked level to the nearest offered one (1, 0.5, 0.15, 0). */
export function levelFit(demand: Demand, supply: Supply): Fit {
  if (demand.level === null) return { fit: 1, messages: [{ key: 'matching.level.any', params: {} }] };
  const asked = LEVELS.indexOf(demand.level as (typeof LEVELS)[number]);
  const offered = supply.levels.map((l) => LEVELS.indexOf(l as (typeof LEVELS)[number])).filter((i) => i >= 0);
  if (asked < 0 || offered.length === 0) return { fit: UNKNOWN_FIT, messages: [{ key: 'matching.level.unstated', params: {} }] };
  const nearest = offered.reduce((best, i) => (Math.abs(i - asked) < Math.abs(best - asked) ? i : best));
  const distance = Math.abs(nearest - asked);
  const fit = LEVEL_FIT_BY_DISTANCE[distance] ?? 0;
  const params = { level: term('levels', LEVELS[nearest]!), asked: term('levels', demand.level) };
  const key = distance === 0 ? 'matching.level.same' : distance === 1 ? 'matching.level.near' : 'matching.level.far';
  return { fit, messages: [{ key, params }] };
}

/** Modality: the preference table of weights.ts; no preference fits everything. */
export function modalityFit(demand: Demand, supply: Supply): Fit {
  if (demand.preferredModality === null) return { fit: 1, messages: [{ key: 'matching.modality.any', params: {} }] };
  if (supply.modality === null) return { fit: UNKNOWN_FIT, messages: [{ key: 'matching.modality.unstated', params: {} }] };
  const fit = MODALITY_FIT[demand.preferredModality]?.[supply.modality] ?? (demand.preferredModality === supply.modality ? 1 : 0);
  const params = { modality: term('modalities', supply.modality), asked: term('modalities', demand.preferredModality) };
  const key = fit === 1 ? 'matching.modality.same' : fit >= 0.5 ? 'matching.modality.close' : 'matching.modality.other';
  return { fit, messages: [{ key, params }] };
}

/**
 * Cost: free 1. Paid: within the budget (fee × people, same currency) 0.8, over it 0.5 × budget ÷
 * cost, no budget or one in another currency 0.5 (no exchange rates are kept); fee waivers raise
 * it to 0.9 in a least developed country and 0.6 elsewhere — the best case that applies counts.
 */
export function costFit(demand: Demand, supply: Supply): Fit {
  if (supply.fee === null || supply.fee.amount === 0) return { fit: COST_FIT.free, messages: [{ key: 'matching.cost.free', params: {} }] };
  const fee = { money: supply.fee };
  const cases: { fit: number; message: Message }[] = [];
  const budget = demand.budget;
  if (budget !== null && budget.currency === supply.fee.currency) {
    const people = demand.peopleCount ?? 1;
    const total = { amount: supply.fee.amount * people, currency: budget.currency };
    const params = { total: { money: total }, people, budget: { money: budget } };
    if (total.amount <= budget.amount) cases.push({ fit: COST_FIT.withinBudget, message: { key: 'matching.cost.withinBudget', params } });
    else cases.push({ fit: COST_FIT.overBudget * (budget.amount / total.amount), message: { key: 'matching.cost.overBudget', params } });
  } else if (budget !== null) {
    cases.push({ fit: COST_FIT.paid, message: { key: 'matching.cost.otherCurrency', params: { fee, budget: { money: budget } } } });
  } else {
    cases.push({ fit: COST_FIT.paid, message: { key: 'matching.cost.paid', params: { fee } } });
  }
  if (supply.waivers) {
    const ldc = demand.country.groups.includes('LDC');
    cases.push(
      ldc
        ? { fit: COST_FIT.waiverLdc, message: { key: 'matching.cost.waiverLdc', params: { fee } } }
        : { fit: COST_FIT.waiver, message: { key: 'matching.cost.waiver', params: { fee } } },
    );
  }
  // The best case decides; among equals, the one listed last is the more specific.
  const best = cases.reduce((a, b) => (b.fit >= a.fit ? b : a));
  return { fit: best.fit, messages: [best.message] };
}

/**
 * Text relevance: the candidate's full-text rank against the subject's words (the search
 * platform's ts_rank), as rank ÷ (rank + 0.05).
 */
export function textFit(textRank: number): Fit {
  const rank = Number.isFinite(textRank) && textRank > 0 ? textRank : 0;
  const fit = rank / (rank + TEXT_HALF);
  const key =
    fit >= 0.5 ? 'matching.text.strong' : fit >= 0.2 ? 'matching.text.some' : fit > 0 ? 'matching.text.weak' : 'matching.text.none';
  return { fit, messages: [{ key, params: {} }] };
}

/**
 * Track record: 75 % the Bayesian mean rating (three neutral ratings of 3 added, on 1–5), 25 %
 * experience (completed ÷ (completed + 5)), centred so that no record is exactly neutral (0.5).
 */
export function trackRecordFit(supply: Supply): Fit {
  const record = supply.trackRecord;
  if (record === null || (record.completed === 0 && record.ratings === 0)) {
    return { fit: UNKNOWN_FIT, messages: [{ key: 'matching.trackRecord.none', params: {} }] };
  }
  const { prior, neutralRating, experienceHalf, ratingShare } = TRACK_RECORD;
  const meanRating = (record.ratingSum + prior * neutralRating) / (record.ratings + prior);
  const rating = Math.min(1, Math.max(0, (meanRating - 1) / 4));
  const experience = 0.5 + 0.5 * (record.completed / (record.completed + experienceHalf));
  const fit = ratingShare * rating + (1 - ratingShare) * experience;
  const average = record.ratings > 0 ? Math.round((record.ratingSum / record.ratings) * 10) / 10 : 0;
  const key = record.ratings > 0 ? 'matching.trackRecord.rated' : 'matching.trackRecord.completed';
  return { fit, messages: [{ key, params: { completed: record.completed, ratings: record.ratings, rating: average } }] };
}
