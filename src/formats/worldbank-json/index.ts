/**
 * World Bank Indicators API v2 JSON: one page of a response into observations.
 */
export {
  nextWorldBankPage,
  parseWorldBankJson,
  WORLD_BANK_SKIPPED,
  type WorldBankPage,
  type WorldBankPageInfo,
  type WorldBankParseOptions,
} from './parse-worldbank-json.js';
