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
