/**
 * Use cases of one need: post, read, edit, move through its life cycle
 * (matched, in delivery, fulfilled, or closed unmet with a reason). Same shape
 * as offering-service.ts: policy, checks, one transaction, audit.
 */
import { can } from '../../core/policy/policy.js';
import { type Actor, userIdOf } from '../../core/policy/actor.js';
import { NEED_TRANSITIONS, nextStatus, transitionOf, transitionsFrom } from '../../core/capacity/workflow.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import { authorise } from '../../http/authorise.js';
import { recordAudit } from '../audit/index.js';
import { completeNeed, mergeNeed, needFieldsOf, type NeedRow } from './need-record.js';
import * as repo from './need-repository.js';
import { presentNeed } from './need-presenters.js';
import type { Need, NeedInput, NeedPatch, NeedTransitionInput } from './need-schemas.js';
import { changeNeed, checkNeed, insertNeeds } from './need-writes.js';
import { notFound, staleVersion, type Asker } from './service-support.js';
import { organisationName } from './shared-repository.js';
import { vocabulary } from './vocabulary.js';

const resourceOf = (row: Pick<NeedRow, 'requester_organisation_id' | 'status' | 'visibility'>) =>
  ({ type: 'need', ownerOrganisationId: row.requester_organisation_id, status: row.status, visibility: row.visibility }) as const;

async function readableNeed(db: Db, actor: Actor, id: string, intent: 'read' | 'write'): Promise<NeedRow> {
  const row = await repo.findNeed(db, id);
  if (row && can(actor, 'read', resourceOf(row))) return row;
  // Members-only needs are not shown to exist to anonymous readers; asking to change anything needs a sign-in first.
  if (intent === 'write' && actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in to do this');
  throw notFound('need', id);
}

/**
 * A requester posts a need; it is open from the start.
 * @example await createNeed(db, { actor }, { requesterOrganisationId, country: 'NER', language: 'fr', title: '…', … })
 */
export async function createNeed(db: Db, asker: Asker, input: NeedInput): Promise<Need> {
  const { actor, requestId } = asker;
  const { requesterOrganisationId, ...body } = input;
  const fields = completeNeed(body);
  authorise(actor, 'create', { type: 'need', ownerOrganisationId: requesterOrganisationId, status: 'open', visibility: fields.visibility });
  const requesterName = await organisationName(db, requesterOrganisationId);
  if (!requesterName) {
    throw new AppError('validation-failed', `body.requesterOrganisationId: no organisation with id "${requesterOrganisationId}"`, [
      { field: 'body.requesterOrganisationId', message: 'no such organisation' },
    ]);
  }
  const vocab = await vocabulary(db);
  checkNeed(fields, vocab);
  return db.transaction().execute(async (tx) => {
    const [row] = await insertNeeds(
      tx,
      [{ fields, requesterId: requesterOrganisationId, requesterName, status: 'open', createdBy: userIdOf(actor), demo: false }],
      vocab,
    );
    const need = presentNeed(row!);
    await recordAudit(tx, { actor, action: 'need.create', resourceType: 'need', resourceId: need.id, after: need, requestId });
    return need;
  });
}

export async function getNeed(db: Db, actor: Actor, id: string): Promise<Need> {
  return presentNeed(await readableNeed(db, actor, id, 'read'));
}

/** Changes a need's content (its status stays); audited; `patch.version` must be current, else 409 with what changed. */
export async function updateNeed(db: Db, asker: Asker, id: string, patch: NeedPatch): Promise<Need> {
  const { actor, requestId } = asker;
  const row = await readableNeed(db, actor, id, 'write');
  authorise(actor, 'update', resourceOf(row));
  const { version, ...changes } = patch;
  if (version !== row.version) throw await staleVersion(db, 'need', id, version, presentNeed(row));
  const fields = mergeNeed(needFieldsOf(row), changes);
  const vocab = await vocabulary(db);
  checkNeed(fields, vocab);
  return db.transaction().execute(async (tx) => {
    const current = await repo.lockNeed(tx, id);
    if (!current) throw notFound('need', id);
    const after = await changeNeed(tx, current, { fields }, vocab, userIdOf(actor));
    if (!after) throw await staleVersion(db, 'need', id, version, presentNeed(current));
    const need = presentNeed(after);
    await recordAudit(tx, {
      actor,
      action: 'need.update',
      resourceType: 'need',
      resourceId: id,
      before: presentNeed(current),
      after: need,
      requestId,
    });
    return need;
  });
}

/**
 * Moves a need through its life cycle. Closing unmet needs a code of the unmet-reasons list
 * and words; reopening clears them.
 */
export async function transitionNeed(db: Db, asker: Asker, id: string, input: NeedTransitionInput): Promise<Need> {
  const { actor, requestId } = asker;
  const row = await readableNeed(db, actor, id, 'write');
  if (input.version !== undefined && input.version !== row.version)
    throw await staleVersion(db, 'need', id, input.version, presentNeed(row));
  const to = nextStatus(NEED_TRANSITIONS, row.status, input.transition);
  if (!to) {
    const possible = transitionsFrom(NEED_TRANSITIONS, row.status);
    throw new AppError(
      'conflict',
      `A ${row.status} need cannot be taken through "${input.transition}"; possible: ${possible.join(', ') || 'none'}`,
    );
  }
  authorise(actor, input.transition, resourceOf(row));
  const missing = [
    ...(transitionOf(NEED_TRANSITIONS, input.transition)?.reasonRequired && !input.reason
      ? [{ field: 'body.reason', message: `required to ${input.transition}` }]
      : []),
    ...(to === 'closed-unmet' && !input.unmetReason
      ? [{ field: 'body.unmetReason', message: 'required to close unmet: a code of /api/v1/taxonomies/unmet-reasons' }]
      : []),
  ];
  if (missing.length > 0) throw new AppError('validation-failed', `${missing[0]!.field}: ${missing[0]!.message}`, missing);
  const vocab = await vocabulary(db);
  return db.transaction().execute(async (tx) => {
    const current = await repo.lockNeed(tx, id);
    if (!current || current.status !== row.status) throw await staleVersion(db, 'need', id, row.version, presentNeed(current ?? row));
    const after = await changeNeed(
      tx,
      current,
      { status: to, statusReason: input.reason ?? null, unmetReason: to === 'closed-unmet' ? (input.unmetReason ?? null) : null },
      vocab,
      userIdOf(actor),
    );
    if (!after) throw await staleVersion(db, 'need', id, row.version, presentNeed(current));
    const need = presentNeed(after);
    await recordAudit(tx, {
      actor,
      action: `need.${input.transition}`,
      resourceType: 'need',
      resourceId: id,
      before: { status: current.status, version: current.version },
      after: { status: need.status, version: need.version, reason: input.reason ?? null, unmetReason: need.unmetReason },
      requestId,
    });
    return need;
  });
}
