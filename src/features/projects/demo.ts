/**
 * Generated demo projects, led by the demo organisations, each with roles, a team of demo people
 * and a few updates: `dcp demo generate|remove` and a fresh installation's first start. The
 * projects come from src/core/people/demo.ts (pure, seeded), pass the same checks as a project
 * anyone creates, and carry the demo flag; their descriptions and updates say they are generated.
 */
import { randomUUID } from 'node:crypto';
import { demoPerson, demoProject } from '../../core/people/demo.js';
import type { Db } from '../../db/database.js';
import { lockForTransaction } from '../../db/locks.js';
import { recordAudit, SYSTEM } from '../audit/index.js';
import { demoOrganisations, generateDemoPeople, peopleDemoContext, peopleVocabulary, DEFAULT_PEOPLE_SEED } from '../people/index.js';
import { newActivity } from './activity.js';
import * as repo from './repository.js';
import { ProjectInputSchema, RoleInputSchema } from './schemas.js';
import { insertPlatformProject, topicNames } from './service.js';

/**
 * Adds demo projects 0 … n−1 of the seed's sequence (those present stay), their teams drawn from
 * the first `people` demo people of the same seed that exist.
 * @example await generateDemoProjects(db, { projects: 40, people: 200 })
 */
export async function generateDemoProjects(
  db: Db,
  options: { projects: number; people: number; seed?: number },
): Promise<{ seed: number; projects: number }> {
  const seed = options.seed ?? DEFAULT_PEOPLE_SEED;
  const vocab = await peopleVocabulary(db);
  const context = await peopleDemoContext(db, vocab);
  const organisations = await demoOrganisations(db);
  const facts = await repo.organisationFacts(db, Object.values(organisations));
  let added = 0;
  for (let index = 0; index < options.projects; index += 1) {
    const project = demoProject(seed, index, context, options.people);
    const input = ProjectInputSchema.parse({ leadOrganisationId: organisations[project.lead], ...project.body });
    const lead = facts.get(input.leadOrganisationId)!;
    const roles = project.roles.map((role) => RoleInputSchema.parse(role));
    const team = project.team.map((i) => demoPerson(seed, i, context).id);
    added += await db.transaction().execute(async (tx) => {
      await lockForTransaction(tx, 'projects:demo');
      if (await repo.findProject(tx, project.id)) return 0;
      const activity = newActivity(
        `${lead.ref}-${project.id}`,
        lead,
        {
          ...input,
          partners: [],
          topics: topicNames(vocab, input.topics),
          dates: { plannedStart: null, actualStart: null, plannedEnd: null, actualEnd: null, ...input.dates },
        },
        new Date(),
      );
      await insertPlatformProject(tx, { id: project.id, lead, activity, input, vocab, createdBy: null, demo: true });
      for (const role of roles) {
        await tx
          .insertInto('project_roles')
          .values({
            id: randomUUID(),
            project_id: project.id,
            title: role.title,
            description: role.description,
            topics: role.topics,
            digcomp: JSON.stringify(role.digcomp),
            esco: role.esco,
            languages: JSON.stringify(role.languages),
            time_share: role.timeShare,
            start_date: role.startDate,
            end_date: role.endDate,
            status: role.status,
          })
          .execute();
      }
      const members = (
        await tx
          .selectFrom('profiles')
          .select('user_id')
          .where('user_id', 'in', team.length ? team : ['00000000-0000-0000-0000-000000000000'])
          .where('demo', '=', true)
          .execute()
      ).map((r) => r.user_id);
      for (const [i, userId] of members.entries()) {
        await tx
          .insertInto('project_team')
          .values({ project_id: project.id, user_id: userId, role_id: null, role_title: roles[i % roles.length]?.title ?? 'Member' })
          .execute();
      }
      for (const update of project.updates) {
        await tx
          .insertInto('project_updates')
          .values({
            project_id: project.id,
            author_id: members[0] ?? null,
            on_date: update.date,
            language: update.language,
            body: update.body,
          })
          .execute();
      }
      return 1;
    });
  }
  await recordAudit(db, { actor: SYSTEM, action: 'projects.demo-generate', resourceType: 'projects', after: { added } });
  return { seed, projects: added };
}

/** Takes every demo project out, with its roles, team, updates, links and revisions. */
export async function removeDemoProjects(db: Db): Promise<{ projects: number }> {
  return db.transaction().execute(async (tx) => {
    await lockForTransaction(tx, 'projects:demo');
    await tx
      .deleteFrom('project_revisions')
      .where('project_id', 'in', tx.selectFrom('projects').select('id').where('demo', '=', true))
      .execute();
    const result = await tx.deleteFrom('projects').where('demo', '=', true).executeTakeFirst();
    const projects = Number(result.numDeletedRows);
    await recordAudit(tx, { actor: SYSTEM, action: 'projects.demo-remove', resourceType: 'projects', after: { projects } });
    return { projects };
  });
}

/** What a fresh installation loads so that the finder and the projects list are not empty. */
export const FIRST_START_COLLABORATE = { people: 200, projects: 40 } as const;

const PLANNED = 'first-start-demo-planned';
const FILLED = 'first-start-demo-filled';

/** On the first start (the reference data was just loaded): the demo people and projects are to be filled. */
export async function planCollaborateDemoOnFirstStart(db: Db): Promise<void> {
  await db
    .insertInto('collaborate_markers')
    .values({ name: PLANNED })
    .onConflict((c) => c.column('name').doNothing())
    .execute();
}

/**
 * Fills the planned demo people and projects, once: a start cut short fills the rest next time
 * (generation skips what is present), and nothing is filled again after `dcp demo remove`.
 * @example await fillPlannedCollaborateDemo(db) // { people: 200, projects: 40 } the first time, then undefined
 */
export async function fillPlannedCollaborateDemo(db: Db): Promise<{ people: number; projects: number } | undefined> {
  const markers = new Set((await db.selectFrom('collaborate_markers').select('name').execute()).map((m) => m.name));
  if (!markers.has(PLANNED) || markers.has(FILLED)) return undefined;
  const people = await generateDemoPeople(db, { people: FIRST_START_COLLABORATE.people });
  const projects = await generateDemoProjects(db, { ...FIRST_START_COLLABORATE });
  await db
    .insertInto('collaborate_markers')
    .values({ name: FILLED })
    .onConflict((c) => c.column('name').doNothing())
    .execute();
  return { people: people.people, projects: projects.projects };
}
