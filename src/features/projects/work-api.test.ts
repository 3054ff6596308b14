import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { body, testApp } from '../../../test/support/app.js';
import { createUser, randomAddress, signInAs, type SignedIn } from '../../../test/support/auth.js';
import { seedOrganisation } from '../../../test/support/capacity.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { seedProfile } from '../../../test/support/people.js';
import { seedProject } from '../../../test/support/projects.js';
import type { CandidatePage } from './schemas.js';
import type { Project, Role, Update } from './index.js';

const PUBLIC = {
  basics: 'public',
  dutyStation: 'public',
  languages: 'public',
  skills: 'public',
  availability: 'public',
  bio: 'public',
  links: 'public',
};

forEachEngine('project roles, team, updates and candidates', (t) => {
  const app = () => testApp(t.db);
  const call = (method: string, path: string, session?: SignedIn, payload?: unknown) =>
    app().request(path, {
      method,
      headers: {
        'X-Forwarded-For': randomAddress(),
        ...session?.headers,
        ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
    });
  let projectId: string;
  let roleId: string;
  let editor: SignedIn;
  let outsider: SignedIn;
  const people: Record<string, { id: string; session: SignedIn }> = {};

  beforeAll(async () => {
    const lead = await seedOrganisation(t.db, `Work lead ${randomUUID().slice(0, 8)}`);
    const pool = await seedOrganisation(t.db, `Experts ${randomUUID().slice(0, 8)}`);
    editor = await signInAs(app(), await createUser(t.db, { memberships: [{ organisationId: lead, role: 'editor' }] }));
    outsider = await signInAs(app(), await createUser(t.db, { memberships: [{ organisationId: pool, role: 'member' }] }));
    projectId = await seedProject(t.db, lead, { countries: ['KEN'], dates: { plannedStart: '2027-01-01', plannedEnd: '2027-12-31' } });
    const add = async (key: string, overrides: Record<string, unknown>) => {
      const user = await createUser(t.db, { memberships: [{ organisationId: pool, role: 'member' }] });
      await seedProfile(t.db, user.id, { name: `Candidate ${key}`, esco: [], expertise: [], ...overrides });
      people[key] = { id: user.id, session: await signInAs(app(), user) };
    };
    await add('A', {
      topics: ['cybersecurity'],
      digcomp: [{ code: '4.2', level: 6 }],
      languages: [{ code: 'fr', level: 'C1' }],
      availability: [{ share: 60, from: '2026-06-01', to: null }],
      dutyStation: { country: 'KEN', city: 'Nairobi' },
      visibility: PUBLIC,
    });
    await add('B', {
      topics: ['digital-literacy'],
      digcomp: [{ code: '4.1', level: 3 }],
      languages: [{ code: 'fr', level: 'A2' }],
      availability: [{ share: 20, from: '2027-01-01', to: '2027-12-31' }],
      dutyStation: { country: 'UGA', city: null },
      visibility: PUBLIC,
    });
    await add('C', {
      topics: ['cybersecurity'],
      digcomp: [{ code: '4.2', level: 8 }],
      languages: [{ code: 'fr', level: 'native' }],
      availability: [{ share: 100, from: '2027-01-01', to: '2027-12-31' }],
      dutyStation: { country: 'KEN', city: null },
      visibility: { ...PUBLIC, skills: 'organisation' },
    });
    await add('D', { topics: ['digital-health'], digcomp: [], languages: [{ code: 'zh', level: 'native' }], visibility: PUBLIC });
    await add('Hidden', { topics: ['cybersecurity'], languages: [{ code: 'fr', level: 'C2' }], visibility: {} });
  });

  it('adds the roles a project needs, with skills checked against the vocabulary', async () => {
    const refused = await call('POST', `/api/v1/projects/${projectId}/roles`, editor, {
      title: 'Analyst',
      timeShare: 50,
      digcomp: [{ code: '9.9', level: 2 }],
    });
    expect(refused.status).toBe(400);
    const response = await call('POST', `/api/v1/projects/${projectId}/roles`, editor, {
      title: 'Incident response adviser',
      topics: ['cybersecurity'],
      digcomp: [{ code: '4.2', level: 5 }],
      languages: [{ code: 'fr', level: 'B2' }],
      timeShare: 50,
    });
    expect(response.status).toBe(201);
    roleId = (await body<Role>(response)).id;
    expect((await call('POST', `/api/v1/projects/${projectId}/roles`, outsider, { title: 'Analyst', timeShare: 50 })).status).toBe(403);
    expect((await body<{ data: Role[] }>(await call('GET', `/api/v1/projects/${projectId}/roles`))).data.map((r) => r.id)).toEqual([
      roleId,
    ]);
  });

  it('ranks the people the asker may see for a role, explaining each component in the reader’s language', async () => {
    const response = await call('GET', `/api/v1/projects/${projectId}/roles/${roleId}/candidates?lang=fr`, editor);
    expect(response.status).toBe(200);
    const page = await body<CandidatePage>(response);
    const names = page.data.map((c) => c.person.name);
    // D shares nothing with the role; the hidden person is not shown to the editor at all.
    expect(names).toEqual(['Candidate A', 'Candidate C', 'Candidate B']);
    expect(page.considered).toBe(3);
    const [a, c, b] = page.data;
    expect(a!.score).toBe(1);
    expect(b!.score).toBeCloseTo(0.378, 3);
    expect(c!.score).toBeCloseTo(0.55, 3);
    expect(c!.explanation.find((e) => e.component === 'skills')).toEqual({
      component: 'skills',
      points: 0,
      text: 'Compétences non montrées',
    });
    const bSkills = b!.explanation.find((e) => e.component === 'skills')!;
    expect(bSkills.text).toMatch(/^Possède 0 des 2 compétences demandées; 1 autre en partie.*manque : Cybersécurité/);
    expect(b!.explanation.find((e) => e.component === 'dutyStation')!.text).toContain('Ouganda');
    expect(page.method).toMatch(/parmi 3 personnes visibles/);
    const english = await body<CandidatePage>(
      await call('GET', `/api/v1/projects/${projectId}/roles/${roleId}/candidates?lang=en`, editor),
    );
    expect(english.data[0]!.explanation.map((e) => e.text)).toEqual([
      'Has 2 of the 2 skills the role asks for',
      'Speaks 1 of the 1 language the role asks for, at the level asked',
      'Offers 60 % of their time; covers 100 % of what the role needs over its period',
      'Works in Kenya, one of the project’s countries',
    ]);
  });

  it('keeps candidates to those who staff the project and coordinators', async () => {
    const path = `/api/v1/projects/${projectId}/roles/${roleId}/candidates`;
    expect((await call('GET', path)).status).toBe(401);
    expect((await call('GET', path, outsider)).status).toBe(403);
    const coordinator = await signInAs(app(), await createUser(t.db, { platformRole: 'coordinator' }));
    expect((await call('GET', path, coordinator)).status).toBe(200);
  });

  it('adds a candidate to the team, fills the role and leaves team members out of the candidates', async () => {
    const refused = await call('POST', `/api/v1/projects/${projectId}/team`, editor, {
      userId: people['Hidden']!.id,
      roleTitle: 'Adviser',
    });
    expect(refused.status).toBe(400);
    const added = await call('POST', `/api/v1/projects/${projectId}/team`, editor, {
      userId: people['A']!.id,
      roleId,
      roleTitle: 'Incident response adviser',
    });
    expect(added.status).toBe(201);
    expect((await call('POST', `/api/v1/projects/${projectId}/team`, editor, { userId: people['A']!.id, roleTitle: 'Again' })).status).toBe(
      409,
    );
    const project = await body<Project>(await call('GET', `/api/v1/projects/${projectId}`));
    expect(project.roles[0]!.status).toBe('filled');
    expect(project.team.members.map((m) => m.person.name)).toEqual(['Candidate A']);
    const page = await body<CandidatePage>(await call('GET', `/api/v1/projects/${projectId}/roles/${roleId}/candidates`, editor));
    expect(page.data.map((c) => c.person.name)).toEqual(['Candidate C', 'Candidate B']);
  });

  it('takes updates from the team, comments from anyone signed in, and shows authors only as their profiles allow', async () => {
    const update = await call('POST', `/api/v1/projects/${projectId}/updates`, people['A']!.session, {
      date: '2027-02-01',
      language: 'en',
      body: 'Kick-off held with the national CERT.',
    });
    expect(update.status).toBe(201);
    const { id: updateId } = await body<Update>(update);
    expect(
      (await call('POST', `/api/v1/projects/${projectId}/updates`, outsider, { date: '2027-02-01', language: 'en', body: 'Hi' })).status,
    ).toBe(403);
    expect(
      (await call('POST', `/api/v1/projects/${projectId}/updates/${updateId}/comments`, outsider, { body: 'Welcome aboard!' })).status,
    ).toBe(201);
    expect(
      (await call('POST', `/api/v1/projects/${projectId}/updates/${updateId}/comments`, undefined, { body: 'Anonymous' })).status,
    ).toBe(401);
    const updates = await body<{ data: Update[] }>(await call('GET', `/api/v1/projects/${projectId}/updates`));
    expect(updates.data).toMatchObject([
      {
        body: 'Kick-off held with the national CERT.',
        author: { name: 'Candidate A' },
        comments: [{ body: 'Welcome aboard!', author: null }],
      },
    ]);
  });

  it('lets a member leave the team themselves, but not remove someone else', async () => {
    await call('POST', `/api/v1/projects/${projectId}/team`, editor, { userId: people['B']!.id, roleTitle: 'Trainer' });
    expect((await call('DELETE', `/api/v1/projects/${projectId}/team/${people['B']!.id}`, people['A']!.session)).status).toBe(403);
    expect((await call('DELETE', `/api/v1/projects/${projectId}/team/${people['B']!.id}`, people['B']!.session)).status).toBe(204);
    const exported = await body<{ projects: { teams: { projectId: string }[]; updates: unknown[] } }>(
      await call('GET', '/api/v1/me/export', people['A']!.session),
    );
    expect(exported.projects.teams.map((team) => team.projectId)).toEqual([projectId]);
    expect(exported.projects.updates).toHaveLength(1);
  });
});
