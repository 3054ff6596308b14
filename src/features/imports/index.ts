/** Shared machinery of every importer: reading data files with their hash, and the data version caches key on. */
export { readAllInOrder, readDataFile, type DataFile } from './data-files.js';
export { dataVersion, VersionedCache } from './data-version.js';
