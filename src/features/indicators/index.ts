/** Indicators: catalogue, observations, aggregates, targets (the Connect data engine). */
export { importBatches, importIndicators, readIndicatorFiles, type IndicatorImportSummary, type ObservationBatch } from './import-indicators.js';
export { INDICATOR_FILES } from './sources.js';
