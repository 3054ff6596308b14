/**
 * The match workflow's tables: `matches` and `match_events`. Reading a match
 * joins the need's and offering's titles and the two organisations' names
 * (capacity's and organisations' tables) in the same statement, because an
 * inbox lists dozens of matches and one read per match and side would be
 * dozens of round trips; the titles are only shown, never changed here.
 * `recipients` reads members' addresses for notifications (accounts' and
 * organisations' tables) for the same reason: one statement per mail batch.
 */
import { sql } from 'kysely';
import type { MatchSide, MatchStatus } from '../../core/matching/workflow.js';
import type { Db, WriteTx } from '../../db/database.js';

type Reader = Db | WriteTx;

export interface MatchRow {
  id: string;
  version: number;
  status: MatchStatus;
  started_by: MatchSide;
  need_id: string;
  need_title: string;
  need_country: string;
  offering_id: string;
  offering_title: string;
  requester_organisation_id: string;
  requester_name: string;
  provider_organisation_id: string;
  provider_name: string;
  score: number | null;
  status_reason: string | null;
  people_trained: number | null;
  requester_rating: number | null;
  provider_rating: number | null;
  created_at: Date;
  updated_at: Date;
}

export interface EventRow {
  kind: 'start' | 'transition' | 'comment' | 'rating';
  transition: string | null;
  from_status: MatchStatus | null;
  to_status: MatchStatus | null;
  side: MatchSide | null;
  author: string | null;
  body: string | null;
  rating: number | null;
  created_at: Date;
}

function selectMatches(db: Reader) {
  return db
    .selectFrom('matches as m')
    .innerJoin('needs as n', 'n.id', 'm.need_id')
    .innerJoin('offerings as o', 'o.id', 'm.offering_id')
    .innerJoin('organisations as r', 'r.id', 'm.requester_organisation_id')
    .innerJoin('organisations as p', 'p.id', 'm.provider_organisation_id')
    .select([
      'm.id',
      'm.version',
      'm.status',
      'm.started_by',
      'm.need_id',
      'n.title as need_title',
      'n.country_iso3 as need_country',
      'm.offering_id',
      'o.title as offering_title',
      'm.requester_organisation_id',
      'r.name as requester_name',
      'm.provider_organisation_id',
      'p.name as provider_name',
      'm.score',
      'm.status_reason',
      'm.people_trained',
      'm.requester_rating',
      'm.provider_rating',
      'm.created_at',
      'm.updated_at',
    ]);
}

export async function findMatch(db: Reader, id: string): Promise<MatchRow | undefined> {
  return (await selectMatches(db).where('m.id', '=', id).executeTakeFirst()) as MatchRow | undefined;
}

/** Locks the match row for a change (the caller's transaction), then reads it with its titles. */
export async function lockMatch(tx: WriteTx, id: string): Promise<MatchRow | undefined> {
  const locked = await tx.selectFrom('matches').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  return locked ? findMatch(tx, id) : undefined;
}

export interface NewMatch {
  need_id: string;
  offering_id: string;
  requester_organisation_id: string;
  provider_organisation_id: string;
  status: MatchStatus;
  started_by: MatchSide;
  score: number | null;
  created_by: string | null;
}

/**
 * Inserts a match; undefined when a live match of the same need and offering exists (the partial
 * unique index `matches_live_pair`; the id is generated, so no other conflict can arise).
 */
