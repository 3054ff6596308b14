/**
 * Matching (issue 11): offerings for a need and needs for an offering, ranked
 * and explained by the engine in src/core/matching; pledges for a country's
 * connectivity gaps. The match workflow, the country page and the brief call
 * these services; the API is `matchingApi`.
 */
export { matchingApi } from './routes.js';
export { matchesForNeed, planNeedMatching, type NeedMatches, type NeedPlan } from './need-matches.js';
export { matchesForOffering, type OfferingMatches } from './offering-matches.js';
export { CANDIDATE_CAP, type Candidates, type MatchingDeps, type MatchOptions, type Stage } from './service-support.js';
export { needMatchPage, offeringMatchPage } from './match-pages.js';
export { presentNeedMatches, presentOfferingMatches } from './presenters.js';
export { countryPledges, presentCountryPledges, type CountryPledges } from './pledge-service.js';
export { reference as matchingReference, countryContexts } from './context.js';
export { renderMessage, renderMessages, type Labels } from './render.js';
export { NO_HISTORY, type MatchHistory } from './history.js';
export { scorePair, type PairScore } from './pair-score.js';
export type { NeedMatchPage, OfferingMatchPage } from './schemas.js';
export { capacitySection, countryCapacity, CapacitySection, type CountryCapacity } from './country-section.js';
export { needPeoplePage, PEOPLE_CAP, type NeedPeoplePage, type PeopleSource } from './need-people.js';
