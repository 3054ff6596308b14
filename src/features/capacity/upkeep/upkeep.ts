/**
 * Upkeep of the published catalogue (issue 10), run daily by the capacity-upkeep job:
 *   - the link check: each published offering's URL is fetched (through the harvester's SSRF
 *     guards) at most once a week, oldest check first, a bounded number per run; a broken link
 *     is marked with since when and what it answered, a working one clears the mark;
 *   - staleness: offerings published and not reviewed (edited, or published again) for 12
 *     months are flagged, and each provider's editors and owners get one reminder mail in
 *     their language listing them, at most every 30 days.
 * Both are idempotent: a repeat the same day finds nothing due.
 */
import { sql } from 'kysely';
import type { Config } from '../../../config/config.js';
import type { Db } from '../../../db/database.js';
import { t } from '../../../i18n/i18n.js';
import { queueMail } from '../../../platform/mail/index.js';
import { LANGUAGES, type Language } from '../../../shared/localised.js';
import { brokenLink } from '../harvest/fetch-catalogue.js';

export const STALE_MONTHS = 12;
const CHECKS_PER_RUN = 200;

export interface UpkeepSummary {
  readonly checked: number;
  readonly broken: number;
  readonly stale: number;
  readonly reminders: number;
}

/** Checks the links due; returns how many were checked and how many are broken. */
export async function checkLinks(db: Db, options: { allowPrivate: boolean; limit?: number }): Promise<{ checked: number; broken: number }> {
  const due = await db
    .selectFrom('offerings')
    .select(['id', 'url'])
    .where('status', '=', 'published')
    .where('url', 'is not', null)
    .where((eb) => eb.or([eb('url_checked_at', 'is', null), eb('url_checked_at', '<', sql<Date>`now() - interval '7 days'`)]))
    .orderBy(sql`url_checked_at nulls first`)
    .limit(options.limit ?? CHECKS_PER_RUN)
    .execute();
  let broken = 0;
  for (const offering of due) {
    const problem = await brokenLink(offering.url!, { allowPrivate: options.allowPrivate });
    if (problem) broken += 1;
    await db
      .updateTable('offerings')
      .set({
        url_checked_at: sql<Date>`now()`,
        url_problem: problem ?? null,
        url_broken_since: problem ? sql<Date>`coalesce(url_broken_since, now())` : null,
      })
      .where('id', '=', offering.id)
      .execute();
  }
  return { checked: due.length, broken };
}

const languageOf = (lang: string | null): Language => ((LANGUAGES as readonly string[]).includes(lang ?? '') ? (lang as Language) : 'en');

/** Flags stale offerings and reminds their providers; returns how many offerings and mails. */
export async function remindStale(db: Db, config: Pick<Config, 'mailFrom' | 'publicUrl'>): Promise<{ stale: number; reminders: number }> {
  const stale = await db
    .selectFrom('offerings')
    .select(['id', 'title', 'provider_organisation_id'])
    .where('status', '=', 'published')
    .where('demo', '=', false)
    .where('last_reviewed_at', '<', sql<Date>`now() - make_interval(months => ${STALE_MONTHS})`)
    .where((eb) =>
      eb.or([
        eb('stale_reminded_at', 'is', null),
        eb('stale_reminded_at', '<', sql<Date>`now() - interval '30 days'`),
        eb('stale_reminded_at', '<', eb.ref('last_reviewed_at')),
      ]),
    )
    .orderBy('title')
    .execute();
  const byOrganisation = new Map<string, typeof stale>();
  for (const o of stale) byOrganisation.set(o.provider_organisation_id, [...(byOrganisation.get(o.provider_organisation_id) ?? []), o]);
  const base = config.publicUrl ?? 'http://localhost:3000';
  let reminders = 0;
  for (const [organisationId, offerings] of byOrganisation) {
    await db.transaction().execute(async (tx) => {
      const people = await tx
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['users.email', 'users.preferred_lang'])
        .where('memberships.organisation_id', '=', organisationId)
        .where('memberships.role', 'in', ['editor', 'owner'])
        .execute();
      for (const person of people) {
        const lang = languageOf(person.preferred_lang);
        const list = offerings.map((o) => `- ${o.title}\n  ${new URL(`/offerings/${o.id}/edit`, base).href}`).join('\n');
        await queueMail(
          { db: tx, config },
          {
            to: person.email,
            lang,
            subject: t(lang, 'capacity.mail.stale.subject', { count: offerings.length }),
            text: `${t(lang, 'capacity.mail.stale.intro', { count: offerings.length, months: STALE_MONTHS })}\n\n${list}\n\n${t(lang, 'capacity.mail.stale.outro')}\n`,
          },
        );
        reminders += 1;
      }
      await tx
        .updateTable('offerings')
        .set({ stale_reminded_at: sql<Date>`now()` })
        .where(
          'id',
          'in',
          offerings.map((o) => o.id),
        )
        .execute();
    });
  }
  return { stale: stale.length, reminders };
}
