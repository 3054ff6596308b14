/** Indicators: catalogue, observations, aggregates, targets (the Connect data engine). */
export { INDICATOR_VERSIONED_READS, indicatorsApi } from './api-routes.js';
export { connectivitySection } from './country-section.js';
export { cacheForAnonymous, connectNav, connectPages } from './page-routes.js';
export {
  importBatches,
  importIndicators,
  readIndicatorFiles,
  type IndicatorImportSummary,
  type ObservationBatch,
} from './import-indicators.js';
export { INDICATOR_FILES } from './sources.js';
export { countryProfile } from './service.js';
export type { CountryProfile, ProfileIndicator } from './schemas.js';
// For the country brief (features/briefs): the group context and the series behind its charts.
export { groupProfile, listAggregates, listObservations } from './service.js';
export type { AggregateItem, GroupProfile, GroupProfileIndicator, ObservationItem } from './schemas.js';
export { importSdmx, readSdmxBatch, type SdmxImportOptions } from './import-sdmx.js';
export {
  fetchWorldBankBatch,
  importWorldBank,
  SourceUnreachable,
  WORLD_BANK_API_SOURCE,
  type WorldBankClientOptions,
} from './import-worldbank.js';
