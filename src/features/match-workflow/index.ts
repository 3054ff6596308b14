/**
 * The match workflow (issue 11): a requester shortlists offerings for a need
 * and requests one, or a provider proposes its offering; the other side
 * accepts or declines; delivery, people trained, ratings from both sides;
 * comments; mail to the other side at every step; every step audited. Its
 * track record feeds the matching engine (workflowHistory, injected in app.ts).
 */
export { matchWorkflowApi } from './api-routes.js';
export { matchWorkflowPages, matchesNav } from './page-routes.js';
export { workflowHistory } from './history.js';
export { startMatch, getMatch, listMatches, transitionMatch, commentOnMatch, rateMatch, type WorkflowDeps } from './service.js';
export type { Match } from './schemas.js';
export { matchPersonalData } from './personal-data.js';
