/**
 * Shared machinery of every importer: reading data files with their hash, the data version caches
 * key on, recognising a database that failed under an import, and which first-start steps are
 * done. First-start loading itself (initial-data.ts, `ensureInitialData`) is not exported here:
 * it calls the importers, which use this module.
 */
export { readAllInOrder, readDataFile, type DataFile } from './data-files.js';
export { dataVersion, VersionedCache } from './data-version.js';
export { databaseFailure } from './database-failure.js';
export { INITIAL_STEPS, missingInitialSteps, type InitialStep } from './initial-steps.js';
