/** Shared machinery of every importer: reading data files with their hash. */
export { readDataFile, type DataFile } from './data-files.js';
