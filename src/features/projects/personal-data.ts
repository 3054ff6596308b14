/**
 * Projects' share of a person's data export and account deletion (given to the privacy feature in
 * app.ts): the teams they are on and the updates and comments they wrote. On deletion they leave
 * every team; what they wrote stays with the project, without their name (as the privacy notice
 * says of every record a person authored).
 */
import { z } from '@hono/zod-openapi';
import type { Db, WriteTx } from '../../db/database.js';

export const ProjectDataSchema = z
  .object({
    teams: z.array(z.object({ projectId: z.uuid(), roleTitle: z.string(), joinedAt: z.string() })),
    updates: z.array(z.object({ projectId: z.uuid(), date: z.string(), body: z.string(), createdAt: z.string() })),
    comments: z.array(z.object({ updateId: z.uuid(), body: z.string(), createdAt: z.string() })),
  })
  .openapi('ProjectContributions', { description: 'The project teams you are on, and the updates and comments you wrote' });

export const projectPersonalData = {
  name: 'projects',
  schema: ProjectDataSchema,
  async export(db: Db, userId: string): Promise<z.infer<typeof ProjectDataSchema>> {
    const [teams, updates, comments] = await Promise.all([
      db
        .selectFrom('project_team')
        .select(['project_id', 'role_title', 'joined_at'])
        .where('user_id', '=', userId)
        .orderBy('joined_at')
        .execute(),
      db
        .selectFrom('project_updates')
        .select(['project_id', 'on_date', 'body', 'created_at'])
        .where('author_id', '=', userId)
        .orderBy('created_at')
        .execute(),
      db
        .selectFrom('project_update_comments')
        .select(['update_id', 'body', 'created_at'])
        .where('author_id', '=', userId)
        .orderBy('created_at')
        .execute(),
    ]);
    return {
      teams: teams.map((t) => ({ projectId: t.project_id, roleTitle: t.role_title, joinedAt: t.joined_at.toISOString() })),
      updates: updates.map((u) => ({ projectId: u.project_id, date: u.on_date, body: u.body, createdAt: u.created_at.toISOString() })),
      comments: comments.map((c) => ({ updateId: c.update_id, body: c.body, createdAt: c.created_at.toISOString() })),
    };
  },
  async erase(tx: WriteTx, userId: string): Promise<void> {
    await tx.deleteFrom('project_team').where('user_id', '=', userId).execute();
    await tx.updateTable('project_updates').set({ author_id: null }).where('author_id', '=', userId).execute();
    await tx.updateTable('project_update_comments').set({ author_id: null }).where('author_id', '=', userId).execute();
  },
};
