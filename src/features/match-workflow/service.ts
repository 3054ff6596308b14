/**
 * Use cases of the match workflow: start a match (a requester shortlists an
 * offering for its need, or a provider proposes its offering), read one or a
 * person's list, take it through its life cycle, comment, rate. Same shape as
 * the clearinghouse's services: the policy decides (through authorise), the
 * change and its event, audit entry and mails commit in one transaction, and
 * a stale version is a 409. A match's transition moves its need's status in the same
 * transaction (need-progress.ts).
 */
import {
  MATCH_STARTS,
  matchTransitionOf,
  matchTransitionsFor,
  nextMatchStatus,
  STARTED_BY,
  type MatchSide,
  type MatchStatus,
  type MatchTransition,
} from '../../core/matching/workflow.js';
import { type Actor, userIdOf } from '../../core/policy/actor.js';
import { can, matchSidesOf, type Resource } from '../../core/policy/policy.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import type { Deps } from '../../http/app-env.js';
import { authorise } from '../../http/authorise.js';
import { recordAudit } from '../audit/index.js';
import { getNeed, getOffering } from '../capacity/index.js';
import { renderMessages, scorePair, matchingReference, type MatchHistory, type PeopleSource } from '../matching/index.js';
import { followNeed } from './need-progress.js';
import { notifyOtherSide } from './notify.js';
import { presentMatch } from './presenters.js';
import * as repo from './repository.js';
import type {
  Match,
  MatchCommentInput,
  MatchList,
  MatchListQuery,
  MatchRatingInput,
  MatchStartInput,
  MatchTransitionInput,
} from './schemas.js';
import type { Language } from '../../shared/localised.js';

export interface WorkflowDeps extends Pick<Deps, 'db' | 'config'> {
  readonly history: MatchHistory;
  /** The people feature's pool, for the people-for-a-need page (app.ts). */
  readonly people?: PeopleSource;
}

export interface Asker {
  readonly actor: Actor;
  readonly requestId?: string | null;
  /** The reader's language, for refusals that quote the engine's explanation. */
  readonly lang?: Language;
}

/** Needs in these statuses take new matches; a fulfilled or closed need does not. */
const NEEDS_TAKING_MATCHES = ['open', 'matched', 'in-delivery'];
/** Most matches a list returns. */
export const LIST_LIMIT = 200;

/** What the policy reads of a match. */
export type PolicyFields = Pick<
  repo.MatchRow,
  'requester_organisation_id' | 'provider_organisation_id' | 'status' | 'requester_rating' | 'provider_rating'
>;

export function resourceOf(row: PolicyFields) {
  return {
    type: 'match',
    requesterOrganisationId: row.requester_organisation_id,
    providerOrganisationId: row.provider_organisation_id,
    status: row.status,
    rated: { requester: row.requester_rating !== null, provider: row.provider_rating !== null },
  } as const satisfies Resource;
}

function notFound(id: string) {
  return new AppError('not-found', `No match with id "${id}"`);
}

async function readableMatch(db: Db, actor: Actor, id: string): Promise<repo.MatchRow> {
  const row = await repo.findMatch(db, id);
  if (row && can(actor, 'read', resourceOf(row))) return row;
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in to see matches');
  throw notFound(id);
}

/** What the actor may do with a match now, in the order a page shows it. */
export function actionsOn(actor: Actor, row: PolicyFields): string[] {
  const resource = resourceOf(row);
  const transitions = matchSidesOf(actor, resource)
    .flatMap((side) => matchTransitionsFor(row.status, side))
    .filter((name, i, all) => all.indexOf(name) === i && can(actor, name, resource));
  return [...transitions, ...(can(actor, 'rate', resource) ? ['rate'] : []), ...(can(actor, 'comment', resource) ? ['comment'] : [])];
}

function stale(row: repo.MatchRow, sent: number): AppError {
  return new AppError(
    'conflict',
    `This match changed (it is ${row.status}, version ${row.version}) since the version ${sent} you acted on; reload it and try again.`,
    [{ field: 'body.version', message: `stale: the current version is ${row.version}` }],
  );
}

/**
 * Starts a match: `shortlist` by the need's organisation, `propose` by the offering's provider.
 * The pair must be within every hard constraint of the engine.
 * @example await startMatch(deps, { actor }, { needId, offeringId, start: 'shortlist' })
 */
