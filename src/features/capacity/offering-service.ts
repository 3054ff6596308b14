/**
 * Use cases of one offering: create, read, edit, move through review. Each
 * takes who asks, asks the policy (src/core/policy), checks the fields
 * (plausibility and vocabulary), writes in one transaction and records the
 * change in the audit log in that same transaction. Routes, pages, the CLI and
 * jobs call these; none of them queries offerings directly.
 */
import { can } from '../../core/policy/policy.js';
import { type Actor, userIdOf } from '../../core/policy/actor.js';
import { nextStatus, OFFERING_TRANSITIONS, transitionOf, transitionsFrom } from '../../core/capacity/workflow.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import { authorise } from '../../http/authorise.js';
import { recordAudit } from '../audit/index.js';
import { completeOffering, mergeOffering, offeringFieldsOf, type OfferingRow } from './offering-record.js';
import * as repo from './offering-repository.js';
import { presentOffering } from './offering-presenters.js';
import type { Offering, OfferingInput, OfferingPatch, OfferingTransitionInput } from './offering-schemas.js';
import { changeOffering, checkOffering, insertOfferings } from './offering-writes.js';
import { notFound, staleVersion, type Asker } from './service-support.js';
import { organisationName } from './shared-repository.js';
import { vocabulary } from './vocabulary.js';

const resourceOf = (row: Pick<OfferingRow, 'provider_organisation_id' | 'status'>) =>
  ({ type: 'offering', ownerOrganisationId: row.provider_organisation_id, status: row.status }) as const;

/**
 * The offering if the actor may read it; a 404 otherwise (drafts are not shown to exist), and
 * a 401 for anonymous visitors who ask to change one.
 */
