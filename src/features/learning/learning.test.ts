/**
 * The learning plan end to end, as a person without JavaScript uses /me/learning: the gaps for a
 * role of a real project against their profile, offerings of the clearinghouse that close them
 * (in a language they speak and, where internet use is below half, low bandwidth only), saving
 * one, and completing it — which raises the competence in their profile and the expert finder.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { testApp } from '../../../test/support/app.js';
import { createUser } from '../../../test/support/auth.js';
import { seedOffering, seedOrganisation } from '../../../test/support/capacity.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { Browser } from '../../../test/support/forms.js';
import { seedProfile } from '../../../test/support/people.js';
import { seedProject } from '../../../test/support/projects.js';
import type { OwnProfile } from '../people/index.js';

forEachEngine('learning plan', (t) => {
  const app = () => testApp(t.db);
  let roleId: string;
  let lowBandwidthCourse: string;
  let streamingCourse: string;
  let englishCourse: string;

  beforeAll(async () => {
    const org = await seedOrganisation(t.db);
    const projectId = await seedProject(t.db, org, { visibility: 'public' });
    roleId = (
      await t.db
        .insertInto('project_roles')
        .values({
          project_id: projectId,
          title: 'Data protection officer',
          topics: ['cybersecurity'],
          time_share: 30,
          digcomp: JSON.stringify([{ code: '4.2', level: 5 }]),
          esco: [],
          languages: JSON.stringify([{ code: 'fr', level: 'C1' }]),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const provider = await seedOrganisation(t.db);
    const course = (title: string, overrides: Record<string, unknown>) =>
      seedOffering(t.db, provider, { status: 'published', title, digcomp: ['4.2'], topics: ['cybersecurity'], ...overrides });
    lowBandwidthCourse = await course(`Protection des données hors ligne ${randomUUID().slice(0, 6)}`, {
      languages: ['fr'],
      bandwidth: 'low',
    });
    streamingCourse = await course(`Protection des données en direct ${randomUUID().slice(0, 6)}`, {
      languages: ['fr'],
      bandwidth: 'high',
    });
    englishCourse = await course(`Data protection in English ${randomUUID().slice(0, 6)}`, { languages: ['en'], bandwidth: 'low' });
  });

  it('shows the gaps for a role and offerings that close them, then saves one and raises the skill when completed', async () => {
    const user = await createUser(t.db);
    // Niger: internet use well below half (World Bank / ITU), so low bandwidth only; French spoken, not English.
    await seedProfile(t.db, user.id, {
      dutyStation: { country: 'NER', city: 'Niamey' },
      languages: [{ code: 'fr', level: 'B2' }],
      topics: ['cybersecurity'],
      digcomp: [{ code: '4.2', level: 2 }],
    });
    const browser = new Browser(app());
    await browser.submit('/sign-in', { email: user.email, password: user.password });
    const page = await browser.get(`/me/learning?role=${roleId}`);
    expect(page.response.status).toBe(200);
    const html = page.html;
    expect(html).toContain('For the role “Data protection officer”');
    expect(html).toContain('4.2 Protecting personal data and privacy: level 5 asked, you have 2');
    expect(html).toContain('French: C1 advanced asked, you have B2 upper intermediate');
    // The catalogue has no language courses: the gap is said plainly, not left without a word.
    expect(html).toContain('No offering in the catalogue teaches French yet.');
    expect(html).not.toContain('Cybersecurity: not in your profile');
    expect(html).toContain('only offerings that work offline or on a low-bandwidth connection');
    expect(html).toContain(`value="${lowBandwidthCourse}"`);
    expect(html).not.toContain(`value="${streamingCourse}"`);
    expect(html).not.toContain(`value="${englishCourse}"`);

    const added = await browser.post(
      '/me/learning/items',
      { offeringId: lowBandwidthCourse, skillKind: 'digcomp', skillCode: '4.2', targetLevel: '5', roleId },
      html,
    );
    expect(added.response.status).toBe(303);
    const plan = await browser.get('/me/learning?done=added');
    expect(plan.html).toContain('Added to your plan.');
    const itemId = /action="\/me\/learning\/items\/([0-9a-f-]{36})"/.exec(plan.html)![1]!;
    // A tampered form changes nothing.
    expect((await browser.post(`/me/learning/items/${itemId}`, { status: 'finished' }, plan.html)).response.status).toBe(400);
    expect((await browser.post(`/me/learning/items/${randomUUID()}`, { status: 'completed' }, plan.html)).response.status).toBe(404);

    const done = await browser.post(`/me/learning/items/${itemId}`, { status: 'completed' }, plan.html);
    expect(done.response.headers.get('location')).toBe('/me/learning?done=raised#plan');
    const profile = JSON.parse((await browser.get('/api/v1/me/profile')).html) as OwnProfile;
    expect(profile.skills.digcomp).toEqual([{ code: '4.2', level: 5 }]);
    const after = await browser.get(`/me/learning?role=${roleId}`);
    expect(after.html).not.toContain('level 5 asked');
    expect(after.html).toMatch(/<option value="completed" selected(="")?>Completed<\/option>/);
    // The plan is part of the person's data export.
    const exported = JSON.parse((await browser.get('/api/v1/me/export')).html) as { learningPlan: { status: string }[] };
    expect(exported.learningPlan.map((i) => i.status)).toEqual(['completed']);
  });

  it('completing an item for a DigComp area raises the competences the offering taught in it, audited', async () => {
    const user = await createUser(t.db);
    await seedProfile(t.db, user.id, { languages: [{ code: 'en', level: 'C1' }], digcomp: [{ code: '4.1', level: 2 }] });
    const browser = new Browser(app());
    await browser.submit('/sign-in', { email: user.email, password: user.password });
    // A page with a form, for its CSRF token (the learning page has none before the first item).
    const page = await browser.get('/me/profile');
    // An area-level gap (role asks for area 4 at level 6): the English course teaches 4.2, in area 4.
    const add = await browser.post(
      '/me/learning/items',
      { offeringId: englishCourse, skillKind: 'digcomp', skillCode: '4', targetLevel: '6' },
      page.html,
    );
    expect(add.response.status).toBe(303);
    const plan = await browser.get('/me/learning');
    const itemId = /action="\/me\/learning\/items\/([0-9a-f-]{36})"/.exec(plan.html)![1]!;
    const done = await browser.post(`/me/learning/items/${itemId}`, { status: 'completed' }, plan.html);
    expect(done.response.headers.get('location')).toBe('/me/learning?done=raised#plan');
    const profile = JSON.parse((await browser.get('/api/v1/me/profile')).html) as OwnProfile;
    expect(profile.skills.digcomp).toEqual(
      expect.arrayContaining([
        { code: '4.1', level: 2 },
        { code: '4.2', level: 6 },
      ]),
    );
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('subject_id', '=', user.id)
      .where('action', 'in', ['learning.plan-status', 'learning.skill-raise', 'profile.update'])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['learning.plan-status', 'profile.update', 'learning.skill-raise']);
    expect(audit[2]!.after).toMatchObject({ digcomp: ['4.2'], level: 6 });
    // Completing it again raises nothing more (never lowers, never repeats).
    const again = await browser.post(`/me/learning/items/${itemId}`, { status: 'completed' }, plan.html);
    expect(again.response.headers.get('location')).toBe('/me/learning?done=saved#plan');
  });

  it('for an area the offering does not teach in, raises the person’s best competence of that area', async () => {
    const user = await createUser(t.db);
    await seedProfile(t.db, user.id, {
      digcomp: [
        { code: '1.1', level: 3 },
        { code: '1.2', level: 4 },
      ],
    });
    const browser = new Browser(app());
    await browser.submit('/sign-in', { email: user.email, password: user.password });
    // A page with a form, for its CSRF token (the learning page has none before the first item).
    const page = await browser.get('/me/profile');
    await browser.post(
      '/me/learning/items',
      { offeringId: englishCourse, skillKind: 'digcomp', skillCode: '1', targetLevel: '5' },
      page.html,
    );
    const plan = await browser.get('/me/learning');
    const itemId = /action="\/me\/learning\/items\/([0-9a-f-]{36})"/.exec(plan.html)![1]!;
    await browser.post(`/me/learning/items/${itemId}`, { status: 'completed' }, plan.html);
    const profile = JSON.parse((await browser.get('/api/v1/me/profile')).html) as OwnProfile;
    expect(profile.skills.digcomp).toEqual(
      expect.arrayContaining([
        { code: '1.1', level: 3 },
        { code: '1.2', level: 5 },
      ]),
    );
  });

  it('sends a visitor to sign in, and answers 404 for a role they may not read', async () => {
    const anonymous = await app().request('/me/learning');
    expect(anonymous.headers.get('location')).toBe('/sign-in?next=%2Fme%2Flearning');
    const user = await createUser(t.db);
    const browser = new Browser(app());
    await browser.submit('/sign-in', { email: user.email, password: user.password });
    expect((await browser.get(`/me/learning?role=${randomUUID()}`)).response.status).toBe(404);
    const empty = await browser.get('/me/learning');
    expect(empty.html).toContain('Create your profile first');
    expect(empty.html).toContain('You hold no role in a project team yet.');
  });
});
