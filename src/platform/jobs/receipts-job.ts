/** A daily scheduled job: receipts older than a week go (no job is retried that late). */
import { z } from 'zod';
import { defineJob } from './define.js';
import { forgetReceipts } from './once.js';

export const RECEIPT_DAYS = 7;

export const forgetReceiptsJob = defineJob({
  name: 'job-receipts-forget',
  payload: z.object({}),
  schedule: '17 3 * * *',
  retry: { limit: 3, delaySeconds: 600, backoff: false },
  async handle(_payload, ctx) {
    const forgotten = await forgetReceipts(ctx.db, RECEIPT_DAYS);
    ctx.logger.info({ forgotten }, 'old job receipts dropped');
  },
});
