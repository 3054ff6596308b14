/** The learning plan's share of a person's data: exported with the rest, erased with the account. */
import { z } from 'zod';
import type { Db, WriteTx } from '../../db/database.js';
import { eraseItemsOf, planOf } from './repository.js';

export const learningPersonalData = {
  name: 'learningPlan',
  schema: z.array(
    z.object({
      id: z.string(),
      offeringId: z.string(),
      offeringTitle: z.string(),
      skillKind: z.string(),
      skillCode: z.string(),
      targetLevel: z.string().nullable(),
      status: z.string(),
      updatedAt: z.string(),
    }),
  ),
  export: (db: Db, userId: string) => planOf(db, userId),
  erase: (tx: WriteTx, userId: string) => eraseItemsOf(tx, userId),
};
