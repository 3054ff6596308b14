/**
 * /me/activity in process: a member of an organisation sees the updates, comments and new team
 * members of the projects their organisation leads and the changes to its needs, newest first,
 * within the last 30 days; someone outside sees none of it; a visitor is sent to sign in.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { silentLogger, testApp } from '../../../test/support/app.js';
import { createUser } from '../../../test/support/auth.js';
import { seedNeed, seedOrganisation } from '../../../test/support/capacity.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { Browser } from '../../../test/support/forms.js';
import { seedProject } from '../../../test/support/projects.js';
import { loadConfig } from '../../config/config.js';
import { drainJobs, enqueue } from '../../platform/jobs/index.js';
import { activityDigestJob } from './digest.js';

forEachEngine('activity page', (t) => {
  const app = () => testApp(t.db);
  let org: string;
  let recent: string;
  let old: string;

  beforeAll(async () => {
    org = await seedOrganisation(t.db);
    const projectId = await seedProject(t.db, org);
    recent = `Schools connected ${randomUUID().slice(0, 6)}`;
    old = `Kick-off long ago ${randomUUID().slice(0, 6)}`;
    await t.db
      .insertInto('project_updates')
      .values([
        { project_id: projectId, on_date: '2026-11-20', language: 'en', body: recent, author_id: null },
        {
          project_id: projectId,
          on_date: '2025-01-10',
          language: 'en',
          body: old,
          author_id: null,
          created_at: new Date('2025-01-10T09:00:00Z'),
        },
      ])
      .execute();
    await seedNeed(t.db, org, { title: 'Besoin de formateurs en cybersécurité' });
  });

  async function signedIn(memberships: { organisationId: string; role: 'member' }[]) {
    const user = await createUser(t.db, { memberships });
    const browser = new Browser(app());
    await browser.submit('/sign-in', { email: user.email, password: user.password });
    return Object.assign(browser, { user });
  }

  it('shows what changed in the organisation’s projects and needs, newest first, within 30 days', async () => {
    const browser = await signedIn([{ organisationId: org, role: 'member' }]);
    const { response, html } = await browser.get('/me/activity');
    expect(response.status).toBe(200);
    expect(html).toContain(recent);
    expect(html).not.toContain(old);
    expect(html).toContain('Besoin de formateurs en cybersécurité');
    expect(html).toContain('Project update');
    // Newest first: the need (made just now) before the update (made just before it).
    expect(html.indexOf('Besoin de formateurs')).toBeLessThan(html.indexOf(recent));
  });

  it('shows nothing of other organisations, and sends a visitor to sign in', async () => {
    const outsider = await signedIn([]);
    const { html } = await outsider.get('/me/activity?lang=ru');
    expect(html).not.toContain(recent);
    expect(html).toContain('В последнее время ничего не изменилось.');
    expect((await app().request('/me/activity')).headers.get('location')).toBe('/sign-in?next=%2Fme%2Factivity');
  });

  it('mails subscribers the week’s changes in their language through the job queue, and nothing to those without news', async () => {
    const reader = await signedIn([{ organisationId: org, role: 'member' }]);
    await t.db.updateTable('users').set({ preferred_lang: 'fr' }).where('id', '=', reader.user.id).execute();
    const quiet = await signedIn([]);
    for (const browser of [reader, quiet]) {
      const page = await browser.get('/me/activity');
      expect(page.html).toContain('Send me this every Monday by e-mail');
      expect((await browser.post('/me/activity/digest', { subscribe: 'yes' }, page.html)).response.status).toBe(303);
      expect((await browser.get('/me/activity')).html).toContain('You receive this page every Monday by e-mail.');
    }
    const deps = { db: t.db, config: loadConfig({ NODE_ENV: 'test', DCP_PUBLIC_URL: 'https://dcp.example.org' }), logger: silentLogger };
    const jobId = await enqueue(t.db, activityDigestJob, {});
    expect(jobId).not.toBeNull();
    expect(await drainJobs(deps, [activityDigestJob])).toBe(1);
    const mails = await t.db.selectFrom('mails').selectAll().where('recipient', 'in', [reader.user.email, quiet.user.email]).execute();
    // The one with news gets it in French; the one without gets nothing.
    expect(mails.map((m) => m.recipient)).toEqual([reader.user.email]);
    expect(mails[0]!.subject).toMatch(/changements? dans vos projets cette semaine/);
    expect(mails[0]!.body_text).toContain(recent);
    expect(mails[0]!.body_text).toContain('https://dcp.example.org/me/activity');
    expect(mails[0]!.body_text).not.toContain(old);
    // Stopping it is one button; the export says so.
    const page = await reader.get('/me/activity');
    await reader.post('/me/activity/digest', { subscribe: 'no' }, page.html);
    const exported = JSON.parse((await reader.get('/api/v1/me/export')).html) as { activityDigest: { subscribed: boolean } };
    expect(exported.activityDigest).toEqual({ subscribed: false });
  });
});
