/**
 * The daily harvest: every active source, one after the other. A source that cannot be fetched
 * or read gets that in its report and changes nothing; the others are not held up by it. A run
 * is idempotent (a repeat finds the same items unchanged), so a retried job does no harm.
 */
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/index.js';
import { SYSTEM } from '../../audit/index.js';
import { harvestSource } from './harvest.js';

export const harvestJob = defineJob({
  name: 'capacity-harvest',
  payload: z.object({}),
  schedule: '41 2 * * *',
  timeoutSeconds: 3600,
  retry: { limit: 2, delaySeconds: 900, backoff: false },
  async handle(_payload, ctx) {
    const sources = await ctx.db.selectFrom('offering_sources').select('id').where('active', '=', true).orderBy('created_at').execute();
    for (const { id } of sources) {
      const report = await harvestSource(ctx.db, SYSTEM, id, { allowPrivate: ctx.config.harvestPrivateAddresses });
      ctx.logger.info(
        {
          source: id,
          error: report.error,
          items: report.items,
          created: report.created,
          updated: report.updated,
          archived: report.archived,
          problems: report.problems.length,
        },
        'catalogue harvested',
      );
    }
  },
});
