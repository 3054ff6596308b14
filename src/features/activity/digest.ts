/**
 * The weekly activity digest by e-mail: people subscribe on /me/activity; every Monday at 06:00
 * UTC the `activity-digest` job (platform/jobs schedule) writes each subscriber, in their
 * language, what changed in the last 7 days (activityOf), and queues it through platform/mail —
 * nothing when nothing changed. All the week's mails commit with the job's receipt, so a job run
 * twice (at-least-once delivery) sends them once.
 */
import { z } from 'zod';
import type { Actor } from '../../core/policy/actor.js';
import type { Db, WriteTx } from '../../db/database.js';
import { formatDate, t } from '../../i18n/i18n.js';
import { defineJob } from '../../platform/jobs/index.js';
import { mailLink, queueMail, type OutgoingMail } from '../../platform/mail/index.js';
import type { Config } from '../../config/config.js';
import { emailOfAccount, preferredLanguageOf } from '../accounts/index.js';
import { activityOf } from './service.js';
import { detailOf, kindLabel } from './words.js';

export const DIGEST_DAYS = 7;

export async function isSubscribed(db: Db, userId: string): Promise<boolean> {
  return (
    (await db.selectFrom('activity_digest_subscriptions').select('user_id').where('user_id', '=', userId).executeTakeFirst()) !== undefined
  );
}

export async function setSubscribed(db: Db | WriteTx, userId: string, subscribed: boolean): Promise<void> {
  if (subscribed)
    await db
      .insertInto('activity_digest_subscriptions')
      .values({ user_id: userId })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute();
  else await db.deleteFrom('activity_digest_subscriptions').where('user_id', '=', userId).execute();
}

/**
 * The actor a subscriber's digest is read as: them, with their memberships and no platform role.
 * Reads the organisations feature's `memberships` table: there is no request (no session) to
 * take them from, and one query per subscriber is what the job needs.
 */
async function subscriberActor(db: Db, userId: string): Promise<Actor> {
  const rows = await db.selectFrom('memberships').select(['organisation_id', 'role']).where('user_id', '=', userId).execute();
  return {
    kind: 'user',
    userId,
    platformRole: null,
    memberships: rows.map((r) => ({ organisationId: r.organisation_id, role: r.role })),
    via: { kind: 'session' },
  };
}

/** The digest mails of this week, one per subscriber with something to tell. */
export async function digestMails(db: Db, config: Pick<Config, 'publicUrl' | 'host' | 'port'>, now = new Date()): Promise<OutgoingMail[]> {
  const subscribers = await db.selectFrom('activity_digest_subscriptions').select('user_id').orderBy('user_id').execute();
  const mails: OutgoingMail[] = [];
  for (const { user_id: userId } of subscribers) {
    const email = await emailOfAccount(db, userId);
    if (!email) continue;
    const lang = (await preferredLanguageOf(db, email)) ?? 'en';
    const events = await activityOf(db, await subscriberActor(db, userId), DIGEST_DAYS, now);
    if (events.length === 0) continue;
    const lines = events.map((e) =>
      [`${formatDate(lang, new Date(e.at))} · ${kindLabel(lang, e)} · ${e.title}`, detailOf(lang, e), mailLink(config, e.href, {})].join(
        '\n',
      ),
    );
    mails.push({
      to: email,
      lang,
      subject: t(lang, 'people.digest.subject', { count: events.length }),
      text: [
        t(lang, 'people.digest.intro', { days: DIGEST_DAYS }),
        ...lines,
        t(lang, 'people.digest.stop', { url: mailLink(config, '/me/activity', {}) }),
      ].join('\n\n'),
    });
  }
  return mails;
}

export const activityDigestJob = defineJob({
  name: 'activity-digest',
  payload: z.object({}),
  schedule: '0 6 * * 1',
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  timeoutSeconds: 600,
  async handle(_payload, ctx) {
    const mails = await digestMails(ctx.db, ctx.config);
    await ctx.once(async (tx) => {
      for (const mail of mails) await queueMail({ db: tx, config: ctx.config }, mail);
    });
    ctx.logger.info({ mails: mails.length }, 'activity digests queued');
  },
});
