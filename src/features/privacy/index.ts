/** Personal data: the privacy page, a person's data export and account deletion. */
export { privacyApi } from './api-routes.js';
export { privacyPages } from './page-routes.js';
export type { PersonalDataPart } from './schemas.js';
