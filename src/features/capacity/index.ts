/**
 * The capacity clearinghouse (issue 10): providers' offerings and pledges,
 * requesters' needs, their review workflows, multilingual faceted search,
 * bulk import and export, and generated demo data. Pages, jobs (harvesting,
 * link checks, alerts) and the matching engine use these services directly;
 * nothing outside this folder reads its tables.
 */
export { offeringsApi } from './offering-routes.js';
export { needsApi } from './need-routes.js';
export { capacityPages, needsNav, offeringsNav } from './pages/page-routes.js';
export { offeringSourcesApi } from './harvest/source-routes.js';
export { harvestJob } from './harvest/harvest-job.js';
export { upkeepJob } from './upkeep/upkeep-job.js';
export { alertsJob } from './alerts/alerts-job.js';
export { savedSearchesApi } from './alerts/saved-search-routes.js';
export { harvestPages } from './harvest/pages.js';
export { harvestSource, type HarvestReport } from './harvest/harvest.js';
export { registerSource } from './harvest/sources.js';
export { createOffering, getOffering, transitionOffering, updateOffering } from './offering-service.js';
export { createNeed, getNeed, transitionNeed, updateNeed } from './need-service.js';
export { followNeedStatus } from './need-writes.js';
export { NEED_FACETS, OFFERING_FACETS, searchNeeds, searchOfferings } from './catalogue.js';
export { exportAllOfferings, exportOfferings, importOfferings, type Importer, type ImportSummary } from './offering-transfer.js';
export { exportAllNeeds, exportNeeds, importNeeds } from './need-transfer.js';
export {
  DEFAULT_SEED,
  FIRST_START,
  fillPlannedDemo,
  generateDemoData,
  planDemoOnFirstStart,
  removeDemoData,
  type DemoSummary,
} from './demo.js';
export { ImportProblems, type ImportFile } from './import-file.js';
export { DEMO_NOTICE } from './offering-presenters.js';
export type { Offering, OfferingInput, OfferingPatch, OfferingSummary } from './offering-schemas.js';
export type { Need, NeedInput, NeedPatch, NeedSummary } from './need-schemas.js';
export type { NeedListQuery, NeedPage, OfferingListQuery, OfferingPage } from './list-schemas.js';
export type { Asker } from './service-support.js';
// For the matching engine (src/features/matching): the catalogue's own filters (visibility,
// languages, eligibility) as SQL over the offerings and needs tables, and the presenters of
// the records it ranks.
export { needConditions, offeringConditions } from './filters.js';
export { vocabulary, type CountryFacts, type Vocabulary } from './vocabulary.js';
export { offeringsByIds } from './offering-repository.js';
export { needsByIds } from './need-repository.js';
export { presentOfferingSummary } from './offering-presenters.js';
export { presentNeedSummary } from './need-presenters.js';
export { OfferingSummarySchema } from './offering-schemas.js';
export { NeedSummarySchema } from './need-schemas.js';
