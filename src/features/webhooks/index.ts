/**
 * Outgoing webhooks per organisation (issue 12): owners register endpoints, choose events
 * (projects, needs, offerings, matches) and read the delivery log. Events come from the audit log
 * (a trigger, migration 930) and go out signed through platform/webhooks by the job queue.
 */
export { webhooksApi } from './api-routes.js';
export { webhookPages } from './page-routes.js';
export { webhookDeliverJob, webhookDispatchJob } from './delivery.js';
