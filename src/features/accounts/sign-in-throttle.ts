/**
 * A growing delay per account after failed sign-ins: from the fifth failure
 * in a day, sign-in to that address is refused for 2^n seconds (at most an
 * hour). Keyed by a digest of the address, so unknown addresses behave alike.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { sha256 } from './secrets.js';

const FREE_FAILURES = 4;
const MAX_DELAY_SECONDS = 3600;

function keyOf(email: string): Buffer {
  return sha256(`sign-in:${email}`);
}

/** Seconds the address must still wait before another attempt; 0 when it may try. */
export async function secondsBlocked(db: Db, email: string): Promise<number> {
  const row = await db
    .selectFrom('sign_in_failures')
    .select(sql<number>`extract(epoch from (blocked_until - now()))::float8`.as('remaining'))
    .where('email_hash', '=', keyOf(email))
    .where('blocked_until', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return row ? Math.max(1, Math.ceil(row.remaining)) : 0;
}

/**
 * Counts a failure; failures older than a day are forgotten first. `scale` multiplies the free
 * failures (Config.rateLimitScale: 1, or high for a security scan).
 */
export async function recordFailure(db: Db, email: string, scale = 1): Promise<void> {
  await sql`
    insert into sign_in_failures as f (email_hash, failures, last_failed_at, blocked_until) values (${keyOf(email)}, 1, now(), null)
    on conflict (email_hash) do update set
      failures = case when f.last_failed_at < now() - interval '1 day' then 1 else f.failures + 1 end,
      last_failed_at = now(),
      blocked_until = case
        when f.last_failed_at < now() - interval '1 day' or f.failures + 1 <= ${FREE_FAILURES * scale} then null
        else now() + make_interval(secs => least(power(2, f.failures + 1), ${MAX_DELAY_SECONDS}))
      end`.execute(db);
}

export async function clearFailures(db: Db, email: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('email_hash', '=', keyOf(email)).execute();
}
