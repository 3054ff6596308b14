/**
 * Projects for tests: a builder of the create body with overrides, and projects created through
 * the public service by an editor of the lead organisation (the same checks as a real one).
 *
 *   const id = await seedProject(db, orgId, { title: 'Connecting rural schools', countries: ['NER'] });
 */
import type { Db } from '../../src/db/database.js';
import { createUser } from './auth.js';
import { createProject } from '../../src/features/projects/index.js';
import { ProjectInputSchema } from '../../src/features/projects/schemas.js';

/** A valid create body (without the lead organisation), with overrides. */
export function projectBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    language: 'en',
    title: 'Connecting rural schools in the Sahel',
    description: 'Bring broadband to 300 rural schools and train their teachers in digital pedagogy.',
    countries: ['NER', 'MLI'],
    sdgs: ['4', '9'],
    topics: ['digital-education-edtech'],
    dates: { plannedStart: '2027-01-01', plannedEnd: '2028-12-31' },
    status: 'implementation',
    budget: { amount: 1_200_000, currency: 'USD' },
    ...overrides,
  };
}

/** Creates a project led by `organisationId` as an editor of it (through the service) and returns its id. */
export async function seedProject(db: Db, organisationId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const input = ProjectInputSchema.parse({ leadOrganisationId: organisationId, ...projectBody(overrides) });
  const editor = await createUser(db, { memberships: [{ organisationId, role: 'editor' }] });
  const actor = {
    kind: 'user' as const,
    userId: editor.id,
    platformRole: null,
    memberships: [{ organisationId, role: 'editor' as const }],
    via: { kind: 'session' as const },
  };
  return (await createProject(db, { actor }, input)).id;
}

/** What the access matrix acts on in a project of organisation O: a role, an update and a team member. */
export interface ProjectFixture {
  readonly projectId: string;
  readonly roleId: string;
  readonly updateId: string;
  readonly teamMemberId: string;
}

/** A public project of `organisationId` with one role, one update and `teamMemberId` on its team (parts inserted directly, for speed). */
export async function seedProjectFixture(db: Db, organisationId: string, teamMemberId: string): Promise<ProjectFixture> {
  const projectId = await seedProject(db, organisationId);
  const role = await db
    .insertInto('project_roles')
    .values({
      project_id: projectId,
      title: 'Matrix role',
      topics: ['cybersecurity'],
      time_share: 50,
      digcomp: '[]',
      esco: [],
      languages: '[]',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const update = await db
    .insertInto('project_updates')
    .values({ project_id: projectId, author_id: null, on_date: '2027-01-01', language: 'en', body: 'Matrix update' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('project_team')
    .values({ project_id: projectId, user_id: teamMemberId, role_id: null, role_title: 'Matrix member' })
    .execute();
  return { projectId, roleId: role.id, updateId: update.id, teamMemberId };
}
