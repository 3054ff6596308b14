/** The reference-data feature: countries, groups, taxonomies. */
export { referenceApi } from './api-routes.js';
export { referencePages, type CountrySection } from './page-routes.js';
export { importReference, REFERENCE_FILES, type ReferenceSummary } from './import-reference.js';
export {
  countCountries,
  exportCountries,
  exportGroups,
  exportTaxonomy,
  findGroupSummary,
  getCountry,
  listGroups,
  m49OfIso3,
} from './service.js';
export type { Country } from './schemas.js';
export { LocalisedSchema } from './schemas.js';
export { referenceNav } from './page-routes.js';
