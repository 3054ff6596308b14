/** Activity (issue 12): what changed lately in a person's projects and their organisations' needs and offerings. */
export { activityPages } from './page-routes.js';
export { activityOf, ACTIVITY_DAYS, type ActivityEvent } from './service.js';
export { activityDigestJob, digestMails, DIGEST_DAYS } from './digest.js';
export { digestPersonalData } from './personal-data.js';
