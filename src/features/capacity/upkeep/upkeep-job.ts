/** The daily upkeep of the published catalogue: link check, then stale reminders (upkeep.ts). */
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/index.js';
import { checkLinks, remindStale } from './upkeep.js';

export const upkeepJob = defineJob({
  name: 'capacity-upkeep',
  payload: z.object({}),
  schedule: '53 3 * * *',
  timeoutSeconds: 3600,
  retry: { limit: 2, delaySeconds: 900, backoff: false },
  async handle(_payload, ctx) {
    const links = await checkLinks(ctx.db, { allowPrivate: ctx.config.harvestPrivateAddresses });
    const stale = await remindStale(ctx.db, ctx.config);
    ctx.logger.info({ ...links, ...stale }, 'catalogue upkeep done');
  },
});
