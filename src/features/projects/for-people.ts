/**
 * What the learning plan and the activity page ask of projects about one person: the roles they
 * could learn for (one role they may read, or the roles of the projects they are on), and what
 * happened lately in the projects that concern them (theirs as team members, and those their
 * organisations lead or partner in) — updates, comments and people joining, newest first.
 */
import type { Actor } from '../../core/policy/actor.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import { readableProject } from './support.js';

export interface RoleToLearnFor {
  readonly projectId: string;
  readonly projectTitle: string;
  readonly roleId: string;
  readonly title: string;
  readonly topics: readonly string[];
  readonly digcomp: readonly { code: string; level: number }[];
  readonly languages: readonly { code: string; level: string }[];
}

/** One role of a project the actor may read; a 404 otherwise. */
export async function roleToLearnFor(db: Db, actor: Actor, roleId: string): Promise<RoleToLearnFor> {
  const role = await db.selectFrom('project_roles').selectAll().where('id', '=', roleId).executeTakeFirst();
  if (!role) throw new AppError('not-found', `No role with id "${roleId}"`);
  const project = await readableProject(db, actor, role.project_id, 'read');
  return {
    projectId: project.id,
    projectTitle: project.title,
    roleId: role.id,
    title: role.title,
    topics: role.topics,
    digcomp: role.digcomp,
    languages: role.languages,
  };
}

/** The roles the person holds in project teams (those with a role of the project). */
export async function rolesOfPerson(db: Db, actor: Actor, userId: string): Promise<RoleToLearnFor[]> {
  const held = await db
    .selectFrom('project_team')
    .select('role_id')
    .where('user_id', '=', userId)
    .where('role_id', 'is not', null)
    .execute();
  const roles = await Promise.all(held.map((h) => roleToLearnFor(db, actor, h.role_id!).catch(() => undefined)));
  return roles.filter((r): r is RoleToLearnFor => r !== undefined);
}

export interface ProjectEvent {
  readonly at: Date;
  readonly kind: 'update' | 'comment' | 'joined';
  readonly projectId: string;
  readonly projectTitle: string;
  /** The update's or comment's text, or the role joined. */
  readonly text: string;
}

/**
 * What happened since `since` in the projects that concern the person, newest first, at most `limit`.
 * Reads the organisations feature's `memberships` in the condition: which projects are the
 * person's organisations' is one query, not one per organisation.
 */
export async function projectEventsFor(db: Db, userId: string, since: Date, limit = 50): Promise<ProjectEvent[]> {
  const mine = db
    .selectFrom('projects')
    .select('projects.id')
    .where((eb) =>
      eb.or([
        eb('projects.id', 'in', eb.selectFrom('project_team').select('project_id').where('user_id', '=', userId)),
        eb('projects.lead_organisation_id', 'in', eb.selectFrom('memberships').select('organisation_id').where('user_id', '=', userId)),
        eb(
          'projects.id',
          'in',
          eb
            .selectFrom('project_partners')
            .select('project_id')
            .where('organisation_id', 'in', eb.selectFrom('memberships').select('organisation_id').where('user_id', '=', userId)),
        ),
      ]),
    );
  const [updates, comments, joins] = await Promise.all([
    db
      .selectFrom('project_updates')
      .select(['project_id', 'body', 'created_at'])
      .where('project_id', 'in', mine)
      .where('created_at', '>=', since)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute(),
    db
      .selectFrom('project_update_comments as c')
      .innerJoin('project_updates as u', 'u.id', 'c.update_id')
      .select(['u.project_id', 'c.body', 'c.created_at'])
      .where('u.project_id', 'in', mine)
      .where('c.created_at', '>=', since)
      .orderBy('c.created_at', 'desc')
      .limit(limit)
      .execute(),
    db
      .selectFrom('project_team')
      .select(['project_id', 'role_title', 'joined_at'])
      .where('project_id', 'in', mine)
      .where('joined_at', '>=', since)
      .orderBy('joined_at', 'desc')
      .limit(limit)
      .execute(),
  ]);
  const events = [
    ...updates.map((u) => ({ at: u.created_at, kind: 'update' as const, projectId: u.project_id, text: u.body })),
    ...comments.map((c) => ({ at: c.created_at, kind: 'comment' as const, projectId: c.project_id, text: c.body })),
    ...joins.map((j) => ({ at: j.joined_at, kind: 'joined' as const, projectId: j.project_id, text: j.role_title })),
  ]
    .toSorted((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, limit);
  const ids = [...new Set(events.map((e) => e.projectId))];
  const rows = ids.length > 0 ? await db.selectFrom('projects').select(['id', 'title']).where('id', 'in', ids).execute() : [];
  const titles = new Map(rows.map((r) => [r.id, r.title]));
  return events.map((e) => ({ ...e, projectTitle: titles.get(e.projectId) ?? '' }));
}
