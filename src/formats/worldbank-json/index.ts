/**
 * World Bank Indicators API v2 JSON: one page of a response into observations.
 */
export { nextWorldBankPage, parseWorldBankJson, type WorldBankPage, type WorldBankPageInfo } from './parse-worldbank-json.js';
