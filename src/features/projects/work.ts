/**
 * The work around a project: the roles it needs (with skills, languages and time), its team and
 * its dated updates with comments. Roles and team are edits of the project (its lead's editors);
 * updates come from those doing the work; anyone who may read the project may comment. Authors
 * are shown by name only when their profile basics are shown to the reader.
 */
import { type Actor, userIdOf } from '../../core/policy/actor.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import { authorise } from '../../http/authorise.js';
import { recordAudit } from '../audit/index.js';
import { peopleCards, peopleVocabulary, vocabularyProblems } from '../people/index.js';
import { presentRole } from './presenters.js';
import * as repo from './repository.js';
import type { CommentInput, Role, RoleInput, TeamInput, Update, UpdateInput } from './schemas.js';
import { invalid, readableProject, resourceOf, type Asker } from './support.js';

async function checkRole(db: Db, input: RoleInput): Promise<void> {
  const problems = vocabularyProblems(await peopleVocabulary(db), input, { competencesOnly: false });
  if (problems.length > 0) throw invalid(problems);
}

const roleColumns = (input: RoleInput) => ({
  title: input.title,
  description: input.description,
  topics: input.topics,
  digcomp: JSON.stringify(input.digcomp),
  esco: input.esco,
  languages: JSON.stringify(input.languages),
  time_share: input.timeShare,
  start_date: input.startDate,
  end_date: input.endDate,
  status: input.status,
});

export async function listRoles(db: Db, actor: Actor, projectId: string): Promise<Role[]> {
  await readableProject(db, actor, projectId, 'read');
  return (await repo.rolesOf(db, projectId)).map(presentRole);
}

export async function addRole(db: Db, asker: Asker, projectId: string, input: RoleInput): Promise<Role> {
  const row = await readableProject(db, asker.actor, projectId, 'write');
  authorise(asker.actor, 'update', await resourceOf(db, row));
  await checkRole(db, input);
  return db.transaction().execute(async (tx) => {
    const role = await tx
      .insertInto('project_roles')
      .values({ project_id: projectId, ...roleColumns(input) })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      ...asker,
      action: 'project.role-add',
      resourceType: 'project',
      resourceId: projectId,
      after: presentRole(role),
    });
    return presentRole(role);
  });
}

export async function replaceRole(db: Db, asker: Asker, projectId: string, roleId: string, input: RoleInput): Promise<Role> {
  const row = await readableProject(db, asker.actor, projectId, 'write');
  authorise(asker.actor, 'update', await resourceOf(db, row));
  const before = await repo.findRole(db, projectId, roleId);
  if (!before) throw new AppError('not-found', `No role with id "${roleId}" in this project`);
  await checkRole(db, input);
  return db.transaction().execute(async (tx) => {
    const role = await tx
      .updateTable('project_roles')
      .set(roleColumns(input))
      .where('id', '=', roleId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      ...asker,
      action: 'project.role-update',
      resourceType: 'project',
      resourceId: projectId,
      before: presentRole(before),
      after: presentRole(role),
    });
    return presentRole(role);
  });
}

/**
 * Adds a person to the team. Only someone whose profile basics the editor may see can be added:
 * the team is not a way to find out who is on the platform.
 */
export async function addTeamMember(db: Db, asker: Asker, projectId: string, input: TeamInput) {
  const row = await readableProject(db, asker.actor, projectId, 'write');
  authorise(asker.actor, 'update', await resourceOf(db, row));
  const card = (await peopleCards(db, asker.actor, [input.userId])).get(input.userId);
  if (!card) throw invalid([{ path: ['userId'], message: `no person with id "${input.userId}" whose profile you may see` }]);
  if (input.roleId && !(await repo.findRole(db, projectId, input.roleId)))
    throw invalid([{ path: ['roleId'], message: 'is not a role of this project' }]);
  return db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('project_team')
      .values({ project_id: projectId, user_id: input.userId, role_id: input.roleId, role_title: input.roleTitle })
      .onConflict((oc) => oc.columns(['project_id', 'user_id']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!inserted) throw new AppError('conflict', 'This person is in the team already');
    if (input.roleId) await tx.updateTable('project_roles').set({ status: 'filled' }).where('id', '=', input.roleId).execute();
    await recordAudit(tx, {
      ...asker,
      action: 'project.team-add',
      resourceType: 'project',
      resourceId: projectId,
      subjectId: input.userId,
      after: { roleId: input.roleId, roleTitle: input.roleTitle },
    });
    return { person: card, roleId: inserted.role_id, roleTitle: inserted.role_title, joinedAt: inserted.joined_at.toISOString() };
  });
}

