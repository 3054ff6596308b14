/**
 * The projects pages in process, as a browser without JavaScript uses them: the list's GET form,
 * facet links and IATI download link, and one project with its roles, team and updates — the
 * people ranked for a role only for those the policy lets find candidates.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { createUser, randomAddress, signInAs, type SignedIn } from '../../../test/support/auth.js';
import { testApp } from '../../../test/support/app.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { seedProfile } from '../../../test/support/people.js';
import { seedProject, seedProjectFixture, type ProjectFixture } from '../../../test/support/projects.js';

forEachEngine('projects pages', (t) => {
  const app = () => testApp(t.db);
  const get = (path: string, session?: SignedIn) =>
    app().request(path, { headers: { 'X-Forwarded-For': randomAddress(), ...session?.headers } });
  let fixture: ProjectFixture;
  let editor: SignedIn;
  let outsider: SignedIn;
  let hiddenProject: string;
  let candidateName: string;

  beforeAll(async () => {
    const orgId = (
      await t.db
        .insertInto('organisations')
        .values({ name: `Lead ${randomUUID()}`, kind: 'un-entity' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const member = await createUser(t.db, { memberships: [{ organisationId: orgId, role: 'member' }] });
    await seedProfile(t.db, member.id, { name: 'Team Member', visibility: { basics: 'public' } });
    fixture = await seedProjectFixture(t.db, orgId, member.id);
    hiddenProject = await seedProject(t.db, orgId, { title: 'Members only', visibility: 'members' });
    // Someone the role's topic fits, whom an editor may see.
    const candidate = await createUser(t.db);
    candidateName = `Candidate ${randomUUID().slice(0, 6)}`;
    await seedProfile(t.db, candidate.id, {
      name: candidateName,
      topics: ['cybersecurity'],
      visibility: { basics: 'public', skills: 'public', languages: 'public', availability: 'public', dutyStation: 'public' },
    });
    editor = await signInAs(app(), await createUser(t.db, { memberships: [{ organisationId: orgId, role: 'editor' }] }));
    outsider = await signInAs(app(), await createUser(t.db));
  });

  it('lists projects through the GET form, with facet links and the IATI download of the filtered set', async () => {
    const response = await get('/projects?status=implementation&countries=NER');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`href="/projects/${fixture.projectId}"`);
    expect(html).toContain('href="/api/v1/projects?countries=NER&amp;status=implementation&amp;format=iati"');
    expect(html).toMatch(/aria-current="true">Implementation \(remove this filter\)<\/a>/);
    expect(html).not.toContain('Members only');
    const bad = await get('/projects?countries=ZZZZ&lang=es');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Hay un problema');
    for (const [query, field] of [
      ['sdgs=18', 'sdgs'],
      ['status=finished', 'status'],
      ['topics=nope', 'topics'],
      ['countries=ZZZ', 'countries'],
    ]) {
      const response = await get(`/projects?${query}`);
      expect(response.status, query).toBe(400);
      const html = await response.text();
      expect(html, query).toContain(`<a href="#${field}">`);
      expect(html, query).toMatch(new RegExp(`id="${field}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="${field}"`));
      expect((await get(`/api/v1/projects?${query}`)).status, query).toBe(400);
    }
  });

  it('shows a project with its roles, team, updates and IATI link; members-only projects to members only', async () => {
    const html = await (await get(`/projects/${fixture.projectId}?lang=fr`)).text();
    expect(html).toContain('<h1>Connecting rural schools in the Sahel</h1>');
    expect(html).toContain('Matrix role');
    expect(html).toContain('Team Member');
    expect(html).toContain(`href="/api/v1/projects/${fixture.projectId}?format=iati"`);
    expect(html).toContain('Rôles recherchés');
    expect((await get(`/projects/${hiddenProject}`)).status).toBe(404);
    expect((await get(`/projects/${hiddenProject}`, outsider)).status).toBe(200);
  });

  it('ranks people for a role, with reasons, only for those allowed to find candidates', async () => {
    const path = `/projects/${fixture.projectId}?role=${fixture.roleId}`;
    const forEditor = await (await get(path, editor)).text();
    expect(forEditor).toContain(`href="/projects/${fixture.projectId}?role=${fixture.roleId}#candidates"`);
    expect(forEditor).toContain('People for “Matrix role”');
    expect(forEditor).toContain(candidateName);
    expect(forEditor).toMatch(/Has 1 of the 1 skill the role asks for/);
    const forOutsider = await (await get(path, outsider)).text();
    expect(forOutsider).not.toContain('id="candidates"');
    expect(forOutsider).not.toContain('#candidates');
    expect(forOutsider).not.toContain(candidateName);
  });
});
