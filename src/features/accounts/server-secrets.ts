/**
 * Keys the server generates for itself, kept in `server_secrets` so every
 * instance on the database uses the same one and no secret lives in the
 * repository or the environment. Read once per instance, then held in memory.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.js';

const held = new WeakMap<Db, Map<string, Promise<Buffer>>>();

/**
 * The secret called `name`, created (32 random bytes) by whichever instance asks first.
 * A failure (database down) is not remembered: the next call tries again.
 * @example const key = await serverSecret(db, 'anonymous-csrf')
 */
export function serverSecret(db: Db, name: string): Promise<Buffer> {
  let byName = held.get(db);
  if (!byName) held.set(db, (byName = new Map()));
  let secret = byName.get(name);
  if (!secret) {
    secret = readOrCreate(db, name);
    byName.set(name, secret);
    void secret.catch(() => byName.delete(name));
  }
  return secret;
}

async function readOrCreate(db: Db, name: string): Promise<Buffer> {
  await db
    .insertInto('server_secrets')
    .values({ name, secret: randomBytes(32) })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('server_secrets').select('secret').where('name', '=', name).executeTakeFirstOrThrow();
  return row.secret;
}