/** Takes a person off the team: the lead's editors, or the person themselves (leaving). */
export async function removeTeamMember(db: Db, asker: Asker, projectId: string, userId: string): Promise<void> {
  const { actor } = asker;
  const row = await readableProject(db, actor, projectId, 'write');
  const resource = await resourceOf(db, row);
  authorise(actor, actor.kind === 'user' && actor.userId === userId ? 'leave' : 'update', resource);
  await db.transaction().execute(async (tx) => {
    const deleted = await tx
      .deleteFrom('project_team')
      .where('project_id', '=', projectId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) throw new AppError('not-found', 'This person is not in the team');
    await recordAudit(tx, { ...asker, action: 'project.team-remove', resourceType: 'project', resourceId: projectId, subjectId: userId });
  });
}

/** The updates of a project, newest first, with their comments. */
export async function listUpdates(db: Db, actor: Actor, projectId: string): Promise<Update[]> {
  await readableProject(db, actor, projectId, 'read');
  const updates = await db
    .selectFrom('project_updates')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('on_date', 'desc')
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
  const comments =
    updates.length === 0
      ? []
      : await db
          .selectFrom('project_update_comments')
          .selectAll()
          .where(
            'update_id',
            'in',
            updates.map((u) => u.id),
          )
          .orderBy('created_at')
          .execute();
  const authors = [...new Set([...updates, ...comments].flatMap((r) => (r.author_id ? [r.author_id] : [])))];
  const cards = await peopleCards(db, actor, authors);
  const author = (id: string | null) => {
    const card = id ? cards.get(id) : undefined;
    return card ? { id: card.id, name: card.name } : null;
  };
  return updates.map((u) => ({
    id: u.id,
    date: u.on_date,
    language: u.language,
    body: u.body,
    author: author(u.author_id),
    createdAt: u.created_at.toISOString(),
    comments: comments
      .filter((c) => c.update_id === u.id)
      .map((c) => ({ id: c.id, body: c.body, author: author(c.author_id), createdAt: c.created_at.toISOString() })),
  }));
}

export async function postUpdate(db: Db, asker: Asker, projectId: string, input: UpdateInput): Promise<Update> {
  const { actor } = asker;
  const row = await readableProject(db, actor, projectId, 'write');
  authorise(actor, 'post-update', await resourceOf(db, row));
  const update = await db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('project_updates')
      .values({
        project_id: projectId,
        author_id: userIdOf(actor),
        on_date: input.date,
        language: input.language,
        body: input.body,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      ...asker,
      action: 'project.update-post',
      resourceType: 'project',
      resourceId: projectId,
      after: { updateId: inserted.id },
    });
    return inserted;
  });
  return (await listUpdates(db, actor, projectId)).find((u) => u.id === update.id)!;
}

export async function postComment(db: Db, asker: Asker, projectId: string, updateId: string, input: CommentInput): Promise<Update> {
  const { actor } = asker;
  const row = await readableProject(db, actor, projectId, 'write');
  authorise(actor, 'comment', await resourceOf(db, row, false));
  const update = await db
    .selectFrom('project_updates')
    .select('id')
    .where('id', '=', updateId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  if (!update) throw new AppError('not-found', `No update with id "${updateId}" in this project`);
  await db.transaction().execute(async (tx) => {
    const comment = await tx
      .insertInto('project_update_comments')
      .values({ update_id: updateId, author_id: userIdOf(actor), body: input.body })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      ...asker,
      action: 'project.comment',
      resourceType: 'project',
      resourceId: projectId,
      after: { updateId, commentId: comment.id },
    });
  });
  return (await listUpdates(db, actor, projectId)).find((u) => u.id === updateId)!;
}
