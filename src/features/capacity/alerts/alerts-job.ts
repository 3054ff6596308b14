/** The daily digest of saved searches (saved-searches.ts). */
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/index.js';
import { sendDigests } from './saved-searches.js';

export const alertsJob = defineJob({
  name: 'capacity-alerts',
  payload: z.object({}),
  schedule: '7 6 * * *',
  timeoutSeconds: 1800,
  retry: { limit: 3, delaySeconds: 600, backoff: true },
  async handle(_payload, ctx) {
    ctx.logger.info(await sendDigests(ctx.db, ctx.config), 'saved-search digests sent');
  },
});
