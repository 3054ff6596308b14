/** The reference-data feature: countries, groups, taxonomies. */
export { referenceApi } from './api-routes.js';
export { referencePages, type CountrySection } from './page-routes.js';
export { importReference, REFERENCE_FILES, type ReferenceSummary } from './import-reference.js';
export {
  countCountries,
  countryCodes,
  exportCountries,
  exportGroups,
  exportTaxonomy,
  findGroupSummary,
  getCountry,
  groupMemberships,
  listGroups,
  m49OfIso3,
} from './service.js';
export type { Country } from './schemas.js';
export type { CountryCodes } from './service.js';
export { LocalisedSchema } from './schemas.js';
export { referenceNav } from './page-routes.js';
/** Reads whose answer changes only when an import commits: served per data version (http/versioned-responses.ts). */
export const REFERENCE_VERSIONED_READS = [
  '/api/v1/countries',
  '/api/v1/countries/{code}',
  '/api/v1/groups',
  '/api/v1/groups/{code}',
  '/api/v1/taxonomies',
  '/api/v1/taxonomies/{name}',
] as const;
