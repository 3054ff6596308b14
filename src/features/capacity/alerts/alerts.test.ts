/**
 * Saved searches and the daily digest: a person saves a search from the catalogue page (no
 * JavaScript) or through the API, new matching offerings are mailed once in their language,
 * others' and old ones are not, and the list page deletes only one's own. The digest runs each
 * search as its owner: a signed-in member is told of a members-only need (visible to signed-in
 * members, the policy's need rule); an account sign-in treats as anonymous (a coordinator owing
 * the second factor) with the same search is told only of the public one — both mails delivered
 * through a real SMTP server.
 */
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testApp } from '../../../../test/support/app.js';
import { createUser, signInAs, type TestUser } from '../../../../test/support/auth.js';
import { seedNeed, seedOffering, seedOrganisation } from '../../../../test/support/capacity.js';
import { forEachEngine } from '../../../../test/support/engines.js';
import { Browser } from '../../../../test/support/forms.js';
import { runJobs } from '../../../../test/support/jobs.js';
import { decodeQuotedPrintable, startSmtp, type TestSmtp } from '../../../../test/support/smtp.js';
import { loadConfig } from '../../../config/config.js';
import { alertsJob } from './alerts-job.js';

forEachEngine('saved searches and the daily digest', (t) => {
  const app = () => testApp(t.db);
  const config = loadConfig({ DCP_PUBLIC_URL: 'https://dcp.example.org' });
  const run = () =>
    alertsJob.handle({}, { db: t.db, config, logger: pino({ level: 'silent' }), jobId: 'test', attempt: 1, once: async () => false });
  const mailsTo = (user: TestUser) =>
    t.db.selectFrom('mails').select(['lang', 'subject', 'body_text']).where('recipient', '=', user.email).execute();
  let provider: string;
  let person: TestUser;
  let browser: Browser;
  let smtp: TestSmtp;
  afterAll(() => smtp?.stop());

  beforeAll(async () => {
    smtp = await startSmtp();
    provider = await seedOrganisation(t.db, 'Alerts Academy');
    person = await createUser(t.db);
    await t.db.updateTable('users').set({ preferred_lang: 'es' }).where('id', '=', person.id).execute();
    browser = new Browser(app());
    browser.cookies.set('dcp_session', (await signInAs(app(), person)).cookie.slice('dcp_session='.length));
  });

  it('saves the search a catalogue page shows, then mails only what is listed afterwards, once, in the person’s language', async () => {
    await seedOffering(t.db, provider, { status: 'published', title: 'Older spectrum course', topics: ['spectrum-management'] });
    const page = await browser.get('/offerings?topics=spectrum-management&eligibleFor=NER&lang=es');
    expect(page.html).toContain('name="query" value="topics=spectrum-management&amp;eligibleFor=NER&amp;lang=es"');
    expect((await new Browser(app()).get('/offerings?topics=spectrum-management')).html).not.toContain('action="/alerts"');
    const saved = await browser.post(
      '/alerts',
      { kind: 'offerings', query: 'topics=spectrum-management&eligibleFor=NER&lang=es' },
      page.html,
    );
    expect(saved.response.status).toBe(303);
    // What to find is kept; the interface language is not part of the search.
    expect(
      (await t.db.selectFrom('saved_searches').select('query').where('user_id', '=', person.id).executeTakeFirstOrThrow()).query,
    ).toEqual({
      topics: 'spectrum-management',
      eligibleFor: 'NER',
    });
    expect((await browser.get('/alerts?saved=1&lang=es')).html).toContain('eligibleFor=NER');

    await run();
    expect(await mailsTo(person)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await seedOffering(t.db, provider, {
      status: 'published',
      title: 'Spectrum monitoring for LDC regulators',
      topics: ['spectrum-management'],
      eligibleGroups: ['LDC'],
    });
    await seedOffering(t.db, provider, {
      status: 'published',
      title: 'Spectrum course only for France',
      topics: ['spectrum-management'],
      eligibleCountries: ['FRA'],
    });
    await seedOffering(t.db, provider, { title: 'Spectrum draft nobody sees', topics: ['spectrum-management'] });
    await run();
    const mails = await mailsTo(person);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ lang: 'es', subject: '1 nuevo resultado para sus búsquedas' });
    expect(mails[0]!.body_text).toContain('Spectrum monitoring for LDC regulators');
    expect(mails[0]!.body_text).not.toMatch(/Older spectrum course|only for France|draft nobody sees/);
    expect(mails[0]!.body_text).toContain('https://dcp.example.org/alerts');
    await run();
    expect(await mailsTo(person)).toHaveLength(1);
  });

  it('refuses a search the API would refuse, and deletes only one’s own', async () => {
    const page = await browser.get('/offerings');
    expect((await browser.post('/alerts', { kind: 'offerings', query: 'eligibleFor=Niger' }, page.html)).response.status).toBe(400);
    expect((await browser.post('/alerts', { kind: 'projects', query: '' }, page.html)).response.status).toBe(400);
    const needs = await browser.get('/needs');
    await browser.post('/alerts', { kind: 'needs', query: 'country=NER' }, needs.html);
    const mine = await t.db
      .selectFrom('saved_searches')
      .select('id')
      .where('user_id', '=', person.id)
      .where('kind', '=', 'needs')
      .executeTakeFirstOrThrow();
    const other = new Browser(app());
    other.cookies.set('dcp_session', (await signInAs(app(), await createUser(t.db))).cookie.slice('dcp_session='.length));
    const theirs = await other.get('/offerings');
    expect((await other.post(`/alerts/${mine.id}/delete`, {}, theirs.html)).response.status).toBe(404);
    await seedNeed(t.db, provider, { title: 'Besoin nouveau au Niger' });
    const list = await browser.get('/alerts');
    expect((await browser.post(`/alerts/${mine.id}/delete`, {}, list.html)).response.status).toBe(303);
    expect(await t.db.selectFrom('saved_searches').select('id').where('id', '=', mine.id).execute()).toEqual([]);
    expect((await new Browser(app()).get('/alerts')).response.status).toBe(303);
  });

  it('through the API: saves, lists and deletes one’s own searches; refuses a bad search and another’s', async () => {
    const session = await signInAs(app(), person);
    const headers = { ...session.headers, 'Content-Type': 'application/json', 'X-Forwarded-For': '198.51.100.31' };
    const post = (body: unknown) => app().request('/api/v1/saved-searches', { method: 'POST', headers, body: JSON.stringify(body) });
    const saved = await post({ kind: 'needs', query: { topics: 'cybersecurity', eligibleFor: 'NER', cursor: 'abc', lang: 'fr' } });
    expect(saved.status).toBe(201);
    const search = (await saved.json()) as { id: string; query: Record<string, string> };
    expect(search.query).toEqual({ topics: 'cybersecurity', eligibleFor: 'NER' });
    expect((await post({ kind: 'needs', query: { country: 'Niger' } })).status).toBe(400);
    expect((await post({ kind: 'projects', query: {} })).status).toBe(400);
    const listed = (await (await app().request('/api/v1/saved-searches', { headers })).json()) as { data: { id: string }[] };
    expect(listed.data.map((s) => s.id)).toContain(search.id);
    const other = await signInAs(app(), await createUser(t.db));
    const theirs = { ...other.headers, 'X-Forwarded-For': '198.51.100.32' };
    expect((await app().request(`/api/v1/saved-searches/${search.id}`, { method: 'DELETE', headers: theirs })).status).toBe(404);
    expect((await app().request('/api/v1/saved-searches')).status).toBe(401);
    expect((await app().request(`/api/v1/saved-searches/${search.id}`, { method: 'DELETE', headers })).status).toBe(204);
    expect((await app().request(`/api/v1/saved-searches/${search.id}`, { method: 'DELETE', headers })).status).toBe(404);
  });

  it('runs each saved search as its owner: a member is mailed the members-only need, an account treated as anonymous only the public one', async () => {
    const ministry = await seedOrganisation(t.db, 'Ministry of Digital Economy');
    const member = await createUser(t.db);
    // Signs in now (the search is saved), then is made a coordinator without a second factor: sign-in would treat them as anonymous.
    const stranger = await createUser(t.db);
    for (const user of [member, stranger]) {
      const session = await signInAs(app(), user);
      const res = await app().request('/api/v1/saved-searches', {
        method: 'POST',
        headers: { ...session.headers, 'Content-Type': 'application/json', 'X-Forwarded-For': '198.51.100.33' },
        body: JSON.stringify({ kind: 'needs', query: { topics: 'data-governance-statistics' } }),
      });
      expect(res.status).toBe(201);
    }
    await t.db.updateTable('users').set({ platform_role: 'coordinator' }).where('id', '=', stranger.id).execute();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await seedNeed(t.db, ministry, {
      title: 'Members only: statistical data governance review',
      topics: ['data-governance-statistics'],
      visibility: 'members',
    });
    await seedNeed(t.db, ministry, { title: 'Public: open data portal for national statistics', topics: ['data-governance-statistics'] });
    const smtpConfig = loadConfig({ NODE_ENV: 'test', DCP_PUBLIC_URL: 'https://dcp.example.org', DCP_SMTP_URL: smtp.url });
    await alertsJob.handle(
      {},
      { db: t.db, config: smtpConfig, logger: pino({ level: 'silent' }), jobId: 'test', attempt: 1, once: async () => false },
    );
    await runJobs(t.db, smtpConfig);
    const received = (user: TestUser) =>
      smtp.inbox
        .filter((m) => m.to.includes(user.email))
        .map((m) => decodeQuotedPrintable(m.raw))
        .join('\n');
    expect(received(member)).toContain('Members only: statistical data governance review');
    expect(received(member)).toContain('Public: open data portal for national statistics');
    expect(received(stranger)).toContain('Public: open data portal for national statistics');
    expect(received(stranger)).not.toContain('Members only');
  });
});
