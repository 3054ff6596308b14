/**
 * What the project use cases share: who asks, the policy's resource of a project (with its
 * partners and team), the 404 that hides projects a person may not read, validation errors from
 * problems, the 409 for a stale version, and the clearinghouse records a project may link to.
 */
import { isDeepStrictEqual } from 'node:util';
import { AppError } from '../../http/app-error.js';
import type { Actor } from '../../core/policy/actor.js';
import { can } from '../../core/policy/policy.js';
import type { Db, WriteTx } from '../../db/database.js';
import { getNeed, getOffering } from '../capacity/index.js';
import type { ProjectRow } from './record.js';
import * as repo from './repository.js';

export interface Asker {
  readonly actor: Actor;
  readonly requestId?: string | null;
}

export type ProjectResource = {
  readonly type: 'project';
  readonly ownerOrganisationId: string;
  readonly partnerOrganisationIds: readonly string[];
  readonly teamUserIds: readonly string[];
  readonly visibility: 'public' | 'members';
};

/** The project as the policy sees it; partners and team are read only when `full`. */
export async function resourceOf(db: Db | WriteTx, row: ProjectRow, full = true): Promise<ProjectResource> {
  const [partners, team] = full
    ? await Promise.all([repo.partnersOf(db, [row.id]), repo.teamOf(db, row.id)])
    : [new Map<string, repo.PartnerRow[]>(), []];
  return {
    type: 'project',
    ownerOrganisationId: row.lead_organisation_id,
    partnerOrganisationIds: (partners.get(row.id) ?? []).map((p) => p.id),
    teamUserIds: team.map((m) => m.user_id),
    visibility: row.visibility,
  };
}

export function notFound(id: string): AppError {
  return new AppError('not-found', `No project with id "${id}"`);
}

/** The project if the actor may read it; a 404 otherwise, and a 401 for anonymous visitors who ask to change it. */
export async function readableProject(db: Db, actor: Actor, id: string, intent: 'read' | 'write'): Promise<ProjectRow> {
  const row = await repo.findProject(db, id);
  if (row && can(actor, 'read', await resourceOf(db, row, false))) return row;
  if (intent === 'write' && actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in to do this');
  throw notFound(id);
}

export interface PathProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

export function invalid(problems: readonly PathProblem[], prefix = 'body'): AppError {
  const fields = problems.map((p) => ({ field: [prefix, ...p.path.map(String)].join('.'), message: p.message }));
  return new AppError('validation-failed', `${fields[0]!.field}: ${fields[0]!.message}`, fields);
}

/** Fields that differ between two presented versions, with the newer value (jsonb keeps keys in its own order, so not by text). */
function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const bookkeeping = new Set(['version', 'updatedAt']);
  return Object.keys(after)
    .filter((field) => !bookkeeping.has(field) && !isDeepStrictEqual(before[field], after[field]))
    .map((field) => ({ field, current: after[field] }));
}

/** The 409 for an edit of `sentVersion` when `current` is stored: what changed since, from the revisions kept. */
export async function staleVersion(db: Db, id: string, sentVersion: number, current: { version: number } & Record<string, unknown>) {
  const before = sentVersion < current.version ? await repo.findRevision(db, id, sentVersion) : undefined;
  const changes = before ? changedFields(before, current) : [];
  return new AppError(
    'conflict',
    `This project was saved as version ${current.version} after the version ${sentVersion} you edited` +
      `${changes.length > 0 ? `; changed since: ${changes.map((c) => c.field).join(', ')}` : ''}. Apply your change to the current values and send the current version.`,
    [{ field: 'body.version', message: `stale: the current version is ${current.version}` }],
    {},
    { currentVersion: current.version, changes },
  );
}

/**
 * Problems with linking these needs and offerings: each must exist and be readable by the actor
 * (asked of the clearinghouse, which hides what the actor may not see).
 */
export async function linkProblems(
  db: Db,
  actor: Actor,
  links: { needs?: readonly string[]; offerings?: readonly string[] },
): Promise<PathProblem[]> {
  const problems: PathProblem[] = [];
  const check = async (ids: readonly string[] | undefined, field: string, read: (id: string) => Promise<unknown>, what: string) => {
    for (const [i, id] of (ids ?? []).entries()) {
      try {
        await read(id);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'not-found') throw error;
        problems.push({ path: [field, i], message: `no ${what} with id "${id}" that you may see` });
      }
    }
  };
  await check(links.needs, 'relatedNeeds', (id) => getNeed(db, actor, id), 'need');
  await check(links.offerings, 'relatedOfferings', (id) => getOffering(db, actor, id), 'offering');
  return problems;
}

/** The titles of the linked needs and offerings the actor may see, and how many they may not. */
export async function relatedOf(db: Db, actor: Actor, links: readonly { kind: 'need' | 'offering'; target_id: string }[]) {
  const needs: { id: string; title: string }[] = [];
  const offerings: { id: string; title: string }[] = [];
  let notShown = 0;
  for (const link of links) {
    try {
      const record = link.kind === 'need' ? await getNeed(db, actor, link.target_id) : await getOffering(db, actor, link.target_id);
      (link.kind === 'need' ? needs : offerings).push({ id: record.id, title: record.title });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'not-found') throw error;
      notShown += 1;
    }
  }
  return { needs, offerings, notShown };
}

/** What the actor may do on a project they may read, for the page to show its links and forms. */
export async function projectAbilities(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ findCandidates: boolean; postUpdate: boolean; comment: boolean; update: boolean }> {
  const row = await readableProject(db, actor, id, 'read');
  const resource = await resourceOf(db, row);
  return {
    findCandidates: can(actor, 'find-candidates', resource),
    postUpdate: can(actor, 'post-update', resource),
    // As postComment asks it: of the project without its team (commenting is not the team's alone).
    comment: can(actor, 'comment', await resourceOf(db, row, false)),
    update: can(actor, 'update', resource),
  };
}
