/**
 * The projects pages in process, as a browser without JavaScript uses them: the list's GET form,
 * facet links and IATI download link, and one project with its roles, team and updates — the
 * people ranked for a role only for those the policy lets find candidates.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { createUser, randomAddress, signInAs, type SignedIn } from '../../../test/support/auth.js';
import { Browser } from '../../../test/support/forms.js';
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
  let orgId: string;

  beforeAll(async () => {
    orgId = (
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
      const refused = await get(`/projects?${query}`);
      expect(refused.status, query).toBe(400);
      const page = await refused.text();
      expect(page, query).toContain(`<a href="#${field}">`);
      expect(page, query).toMatch(new RegExp(`id="${field}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="${field}"`));
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

  it('posts updates and comments from the page, without JavaScript, through the forms stage and the API’s service', async () => {
    const editorUser = await createUser(t.db, { memberships: [{ organisationId: orgId, role: 'editor' }] });
    const browser = new Browser(app());
    await browser.submit('/sign-in', { email: editorUser.email, password: editorUser.password });
    const page = await browser.get(`/projects/${fixture.projectId}`);
    expect(page.html).toContain(`action="/projects/${fixture.projectId}/updates"`);
    expect(page.html).toContain('name="_csrf"');
    // Bad input: 400, the summary names the field, nothing is written.
    const before = await t.db.selectFrom('project_updates').select('id').where('project_id', '=', fixture.projectId).execute();
    const bad = await browser.post(`/projects/${fixture.projectId}/updates`, { date: '2027-02-30', language: 'en', body: '' }, page.html);
    expect(bad.response.status).toBe(400);
    expect(bad.html).toContain('<a href="#update-date">');
    expect(bad.html).toContain('<a href="#update-body">');
    expect(await t.db.selectFrom('project_updates').select('id').where('project_id', '=', fixture.projectId).execute()).toEqual(before);

    const posted = await browser.post(
      `/projects/${fixture.projectId}/updates`,
      { date: '2027-03-01', language: 'fr', body: 'Première école connectée à Niamey.' },
      page.html,
    );
    expect(posted.response.status).toBe(303);
    expect(posted.response.headers.get('location')).toBe(`/projects/${fixture.projectId}?done=update#updates`);
    const after = await browser.get(`/projects/${fixture.projectId}?done=update`);
    expect(after.html).toContain('Your update has been posted.');
    expect(after.html).toContain('<p lang="fr">Première école connectée à Niamey.</p>');
    const updateId = /<li id="update-([0-9a-f-]{36})">(?:(?!<\/li>).)*Première école/s.exec(after.html)![1]!;

    // Someone outside the project comments on it; they may not post updates or edit.
    const outsiderUser = await createUser(t.db);
    const reader = new Browser(app());
    await reader.submit('/sign-in', { email: outsiderUser.email, password: outsiderUser.password });
    const seen = await reader.get(`/projects/${fixture.projectId}`);
    expect(seen.html).not.toContain(`action="/projects/${fixture.projectId}/updates"`);
    expect(seen.html).not.toContain(`/projects/${fixture.projectId}/edit`);
    expect(
      (await reader.post(`/projects/${fixture.projectId}/updates`, { date: '2027-03-02', language: 'en', body: 'Not mine' }, seen.html))
        .response.status,
    ).toBe(403);
    const comment = await reader.post(`/projects/${fixture.projectId}/updates/${updateId}/comments`, { body: 'Bravo !' }, seen.html);
    expect(comment.response.status).toBe(303);
    expect((await reader.get(`/projects/${fixture.projectId}`)).html).toContain('Bravo !');
    const empty = await reader.post(`/projects/${fixture.projectId}/updates/${updateId}/comments`, { body: '   ' }, seen.html);
    expect(empty.response.status).toBe(400);
    expect(empty.html).toContain(`<a href="#comment-${updateId}">`);
    const audit = await t.db.selectFrom('audit_log').select('action').where('resource_id', '=', fixture.projectId).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['project.update-post', 'project.comment']));
  });

  it('edits a project on /projects/{id}/edit with the version read: a stale form is a 409, untouched fields are not rewritten', async () => {
    const editorUser = await createUser(t.db, { memberships: [{ organisationId: orgId, role: 'editor' }] });
    const browser = new Browser(app());
    await browser.submit('/sign-in', { email: editorUser.email, password: editorUser.password });
    const arabic = await browser.get(`/projects/${fixture.projectId}/edit?lang=ar`);
    expect(arabic.response.status).toBe(200);
    expect(arabic.html).toContain('dir="rtl"');
    const form = await browser.get(`/projects/${fixture.projectId}/edit?lang=en`);
    const version = Number(/name="version" value="(\d+)"/.exec(form.html)![1]);
    const valueOf = (name: string) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(form.html)?.[1] ?? '';
    const fields = {
      version: String(version),
      language: 'en',
      title: 'Connecting rural schools in the Sahel',
      description: 'Bring broadband to 300 rural schools and train their teachers in digital pedagogy.',
      status: 'implementation',
      plannedStart: valueOf('plannedStart'),
      plannedEnd: valueOf('plannedEnd'),
      countries: valueOf('countries'),
      sdgs: valueOf('sdgs'),
      topics: valueOf('topics'),
      budgetAmount: valueOf('budgetAmount'),
      budgetCurrency: valueOf('budgetCurrency'),
      visibility: 'public',
    };
    const bad = await browser.post(
      `/projects/${fixture.projectId}/edit`,
      { ...fields, sdgs: '18', budgetAmount: '-5', budgetCurrency: 'USD' },
      form.html,
    );
    expect(bad.response.status).toBe(400);
    expect(bad.html).toContain('<a href="#sdgs">');
    expect(bad.html).toContain('<a href="#budgetAmount">');

    // The form as shown, untouched: nothing is rewritten, no new version.
    const unchanged = await browser.post(`/projects/${fixture.projectId}/edit`, fields, form.html);
    expect(unchanged.response.headers.get('location')).toBe(`/projects/${fixture.projectId}?done=unchanged`);
    expect(
      (await t.db.selectFrom('projects').select('version').where('id', '=', fixture.projectId).executeTakeFirstOrThrow()).version,
    ).toBe(version);

    const saved = await browser.post(
      `/projects/${fixture.projectId}/edit`,
      { ...fields, title: 'Connecting rural schools in the Sahel and beyond', budgetAmount: '250000', budgetCurrency: 'EUR' },
      form.html,
    );
    expect(saved.response.status).toBe(303);
    const project = await t.db
      .selectFrom('projects')
      .select(['title', 'version'])
      .where('id', '=', fixture.projectId)
      .executeTakeFirstOrThrow();
    expect(project).toEqual({ title: 'Connecting rural schools in the Sahel and beyond', version: version + 1 });
    const api = JSON.parse((await browser.get(`/api/v1/projects/${fixture.projectId}`)).html) as { budget: unknown; status: string };
    expect(api).toMatchObject({ budget: { amount: 250000, currency: 'EUR' }, status: 'implementation' });

    // The same form again (its version is now stale): refused with 409, the typed values kept, nothing written.
    const stale = await browser.post(`/projects/${fixture.projectId}/edit`, { ...fields, title: 'A stale title' }, form.html);
    expect(stale.response.status).toBe(409);
    expect(stale.html).toContain('Someone changed this project after you opened this form.');
    expect(stale.html).toContain('value="A stale title"');
    expect(stale.html).toContain(`name="version" value="${version + 1}"`);
    expect(
      (await t.db.selectFrom('projects').select('version').where('id', '=', fixture.projectId).executeTakeFirstOrThrow()).version,
    ).toBe(version + 1);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('resource_id', '=', fixture.projectId)
      .where('action', '=', 'project.update')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
    // Those the policy does not let edit get no form.
    expect((await get(`/projects/${fixture.projectId}/edit`, outsider)).status).toBe(403);
    const anonymous = await get(`/projects/${fixture.projectId}/edit`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/sign-in\?next=/);
  });
});
