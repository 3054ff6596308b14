/**
 * The matching engine (pure): ranks offerings for a need and needs for an
 * offering with an explanation per component, never trading off a hard
 * constraint; ranks people for an advisory need (people.ts); matches pledges to a
 * country's connectivity gaps. Weights in
 * weights.ts, method in docs/methods.md (Matching).
 */
export {
  connectivityFit,
  connectivityLevel,
  figureLevels,
  figureMessage,
  formatDemand,
  type ConnectivityLevel,
  type FigureName,
  type Format,
} from './connectivity.js';
export { isEligible, sharesLanguage, timeframeOpens, violations } from './constraints.js';
export { prepareDemand, rankDemands, rankSupplies, scorePair, type PreparedDemand } from './engine.js';
export { MESSAGE_KEYS, type MatchingMessageKey } from './messages.js';
export {
  advisoryTimeframe,
  PERSON_COMPONENTS,
  PERSON_CONSTRAINTS,
  personViolations,
  rankPeople,
  scorePerson,
  type AdvisoryNeed,
  type PeopleRanking,
  type PersonComponent,
  type PersonConstraint,
  type PersonExclusion,
  type PersonExplanation,
  type PersonMatch,
  type PersonSupply,
  type Place,
} from './people.js';
export {
  distanceToTarget,
  pledgesForGaps,
  pledgeViolations,
  umcGaps,
  type Gap,
  type GapPledges,
  type MeasuredIndicator,
  type Pledge,
  type PledgeConstraint,
  type PledgeMatch,
  type Target,
  type UmcDimension,
} from './pledges.js';
export { demandTerms, linkedTerms, linkStrength, topicFit, type DemandTerms, type TermRef } from './taxonomy.js';
export * from './types.js';
export { ADVISORY, PERSON_WEIGHTS, WEIGHTS } from './weights.js';
