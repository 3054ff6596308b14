/**
 * /me/activity in process: a member of an organisation sees the updates, comments and new team
 * members of the projects their organisation leads and the changes to its needs, newest first,
 * within the last 30 days; someone outside sees none of it; a visitor is sent to sign in. The
 * matches that concern the organisation (either side, as the match workflow lets each side see
 * them) are on the page and in the digest; other organisations' matches are not.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { silentLogger, testApp } from '../../../test/support/app.js';
import { createUser } from '../../../test/support/auth.js';
import { seedNeed, seedOffering, seedOrganisation } from '../../../test/support/capacity.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { Browser } from '../../../test/support/forms.js';
import { seedProject } from '../../../test/support/projects.js';
import { loadConfig } from '../../config/config.js';
import { drainJobs, enqueue } from '../../platform/jobs/index.js';
import { activityDigestJob, digestMails, setSubscribed } from './digest.js';

/** A match row between a need and an offering, as the workflow stores it. */
function matchRow(
  needId: string,
  offeringId: string,
  requester: string,
  providerId: string,
  status: 'accepted' | 'shortlisted' | 'in-delivery',
) {
  return {
    need_id: needId,
    offering_id: offeringId,
    requester_organisation_id: requester,
    provider_organisation_id: providerId,
    status,
    started_by: 'requester' as const,
    score: null,
    created_by: null,
  };
}

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

  it('shows the matches that concern my organisation, on either side, in the page and the digest; not other organisations’ matches', async () => {
    const provider = await seedOrganisation(t.db);
    const stranger = await seedOrganisation(t.db);
    const published = { status: 'published', language: 'fr', languages: ['fr'] };
    const ourNeed = await seedNeed(t.db, org, { title: 'Besoin : régulation des données (mise en relation)' });
    const theirOffering = await seedOffering(t.db, provider, { ...published, title: 'Cours de protection des données' });
    const ourOffering = await seedOffering(t.db, org, { ...published, title: 'Atelier de cybersécurité (notre offre)' });
    const theirNeed = await seedNeed(t.db, provider, { title: 'Besoin du partenaire en cybersécurité' });
    const shortlistedOffering = await seedOffering(t.db, org, { ...published, title: 'Offre seulement présélectionnée' });
    const strangerNeed = await seedNeed(t.db, stranger, { title: 'Besoin étranger à nous' });
    await t.db
      .insertInto('matches')
      .values([
        matchRow(ourNeed, theirOffering, org, provider, 'accepted'),
        matchRow(theirNeed, ourOffering, provider, org, 'in-delivery'),
        // The provider's side does not see a shortlist, nor does a third organisation see anything.
        matchRow(theirNeed, shortlistedOffering, provider, org, 'shortlisted'),
        matchRow(strangerNeed, theirOffering, stranger, provider, 'accepted'),
      ])
      .execute();
    const reader = await signedIn([{ organisationId: org, role: 'member' }]);
    const { html } = await reader.get('/me/activity');
    expect(html).toContain('Cours de protection des données → Besoin : régulation des données (mise en relation)');
    expect(html).toContain('Atelier de cybersécurité (notre offre) → Besoin du partenaire en cybersécurité');
    expect(html.match(/Atelier de cybersécurité \(notre offre\) →/g)).toHaveLength(1);
    expect(html).toContain('In delivery');
    expect(html).not.toContain('Besoin étranger à nous');
    expect(html).not.toContain('Offre seulement présélectionnée →');
    expect(html).toMatch(/href="\/matches\/[0-9a-f-]{36}"/);
    const coordinator = await createUser(t.db, { platformRole: 'coordinator' });
    const deps = loadConfig({ NODE_ENV: 'test', DCP_PUBLIC_URL: 'https://dcp.example.org' });
    await setSubscribed(t.db, reader.user.id, true);
    await setSubscribed(t.db, coordinator.id, true);
    await t.db.updateTable('users').set({ preferred_lang: 'es' }).where('id', '=', reader.user.id).execute();
    const mails = await digestMails(t.db, deps);
    const mine = mails.find((m) => m.to === reader.user.email);
    expect(mine?.text).toContain('Cours de protection des données → Besoin : régulation des données (mise en relation)');
    expect(mine?.text).toContain('Aceptada');
    expect(mine?.text).not.toContain('Besoin étranger à nous');
    // A coordinator with no organisation is told of no match: this is about their organisations, not the platform.
    expect(mails.find((m) => m.to === coordinator.email)).toBeUndefined();
  });
});
