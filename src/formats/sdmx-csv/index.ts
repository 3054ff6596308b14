/**
 * SDMX-CSV 1.0 and 2.0: parse and serialise messages, and map them to and from observations.
 */
export type * from './types.js';
export { parseSdmxCsv } from './parse-sdmx-csv.js';
export { serialiseSdmxCsv, type SerialiseOptions } from './serialise-sdmx-csv.js';
export { formatStructureRef, parseStructureRef, type ParsedStructureRef } from './structure-ref.js';
export {
  columnNumber,
  observationsToSdmx,
  sdmxToObservations,
  SDMX_SKIPPED,
  type SdmxObservationMapping,
  type SdmxWriteOptions,
} from './observations.js';
