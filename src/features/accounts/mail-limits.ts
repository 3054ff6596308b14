/**
 * Account mails (verification, "you already have an account", reset, change of
 * address) are limited per recipient address as well as per client address: a few
 * clients — or many — cannot flood one inbox. The count is kept for every address
 * asked about, with or without an account, and a mail over the limit is simply not
 * sent: the answer to the request is the same, so the limit tells nobody whether the
 * address has an account. Counted in the shared `rate_limits` table under a digest of
 * the address, never the address.
 */
import type { Db } from '../../db/database.js';
import { hit } from './rate-limits.js';
import { sha256 } from './secrets.js';

/** At most this many account mails to one address per quarter hour, and per day. */
export const MAILS_PER_ADDRESS = { quarterHour: 3, day: 10 } as const;

/**
 * Counts one account mail to `email` (normalised) and says whether it may be sent.
 * Both windows are always counted, so every call does the same work.
 * @example if (await mayMailAddress(tx, 'ana@example.org')) await mailAccount(…)
 */
export async function mayMailAddress(db: Db, email: string): Promise<boolean> {
  const digest = sha256(email).toString('base64url').slice(0, 22);
  const quarter = await hit(db, `mail-to:${digest}`, MAILS_PER_ADDRESS.quarterHour, 15 * 60);
  const day = await hit(db, `mail-to-day:${digest}`, MAILS_PER_ADDRESS.day, 24 * 60 * 60);
  return quarter.allowed && day.allowed;
}
