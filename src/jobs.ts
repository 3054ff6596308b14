/**
 * Every background job the platform runs: the platform's own and each feature's.
 * `dcp serve` (unless DCP_WORKERS=separate) and `dcp worker` run workers for these;
 * wiring features here, like src/app.ts does for routes, keeps the platform free of
 * feature imports.
 */
import { passwordResetJob } from './features/accounts/index.js';
import { activityDigestJob } from './features/activity/index.js';
import { alertsJob, harvestJob, upkeepJob } from './features/capacity/index.js';
import { forgetReceiptsJob, type AnyJob } from './platform/jobs/index.js';
import { forgetFinishedMailsJob, sendMailJob } from './platform/mail/index.js';
import { webhookDeliverJob, webhookDispatchJob } from './features/webhooks/index.js';

export const JOBS: readonly AnyJob[] = [
  sendMailJob,
  passwordResetJob,
  forgetFinishedMailsJob,
  forgetReceiptsJob,
  harvestJob,
  upkeepJob,
  alertsJob,
  activityDigestJob,
  webhookDispatchJob,
  webhookDeliverJob,
];