export async function startMatch(deps: WorkflowDeps, asker: Asker, input: MatchStartInput): Promise<Match> {
  const { db } = deps;
  const { actor, requestId } = asker;
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in to start a match');
  const [need, offering] = await Promise.all([getNeed(db, actor, input.needId), getOffering(db, actor, input.offeringId)]);
  const status: MatchStatus = MATCH_STARTS[input.start];
  const side: MatchSide = STARTED_BY[input.start];
  authorise(actor, 'create', {
    type: 'match',
    requesterOrganisationId: need.requester.id,
    providerOrganisationId: offering.provider.id,
    status,
  });
  if (!NEEDS_TAKING_MATCHES.includes(need.status))
    throw new AppError('conflict', `This need is ${need.status}; only open, matched or in-delivery needs take matches`);
  const pair = await scorePair(deps, actor, need.id, offering.id);
  if (!pair)
    throw new AppError('conflict', 'Only published offerings can be matched', [{ field: 'body.offeringId', message: 'not published' }]);
  if (pair.exclusion) {
    const { labels } = await matchingReference(db);
    const why = renderMessages(
      asker.lang ?? 'en',
      pair.exclusion.violations.map((v) => v.message),
      labels,
    );
    throw new AppError('conflict', `This offering breaks a hard constraint of the need: ${why}`, [
      { field: 'body.offeringId', message: pair.exclusion.violations.map((v) => v.constraint).join(', ') },
    ]);
  }
  return db.transaction().execute(async (tx) => {
    const id = await repo.insertMatch(tx, {
      need_id: need.id,
      offering_id: offering.id,
      requester_organisation_id: need.requester.id,
      provider_organisation_id: offering.provider.id,
      status,
      started_by: side,
      score: pair.match?.score ?? null,
      created_by: userIdOf(actor),
    });
    if (!id) throw new AppError('conflict', 'This need and offering already have a match under way: open it from your matches');
    await repo.insertEvent(tx, { match_id: id, kind: 'start', to_status: status, side, author_id: userIdOf(actor) });
    const row = (await repo.findMatch(tx, id))!;
    const match = presentMatch(row);
    await recordAudit(tx, { actor, action: `match.${input.start}`, resourceType: 'match', resourceId: id, after: match, requestId });
    if (input.start === 'propose') await notifyOtherSide(deps, tx, row, side, 'propose', null);
    return match;
  });
}

/** One match with its history and what the reader may do now. */
export async function getMatch(deps: Pick<WorkflowDeps, 'db'>, actor: Actor, id: string): Promise<Match> {
  const row = await readableMatch(deps.db, actor, id);
  return presentMatch(row, { events: await repo.eventsOf(deps.db, id), actions: actionsOn(actor, row) });
}

/** The reader's matches (their organisations', either side; every match for coordinators), most recent first. */
export async function listMatches(
  deps: Pick<WorkflowDeps, 'db'>,
  actor: Actor,
  query: MatchListQuery & { needId?: string; offeringId?: string },
): Promise<MatchList> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in to see your matches');
  const options = { ...query, limit: LIST_LIMIT };
  const everything = actor.platformRole !== null && actor.via.kind === 'session';
  const rows = everything
    ? await repo.allMatches(deps.db, options)
    : await repo.matchesOfOrganisations(
        deps.db,
        actor.memberships
          .filter((m) => actor.via.kind === 'session' || m.organisationId === actor.via.organisationId)
          .map((m) => m.organisationId),
        options,
      );
  return { data: rows.filter((row) => can(actor, 'read', resourceOf(row))).map((row) => presentMatch(row)) };
}

/** The side acting: the first of the actor's sides the rule lets act (the policy already said one does). */
function actingSide(actor: Actor, row: repo.MatchRow, allowed: readonly MatchSide[]): MatchSide {
  return matchSidesOf(actor, resourceOf(row)).find((side) => allowed.includes(side)) ?? allowed[0]!;
}

/**
 * Takes a match through its life cycle: a reason to decline or close, the people trained to deliver.
 * @example await transitionMatch(deps, { actor }, id, { transition: 'accept', version: 2 })
 */
