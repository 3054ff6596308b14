/**
 * Projects and initiatives: the platform's project model (shaped after the IATI 2.03 activity),
 * its validation and the SDG helpers matching uses. Pure: no database, HTTP or files.
 */
export type * from './types.js';
export { validateProject, currencyOf, type ProjectIssue } from './validate.js';
export { sdgGoalOf, sdgGoalsOf, sortSdgLinks } from './sdg.js';
export { countryCodesFromPairs } from './country-codes.js';
export {
  canonicalLanguage,
  isCurrencyCode,
  isDateTime,
  isIso3,
  isIsoDate,
  isKnownCurrency,
  isPercentage,
  isPlausibleAmount,
  isXmlSafe,
  EARLIEST_YEAR,
  LATEST_YEAR,
  MAX_AMOUNT,
} from './values.js';
