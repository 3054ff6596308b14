/**
 * Saved searches and their daily digest (issue 10). A signed-in person saves a catalogue search
 * (the list parameters of /offerings or /needs, checked with the API's schema) from a catalogue
 * page or through /api/v1/saved-searches; once a day the capacity-alerts job runs each saved
 * search AS ITS OWNER — as the catalogue shows it to them signed in, with their memberships and
 * platform role read afresh: members-only needs (signed-in members, the policy's need rule) and
 * their own organisations' records are in it; for an account sign-in treats as anonymous (a
 * platform role owing its second factor) they are not — takes what was listed
 * since the person was last told, and mails one digest per person in their language. The mail and the new `last_sent_at` commit together, so nothing is mailed
 * twice and nothing is skipped when a run fails.
 */
import { sql } from 'kysely';
import type { Config } from '../../../config/config.js';
import { ANONYMOUS, type Actor, type PlatformRole } from '../../../core/policy/actor.js';
import { secondFactorRequired } from '../../../core/policy/policy.js';
import type { Db } from '../../../db/database.js';
import { AppError } from '../../../http/app-error.js';
import { authorise } from '../../../http/authorise.js';
import { t } from '../../../i18n/i18n.js';
import { queueMail } from '../../../platform/mail/index.js';
import { LANGUAGES, type Language } from '../../../shared/localised.js';
import { searchNeeds, searchOfferings } from '../catalogue.js';
import { NeedListQuerySchema, OfferingListQuerySchema, type NeedListQuery, type OfferingListQuery } from '../list-schemas.js';

export type SearchKind = 'offerings' | 'needs';
export const MAX_SAVED = 20;
/** Parameters that describe what to find; paging and output ones are not kept. */
const KEPT = (key: string) => !['cursor', 'limit', 'format', 'lang', 'sort'].includes(key);

export interface SavedSearch {
  readonly id: string;
  readonly kind: SearchKind;
  readonly query: Record<string, string>;
  readonly createdAt: string;
}

const schemaOf = (kind: SearchKind) => (kind === 'offerings' ? OfferingListQuerySchema : NeedListQuerySchema);

/** The person whose saved searches these are: signed in, in person (the policy: account 'manage-alerts'). */
function signedIn(actor: Actor): string {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in to save a search');
  authorise(actor, 'manage-alerts', { type: 'account', userId: actor.userId });
  return actor.userId;
}

/**
 * @example await saveSearch(db, actor, 'offerings', { topics: 'cybersecurity', eligibleFor: 'NER' })
 */
export async function saveSearch(db: Db, actor: Actor, kind: SearchKind, parameters: Record<string, string>): Promise<SavedSearch> {
  const userId = signedIn(actor);
  const query = Object.fromEntries(Object.entries(parameters).filter(([key, value]) => KEPT(key) && value !== ''));
  const parsed = schemaOf(kind).safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('validation-failed', `${issue?.path.join('.') ?? 'query'}: ${issue?.message ?? 'not valid'}`);
  }
  const count = await db
    .selectFrom('saved_searches')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  if (count.n >= MAX_SAVED) throw new AppError('conflict', `At most ${MAX_SAVED} saved searches: delete one first`);
  const row = await db
    .insertInto('saved_searches')
    .values({ user_id: userId, kind, query: JSON.stringify(query) })
    .returningAll()
    .executeTakeFirstOrThrow();
  return presentSaved(row);
}

const presentSaved = (row: { id: string; kind: SearchKind; query: Record<string, string>; created_at: Date }): SavedSearch => ({
  id: row.id,
  kind: row.kind,
  query: row.query,
  createdAt: new Date(row.created_at).toISOString(),
});

export async function listSavedSearches(db: Db, actor: Actor): Promise<SavedSearch[]> {
  const userId = signedIn(actor);
  const rows = await db.selectFrom('saved_searches').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
  return rows.map(presentSaved);
}

/** One's own saved search; another's is answered as not found. */
export async function deleteSavedSearch(db: Db, actor: Actor, id: string): Promise<void> {
  const userId = signedIn(actor);
  const deleted = await db.deleteFrom('saved_searches').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0) throw new AppError('not-found', `No saved search with id "${id}"`);
}

interface NewMatch {
  readonly title: string;
  readonly path: string;
}