export async function transitionMatch(deps: WorkflowDeps, asker: Asker, id: string, input: MatchTransitionInput): Promise<Match> {
  const { db } = deps;
  const { actor, requestId } = asker;
  const row = await readableMatch(db, actor, id);
  const transition = input.transition as MatchTransition;
  const to = nextMatchStatus(row.status, transition);
  if (!to) {
    const possible = actionsOn(actor, row).filter((a) => matchTransitionOf(a));
    throw new AppError(
      'conflict',
      `A ${row.status} match cannot be taken through "${transition}"; you may: ${possible.join(', ') || 'nothing'}`,
    );
  }
  authorise(actor, transition, resourceOf(row));
  const rule = matchTransitionOf(transition)!;
  const missing = [
    ...(rule.reasonRequired && !input.reason ? [{ field: 'body.reason', message: `required to ${transition}` }] : []),
    ...(to === 'delivered' && input.peopleTrained === undefined ? [{ field: 'body.peopleTrained', message: 'required to deliver' }] : []),
    ...(input.needMet && (to !== 'delivered' || !matchSidesOf(actor, resourceOf(row)).includes('requester'))
      ? [{ field: 'body.needMet', message: 'only the requester’s side says, when delivering, that its need is met' }]
      : []),
  ];
  if (missing.length > 0) throw new AppError('validation-failed', `${missing[0]!.field}: ${missing[0]!.message}`, missing);
  if (input.version !== row.version) throw stale(row, input.version);
  const side = actingSide(actor, row, rule.by);
  return db.transaction().execute(async (tx) => {
    const current = await repo.lockMatch(tx, id);
    if (!current) throw notFound(id);
    if (current.version !== input.version) throw stale(current, input.version);
    await repo.updateMatch(tx, id, current.version, {
      status: to,
      status_reason: input.reason ?? null,
      ...(to === 'accepted' ? { accepted_at: new Date() } : {}),
      ...(to === 'delivered' ? { delivered_at: new Date(), people_trained: input.peopleTrained! } : {}),
    });
    await repo.insertEvent(tx, {
      match_id: id,
      kind: 'transition',
      transition,
      from_status: current.status,
      to_status: to,
      side,
      author_id: userIdOf(actor),
      body: input.reason ?? null,
    });
    await followNeed(tx, {
      actor,
      requestId,
      matchId: id,
      needId: current.need_id,
      transition,
      from: current.status,
      to,
      needMet: input.needMet ?? false,
      reason: input.reason ?? null,
    });
    const after = (await repo.findMatch(tx, id))!;
    const match = presentMatch(after);
    await recordAudit(tx, {
      actor,
      action: `match.${transition}`,
      resourceType: 'match',
      resourceId: id,
      before: { status: current.status, version: current.version },
      after: { status: match.status, version: match.version, reason: input.reason ?? null, peopleTrained: match.peopleTrained },
      requestId,
    });
    await notifyOtherSide(deps, tx, after, side, transition, input.reason ?? null);
    return match;
  });
}

/** Adds a comment; the other side is told. */
export async function commentOnMatch(deps: WorkflowDeps, asker: Asker, id: string, input: MatchCommentInput): Promise<Match> {
  const { db } = deps;
  const { actor, requestId } = asker;
  const row = await readableMatch(db, actor, id);
  authorise(actor, 'comment', resourceOf(row));
  const side = matchSidesOf(actor, resourceOf(row))[0]!;
  return db.transaction().execute(async (tx) => {
    await repo.insertEvent(tx, { match_id: id, kind: 'comment', side, author_id: userIdOf(actor), body: input.text });
    await recordAudit(tx, { actor, action: 'match.comment', resourceType: 'match', resourceId: id, requestId });
    await notifyOtherSide(deps, tx, row, side, 'comment', input.text);
    return presentMatch(row, { events: await repo.eventsOf(tx, id), actions: actionsOn(actor, row) });
  });
}

/**
 * Rates a delivered match, once per side: the requester's rating feeds the provider's track record.
 * @example await rateMatch(deps, { actor }, id, { rating: 5, comment: 'Clear and practical' })
 */
export async function rateMatch(deps: WorkflowDeps, asker: Asker, id: string, input: MatchRatingInput): Promise<Match> {
  const { db } = deps;
  const { actor, requestId } = asker;
  const row = await readableMatch(db, actor, id);
  authorise(actor, 'rate', resourceOf(row));
  const sides = matchSidesOf(actor, resourceOf(row));
  const side = sides.find((s) => (s === 'requester' ? row.requester_rating : row.provider_rating) === null)!;
  return db.transaction().execute(async (tx) => {
    const current = await repo.lockMatch(tx, id);
    if (!current) throw notFound(id);
    const already = side === 'requester' ? current.requester_rating : current.provider_rating;
    if (already !== null || current.status !== 'delivered') throw new AppError('conflict', 'This match was rated by your side already');
    await repo.updateMatch(
      tx,
      id,
      current.version,
      side === 'requester'
        ? { requester_rating: input.rating, requester_rating_comment: input.comment ?? null }
        : { provider_rating: input.rating, provider_rating_comment: input.comment ?? null },
    );
    await repo.insertEvent(tx, {
      match_id: id,
      kind: 'rating',
      side,
      author_id: userIdOf(actor),
      rating: input.rating,
      body: input.comment ?? null,
    });
    const after = (await repo.findMatch(tx, id))!;
    await recordAudit(tx, {
      actor,
      action: 'match.rate',
      resourceType: 'match',
      resourceId: id,
      after: { side, rating: input.rating },
      requestId,
    });
    await notifyOtherSide(deps, tx, after, side, 'rate', input.comment ?? null);
    return presentMatch(after);
  });
}
