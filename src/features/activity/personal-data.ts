/** The digest subscription's share of a person's data: exported with the rest; the row goes with the account (on delete cascade). */
import { z } from 'zod';
import type { Db, WriteTx } from '../../db/database.js';
import { isSubscribed, setSubscribed } from './digest.js';

export const digestPersonalData = {
  name: 'activityDigest',
  schema: z.object({ subscribed: z.boolean() }),
  export: async (db: Db, userId: string) => ({ subscribed: await isSubscribed(db, userId) }),
  erase: async (tx: WriteTx, userId: string) => setSubscribed(tx, userId, false),
};
