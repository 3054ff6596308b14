/**
 * Unmet-demand insights (issue 11): /insights and /api/v1/insights/…, over the
 * clearinghouse's needs and offerings and the workflow's matches.
 */
export { insightsApi } from './api-routes.js';
export { insightsPages, insightsNav } from './page-routes.js';
export { unmetDemand, demandTrend, supplyGaps, unfittedNeeds, timeToMatch } from './service.js';
