/**
 * The need follows its matches: inside the transaction that moves a match, the need's status
 * moves too (accepted → matched, in delivery → in delivery, delivered with the requester's word
 * → fulfilled, an accepted match closed → open again), audited as the need's own transition
 * with the match that caused it, and kept as a revision of the need like any other change. The
 * rule is pure (needStepAfter in src/core/matching/workflow.ts); this module only reads, and
 * capacity's followNeedStatus writes. Not capacity's transitionNeed: that opens its own
 * transaction and asks the policy whether the actor may take the need's transition, and a
 * provider accepting a request speaks for the match, not for the requester's need.
 */
import { needStepAfter, type MatchStatus, type MatchTransition } from '../../core/matching/workflow.js';
import { type Actor, userIdOf } from '../../core/policy/actor.js';
import type { WriteTx } from '../../db/database.js';
import { recordAudit } from '../audit/index.js';
import { followNeedStatus } from '../capacity/index.js';
import * as repo from './repository.js';

export interface NeedFollowing {
  readonly actor: Actor;
  readonly requestId?: string | null | undefined;
  readonly matchId: string;
  readonly needId: string;
  readonly transition: MatchTransition;
  readonly from: MatchStatus;
  readonly to: MatchStatus;
  readonly needMet: boolean;
  readonly reason: string | null;
}

/**
 * Moves the need as its match moved, in the caller's transaction; returns the need's new status, or
 * undefined when it stays.
 */
export async function followNeed(tx: WriteTx, change: NeedFollowing): Promise<string | undefined> {
  const need = await repo.lockNeedStatus(tx, change.needId);
  if (!need) return undefined;
  const otherHolding = change.to === 'closed' ? await repo.otherHoldingMatches(tx, change.needId, change.matchId) : 0;
  const step = needStepAfter(need.status, change.to, { needMet: change.needMet, otherHolding, from: change.from });
  if (!step) return undefined;
  const reason = step.transition === 'unmatch' ? change.reason : null;
  // The row is locked, so the version read is the version written; capacity keeps the need's revision.
  const changedBy = userIdOf(change.actor);
  await followNeedStatus(tx, change.needId, need.version, { status: step.to, statusReason: reason }, changedBy);
  await recordAudit(tx, {
    actor: change.actor,
    action: `need.${step.transition}`,
    resourceType: 'need',
    resourceId: change.needId,
    before: { status: need.status, version: need.version },
    after: { status: step.to, version: need.version + 1, reason, match: { id: change.matchId, transition: change.transition } },
    requestId: change.requestId ?? null,
  });
  return step.to;
}