async function readableOffering(db: Db, actor: Actor, id: string, intent: 'read' | 'write'): Promise<OfferingRow> {
  const row = await repo.findOffering(db, id);
  if (row && can(actor, 'read', resourceOf(row))) return row;
  if (intent === 'write' && actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in to do this');
  throw notFound('offering', id);
}

/**
 * A provider lists an offering; it starts as a draft of their organisation.
 * @example await createOffering(db, { actor }, { providerOrganisationId, kind: 'course', language: 'en', title: '…', … })
 */
export async function createOffering(db: Db, asker: Asker, input: OfferingInput): Promise<Offering> {
  const { actor, requestId } = asker;
  const { providerOrganisationId, ...body } = input;
  authorise(actor, 'create', { type: 'offering', ownerOrganisationId: providerOrganisationId, status: 'draft' });
  const providerName = await organisationName(db, providerOrganisationId);
  if (!providerName) {
    throw new AppError('validation-failed', `body.providerOrganisationId: no organisation with id "${providerOrganisationId}"`, [
      { field: 'body.providerOrganisationId', message: 'no such organisation' },
    ]);
  }
  const fields = completeOffering(body);
  const vocab = await vocabulary(db);
  checkOffering(fields, vocab);
  return db.transaction().execute(async (tx) => {
    const [row] = await insertOfferings(
      tx,
      [{ fields, providerId: providerOrganisationId, providerName, status: 'draft', createdBy: userIdOf(actor), demo: false }],
      vocab,
    );
    const offering = presentOffering(row!);
    await recordAudit(tx, {
      actor,
      action: 'offering.create',
      resourceType: 'offering',
      resourceId: offering.id,
      after: offering,
      requestId,
    });
    return offering;
  });
}

export async function getOffering(db: Db, actor: Actor, id: string): Promise<Offering> {
  return presentOffering(await readableOffering(db, actor, id, 'read'));
}

/**
 * Changes an offering's content; its status stays (a published offering stays published) and the
 * edit is audited. `patch.version` must be the stored version, else 409 with what changed since.
 */
export async function updateOffering(db: Db, asker: Asker, id: string, patch: OfferingPatch): Promise<Offering> {
  const { actor, requestId } = asker;
  const row = await readableOffering(db, actor, id, 'write');
  if (row.status === 'archived' && can(actor, 'reopen', resourceOf(row))) {
    throw new AppError('conflict', 'This offering is archived: reopen it (transition "reopen") before editing it');
  }
  authorise(actor, 'update', resourceOf(row));
  const { version, ...changes } = patch;
  if (version !== row.version) throw await staleVersion(db, 'offering', id, version, presentOffering(row));
  const fields = mergeOffering(offeringFieldsOf(row), changes);
  const vocab = await vocabulary(db);
  checkOffering(fields, vocab);
  return db.transaction().execute(async (tx) => {
    const current = await repo.lockOffering(tx, id);
    if (!current) throw notFound('offering', id);
    const after = await changeOffering(tx, current, { fields, reviewed: true }, vocab, userIdOf(actor));
    if (!after) throw await staleVersion(db, 'offering', id, version, presentOffering(current));
    const offering = presentOffering(after);
    await recordAudit(tx, {
      actor,
      action: 'offering.update',
      resourceType: 'offering',
      resourceId: id,
      before: presentOffering(current),
      after: offering,
      requestId,
    });
    return offering;
  });
}

/**
 * Moves an offering through review (submit, withdraw, publish, return, archive, reopen). A
 * transition that does not apply to the current status is a 409 naming those that do.
 */
export async function transitionOffering(db: Db, asker: Asker, id: string, input: OfferingTransitionInput): Promise<Offering> {
  const { actor, requestId } = asker;
  const row = await readableOffering(db, actor, id, 'write');
  if (input.version !== undefined && input.version !== row.version) {
    throw await staleVersion(db, 'offering', id, input.version, presentOffering(row));
  }
  const to = nextStatus(OFFERING_TRANSITIONS, row.status, input.transition);
  if (!to) {
    const possible = transitionsFrom(OFFERING_TRANSITIONS, row.status);
    throw new AppError(
      'conflict',
      `A ${row.status} offering cannot be taken through "${input.transition}"; possible: ${possible.join(', ')}`,
    );
  }
  authorise(actor, input.transition, resourceOf(row));
  if (transitionOf(OFFERING_TRANSITIONS, input.transition)?.reasonRequired && !input.reason) {
    throw new AppError('validation-failed', `body.reason: give the reason to ${input.transition} an offering`, [
      { field: 'body.reason', message: `required to ${input.transition}` },
    ]);
  }
  const vocab = await vocabulary(db);
  return db.transaction().execute(async (tx) => {
    const current = await repo.lockOffering(tx, id);
    if (!current || current.status !== row.status)
      throw await staleVersion(db, 'offering', id, row.version, presentOffering(current ?? row));
    const after = await changeOffering(
      tx,
      current,
      { status: to, statusReason: input.reason ?? null, reviewed: input.transition === 'publish' },
      vocab,
      userIdOf(actor),
    );
    if (!after) throw await staleVersion(db, 'offering', id, row.version, presentOffering(current));
    const offering = presentOffering(after);
    await recordAudit(tx, {
      actor,
      action: `offering.${input.transition}`,
      resourceType: 'offering',
      resourceId: id,
      before: { status: current.status, version: current.version },
      after: { status: offering.status, version: offering.version, reason: input.reason ?? null },
      requestId,
    });
    return offering;
  });
}

/**
 * The provider's editor confirms the offering is still right: it counts as reviewed now (the stale
 * flag clears; the content and status stay), as a new version, audited. `version` is the one seen.
 */
export async function confirmOfferingReviewed(db: Db, asker: Asker, id: string, version: number): Promise<Offering> {
  const { actor, requestId } = asker;
  const row = await readableOffering(db, actor, id, 'write');
  authorise(actor, 'update', resourceOf(row));
  if (row.status !== 'published')
    throw new AppError('conflict', `Only published offerings are confirmed as reviewed; this one is ${row.status}`);
  if (version !== row.version) throw await staleVersion(db, 'offering', id, version, presentOffering(row));
  const vocab = await vocabulary(db);
  return db.transaction().execute(async (tx) => {
    const current = await repo.lockOffering(tx, id);
    if (!current) throw notFound('offering', id);
    const after = await changeOffering(tx, current, { reviewed: true }, vocab, userIdOf(actor));
    if (!after) throw await staleVersion(db, 'offering', id, version, presentOffering(current));
    const offering = presentOffering(after);
    await recordAudit(tx, {
      actor,
      action: 'offering.review',
      resourceType: 'offering',
      resourceId: id,
      before: { lastReviewedAt: current.last_reviewed_at.toISOString(), version: current.version },
      after: { lastReviewedAt: offering.lastReviewedAt, version: offering.version },
      requestId,
    });
    return offering;
  });
}
