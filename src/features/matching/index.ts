/**
 * Matching (issue 11): offerings for a need and needs for an offering, ranked
 * and explained by the engine in src/core/matching; pledges for a country's
 * connectivity gaps. The match workflow, the country page and the brief call
 * these services; the API is `matchingApi`.
 */
export { matchingApi } from './routes.js';
export {
  matchesForNeed,
  matchesForOffering,
  CANDIDATE_CAP,
  type MatchingDeps,
  type MatchOptions,
  type NeedMatches,
  type OfferingMatches,
} from './service.js';
export { needMatchPage, offeringMatchPage } from './match-pages.js';
export { presentNeedMatches, presentOfferingMatches } from './presenters.js';
export { countryPledges, presentCountryPledges, type CountryPledges } from './pledge-service.js';
export { reference as matchingReference, countryContexts } from './context.js';
export { renderMessage, renderMessages, type Labels } from './render.js';
export { NO_HISTORY, type MatchHistory } from './history.js';