export async function insertMatch(tx: WriteTx, match: NewMatch): Promise<string | undefined> {
  const row = await tx
    .insertInto('matches')
    .values(match)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export interface MatchChange {
  status?: MatchStatus;
  status_reason?: string | null;
  people_trained?: number;
  requester_rating?: number;
  requester_rating_comment?: string | null;
  provider_rating?: number;
  provider_rating_comment?: string | null;
  accepted_at?: Date;
  delivered_at?: Date;
}

/** Applies a change if the match is still at `version`; returns whether it was. */
export async function updateMatch(tx: WriteTx, id: string, version: number, change: MatchChange): Promise<boolean> {
  const result = await tx
    .updateTable('matches')
    .set({ ...change, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface NewEvent {
  match_id: string;
  kind: EventRow['kind'];
  transition?: string | null;
  from_status?: MatchStatus | null;
  to_status?: MatchStatus | null;
  side: MatchSide | null;
  author_id: string | null;
  body?: string | null;
  rating?: number | null;
}

export async function insertEvent(tx: WriteTx, event: NewEvent): Promise<void> {
  await tx.insertInto('match_events').values(event).execute();
}

/** A match's history, oldest first, with each author's display name. */
export async function eventsOf(db: Reader, matchId: string): Promise<EventRow[]> {
  return (await db
    .selectFrom('match_events as e')
    .leftJoin('users as u', 'u.id', 'e.author_id')
    .select([
      'e.kind',
      'e.transition',
      'e.from_status',
      'e.to_status',
      'e.side',
      'u.display_name as author',
      'e.body',
      'e.rating',
      'e.created_at',
    ])
    .where('e.match_id', '=', matchId)
    .orderBy('e.id')
    .execute()) as EventRow[];
}

/**
 * The matches of these organisations, on either side, most recently changed first; a
 * shortlist only for its requester. At most `limit`.
 */
export async function matchesOfOrganisations(
  db: Reader,
  organisationIds: readonly string[],
  options: { status?: MatchStatus; needId?: string; offeringId?: string; limit: number },
): Promise<MatchRow[]> {
  if (organisationIds.length === 0) return [];
  let query = selectMatches(db).where((eb) =>
    eb.or([
      eb('m.requester_organisation_id', 'in', organisationIds),
      eb.and([eb('m.provider_organisation_id', 'in', organisationIds), eb('m.status', '<>', 'shortlisted')]),
    ]),
  );
  if (options.status) query = query.where('m.status', '=', options.status);
  if (options.needId) query = query.where('m.need_id', '=', options.needId);
  if (options.offeringId) query = query.where('m.offering_id', '=', options.offeringId);
  return (await query.orderBy('m.updated_at', 'desc').orderBy('m.id').limit(options.limit).execute()) as MatchRow[];
}

/** Every match (for coordinators and admins), with the same filters. */
export async function allMatches(
  db: Reader,
  options: { status?: MatchStatus; needId?: string; offeringId?: string; limit: number },
): Promise<MatchRow[]> {
  let query = selectMatches(db);
  if (options.status) query = query.where('m.status', '=', options.status);
  if (options.needId) query = query.where('m.need_id', '=', options.needId);
  if (options.offeringId) query = query.where('m.offering_id', '=', options.offeringId);
  return (await query.orderBy('m.updated_at', 'desc').orderBy('m.id').limit(options.limit).execute()) as MatchRow[];
}

export interface Recipient {
  email: string;
  lang: string | null;
}

/** Editors and owners of an organisation with a verified address: who acts on its matches. */
export async function recipients(db: Reader, organisationId: string): Promise<Recipient[]> {
  return db
    .selectFrom('memberships as ms')
    .innerJoin('users as u', 'u.id', 'ms.user_id')
    .select(['u.email', 'u.preferred_lang as lang'])
    .where('ms.organisation_id', '=', organisationId)
    .where('ms.role', 'in', ['owner', 'editor'])
    .where('u.email_verified_at', 'is not', null)
    .orderBy('u.email')
    .execute();
}

/** Completed (delivered) matches and the requesters' ratings per provider organisation. */
export async function trackRecordRows(db: Reader, providerIds: readonly string[]) {
  if (providerIds.length === 0) return [];
  return (
    db
      .selectFrom('matches')
      .select((eb) => [
        'provider_organisation_id as provider',
        eb.fn.countAll<string>().as('completed'),
        eb.fn.count<string>('requester_rating').as('ratings'),
        eb.fn.coalesce(eb.fn.sum<string>('requester_rating'), sql<string>`0`).as('rating_sum'),
      ])
      // One array parameter, not an IN list of up to 500: a statement the server parses and plans in the same time for any count.
      .where(sql<boolean>`provider_organisation_id = any(${[...providerIds]}::uuid[])`)
      .where('status', '=', 'delivered')
      .groupBy('provider_organisation_id')
      .execute()
  );
}

/** People the seat-holding matches of each offering take: the need's people count, or 1 when it gave none. */
export async function seatsTakenRows(db: Reader, offeringIds: readonly string[], holding: readonly MatchStatus[]) {
  if (offeringIds.length === 0) return [];
  return db
    .selectFrom('matches as m')
    .innerJoin('needs as n', 'n.id', 'm.need_id')
    .select((eb) => ['m.offering_id as offering', eb.fn.sum<string>(eb.fn.coalesce('n.people_count', sql<number>`1`)).as('seats')])
    .where(sql<boolean>`m.offering_id = any(${[...offeringIds]}::uuid[])`)
    .where('m.status', 'in', holding)
    .groupBy('m.offering_id')
    .execute();
}

/**
 * The need's status and version, locked for the caller's transaction (the match row is locked
 * first, always in that order). The workflow moves a need's status along with its matches
 * (need-progress.ts) through capacity, which writes the status and keeps the revision.
 */
export async function lockNeedStatus(tx: WriteTx, needId: string) {
  return tx.selectFrom('needs').select(['status', 'version']).where('id', '=', needId).forUpdate().executeTakeFirst();
}

/** Other matches of the need that hold it (accepted or in delivery). */
export async function otherHoldingMatches(tx: WriteTx, needId: string, exceptMatchId: string): Promise<number> {
  const row = await tx
    .selectFrom('matches')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('need_id', '=', needId)
    .where('id', '<>', exceptMatchId)
    .where('status', 'in', ['accepted', 'in-delivery'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
