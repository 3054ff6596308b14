/**
 * Records in the engine's shapes: a presented need or offering (the subject,
 * read through the capacity services with the reader's permissions) and the
 * slim candidate rows of candidate-repository.ts.
 */
import type { CountryContext, Demand, Supply, TrackRecord } from '../../core/matching/index.js';
import type { Need, Offering } from '../capacity/index.js';
import type { NeedCandidateRow, OfferingCandidateRow } from './candidate-repository.js';

export function demandOfNeed(need: Need, country: CountryContext): Demand {
  return {
    id: need.id,
    country,
    languages: need.languages,
    topics: need.topics,
    digcomp: need.digcomp,
    esco: need.esco,
    audiences: need.audiences,
    targetGroups: need.targetGroups,
    peopleCount: need.peopleCount,
    level: need.level,
    preferredModality: need.preferredModality,
    startDate: need.startDate,
    endDate: need.endDate,
    budget: need.budget,
  };
}

export function demandOfRow(row: NeedCandidateRow, country: CountryContext): Demand {
  return {
    id: row.id,
    country,
    languages: row.languages,
    topics: row.topics,
    digcomp: row.digcomp,
    esco: row.esco,
    audiences: row.audiences,
    targetGroups: row.target_groups,
    peopleCount: row.people_count,
    level: row.level,
    preferredModality: row.preferred_modality,
    startDate: row.start_date,
    endDate: row.end_date,
    budget:
      row.budget_amount !== null && row.budget_currency !== null ? { amount: row.budget_amount, currency: row.budget_currency } : null,
  };
}

export interface History {
  readonly trackRecord: TrackRecord | null;
  readonly seatsTaken: number;
}

export function supplyOfOffering(offering: Offering, history: History): Supply {
  return {
    id: offering.id,
    kind: offering.kind,
    providerId: offering.provider.id,
    languages: offering.languages,
    topics: offering.topics,
    digcomp: offering.digcomp,
    esco: offering.esco,
    audiences: offering.audiences,
    targetGroups: offering.targetGroups,
    levels: offering.levels,
    accessibility: offering.accessibility,
    modality: offering.modality,
    bandwidth: offering.bandwidth,
    eligibleCountries: offering.eligibleCountries,
    eligibleGroups: offering.eligibleGroups,
    fee: offering.fee,
    waivers: offering.waivers !== null,
    startDate: offering.startDate,
    endDate: offering.endDate,
    rolling: offering.rolling,
    seats: offering.seats,
    ...history,
  };
}

export function supplyOfRow(row: OfferingCandidateRow, history: History): Supply {
  return {
    id: row.id,
    kind: row.kind,
    providerId: row.provider_organisation_id,
    languages: row.languages,
    topics: row.topics,
    digcomp: row.digcomp,
    esco: row.esco,
    audiences: row.audiences,
    targetGroups: row.target_groups,
    levels: row.levels,
    accessibility: row.accessibility,
    modality: row.modality,
    bandwidth: row.bandwidth,
    eligibleCountries: row.eligible_countries,
    eligibleGroups: row.eligible_groups,
    fee: row.cost_amount !== null && row.cost_currency !== null ? { amount: row.cost_amount, currency: row.cost_currency } : null,
    waivers: row.waivers,
    startDate: row.start_date,
    endDate: row.end_date,
    rolling: row.rolling,
    seats: row.seats,
    ...history,
  };
}