/**
 * The owner of saved searches as the catalogue sees them when signed in: their memberships and
 * platform role now — or anonymous, as sign-in makes them, when their platform role requires a
 * second factor they have not set up (src/features/accounts/authentication.ts). Reads the
 * organisations feature's `memberships` table, as the activity digest does: there is no session
 * in a job to take them from, and that feature exports memberships only as views for a viewer.
 */
async function ownerActor(db: Db, userId: string, platformRole: PlatformRole | null, secondFactorSince: unknown): Promise<Actor> {
  if (secondFactorRequired(platformRole) && !secondFactorSince) return ANONYMOUS;
  const rows = await db.selectFrom('memberships').select(['organisation_id', 'role']).where('user_id', '=', userId).execute();
  return {
    kind: 'user',
    userId,
    platformRole,
    memberships: rows.map((r) => ({ organisationId: r.organisation_id, role: r.role })),
    via: { kind: 'session' },
  };
}

/** What the saved search finds for its owner that was listed after `since`, newest first (at most 20). */
async function newMatches(db: Db, owner: Actor, kind: SearchKind, query: Record<string, string>, since: Date): Promise<NewMatch[]> {
  const parsed = schemaOf(kind).safeParse({ ...query, sort: 'newest', limit: '20' });
  if (!parsed.success) return [];
  if (kind === 'offerings') {
    const page = await searchOfferings(db, owner, parsed.data as OfferingListQuery);
    return page.data
      .filter((o) => new Date(o.publishedAt ?? o.createdAt) > since)
      .map((o) => ({ title: o.title, path: `/offerings/${o.id}` }));
  }
  const page = await searchNeeds(db, owner, parsed.data as NeedListQuery);
  return page.data.filter((n) => new Date(n.createdAt) > since).map((n) => ({ title: n.title, path: `/needs/${n.id}` }));
}

const languageOf = (lang: string | null): Language => ((LANGUAGES as readonly string[]).includes(lang ?? '') ? (lang as Language) : 'en');

/** A saved search in words: its parameters as `name=value`, for the mail and the list page. */
export const describeQuery = (query: Record<string, string>) =>
  Object.entries(query)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ') || '—';

/** Mails every person their digest of new matches; returns how many mails went out. */
export async function sendDigests(db: Db, config: Pick<Config, 'mailFrom' | 'publicUrl'>): Promise<{ people: number; mails: number }> {
  const rows = await db
    .selectFrom('saved_searches')
    .innerJoin('users', 'users.id', 'saved_searches.user_id')
    .select([
      'saved_searches.id',
      'saved_searches.user_id',
      'saved_searches.kind',
      'saved_searches.query',
      'saved_searches.last_sent_at',
      'users.email',
      'users.preferred_lang',
      'users.platform_role',
      'users.totp_enabled_at',
    ])
    .orderBy('saved_searches.user_id')
    .orderBy('saved_searches.created_at')
    .execute();
  const base = config.publicUrl ?? 'http://localhost:3000';
  const byUser = new Map<string, typeof rows>();
  for (const row of rows) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row]);
  let mails = 0;
  for (const searches of byUser.values()) {
    const person = searches[0]!;
    const lang = languageOf(person.preferred_lang);
    const owner = await ownerActor(db, person.user_id, person.platform_role, person.totp_enabled_at);
    const sections: string[] = [];
    let total = 0;
    for (const search of searches) {
      const found = await newMatches(db, owner, search.kind, search.query, new Date(search.last_sent_at));
      if (found.length === 0) continue;
      total += found.length;
      const heading = t(lang, search.kind === 'offerings' ? 'capacity.alerts.mail.offerings' : 'capacity.alerts.mail.needs', {
        query: describeQuery(search.query),
      });
      sections.push(`${heading}\n${found.map((m) => `- ${m.title}\n  ${new URL(m.path, base).href}`).join('\n')}`);
    }
    if (total === 0) continue;
    await db.transaction().execute(async (tx) => {
      await queueMail(
        { db: tx, config },
        {
          to: person.email,
          lang,
          subject: t(lang, 'capacity.alerts.mail.subject', { count: total }),
          text: `${sections.join('\n\n')}\n\n${t(lang, 'capacity.alerts.mail.manage', { url: new URL('/alerts', base).href })}\n`,
        },
      );
      await tx
        .updateTable('saved_searches')
        .set({ last_sent_at: sql<Date>`now()` })
        .where(
          'id',
          'in',
          searches.map((s) => s.id),
        )
        .execute();
    });
    mails += 1;
  }
  return { people: byUser.size, mails };
}
