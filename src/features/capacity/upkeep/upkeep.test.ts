/**
 * The daily upkeep against a local HTTP server: links that work, redirect, fail or sit at an
 * address refused in production; offerings not reviewed for 12 months flagged and their
 * providers' editors and owners reminded once, each in their language, through the mail queue.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../../../../test/support/auth.js';
import { seedOffering, seedOrganisation } from '../../../../test/support/capacity.js';
import { forEachEngine } from '../../../../test/support/engines.js';
import { loadConfig } from '../../../config/config.js';
import { checkLinks } from './upkeep.js';
import { upkeepJob } from './upkeep-job.js';

let server: Server;
let origin: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/ok') response.writeHead(200, { 'Content-Type': 'text/html' }).end('<h1>Course</h1>');
    else if (request.url === '/moved') response.writeHead(301, { Location: '/ok' }).end();
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

forEachEngine('catalogue upkeep: link check and stale reminders', (t) => {
  const config = loadConfig({ DCP_HARVEST_PRIVATE_ADDRESSES: 'allow', DCP_PUBLIC_URL: 'https://dcp.example.org' });
  const run = () =>
    upkeepJob.handle({}, { db: t.db, config, logger: pino({ level: 'silent' }), jobId: 'test', attempt: 1, once: async () => false });
  const state = (id: string) =>
    t.db
      .selectFrom('offerings')
      .select(['url_problem', 'url_broken_since', 'url_checked_at', 'stale_reminded_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('marks broken links with what they answered, clears them when they work again, and checks each at most weekly', async () => {
    const provider = await seedOrganisation(t.db);
    const ok = await seedOffering(t.db, provider, { status: 'published', url: `${origin}/moved` });
    const gone = await seedOffering(t.db, provider, { status: 'published', url: `${origin}/gone` });
    await run();
    expect(await state(ok)).toMatchObject({ url_problem: null, url_broken_since: null });
    expect((await state(ok)).url_checked_at).not.toBeNull();
    expect(await state(gone)).toMatchObject({ url_problem: 'answered HTTP 404' });
    const since = (await state(gone)).url_broken_since;
    expect(since).not.toBeNull();
    // Checked today: not again until a week has passed; then the fixed link clears the mark.
    expect((await checkLinks(t.db, { allowPrivate: true })).checked).toBe(0);
    await t.db
      .updateTable('offerings')
      .set({ url: `${origin}/ok`, url_checked_at: sql<Date>`now() - interval '8 days'` })
      .where('id', '=', gone)
      .execute();
    await run();
    expect(await state(gone)).toMatchObject({ url_problem: null, url_broken_since: null });
    // In production the harvester's guards refuse internal addresses: the link counts as broken, with why.
    await t.db.updateTable('offerings').set({ url_checked_at: null }).where('id', '=', ok).execute();
    await checkLinks(t.db, { allowPrivate: false });
    expect((await state(ok)).url_problem).toMatch(/internal address/);
  });

  it('reminds the editors and owners of a provider once, in their language, about offerings not reviewed for 12 months', async () => {
    const provider = await seedOrganisation(t.db, 'Stale Academy');
    const owner = await createUser(t.db, { memberships: [{ organisationId: provider, role: 'owner' }] });
    await t.db.updateTable('users').set({ preferred_lang: 'fr' }).where('id', '=', owner.id).execute();
    const editor = await createUser(t.db, { memberships: [{ organisationId: provider, role: 'editor' }] });
    const member = await createUser(t.db, { memberships: [{ organisationId: provider, role: 'member' }] });
    const old = await seedOffering(t.db, provider, { status: 'published', title: 'Cyber hygiene for ministries', url: null });
    const fresh = await seedOffering(t.db, provider, { status: 'published', title: 'Reviewed last month', url: null });
    await t.db
      .updateTable('offerings')
      .set({ last_reviewed_at: sql<Date>`now() - interval '13 months'` })
      .where('id', '=', old)
      .execute();
    await run();
    const mails = await t.db
      .selectFrom('mails')
      .select(['recipient', 'lang', 'subject', 'body_text'])
      .where('recipient', 'in', [owner.email, editor.email, member.email])
      .orderBy('lang')
      .execute();
    expect(mails.map((m) => [m.recipient, m.lang, m.subject])).toEqual([
      [editor.email, 'en', '1 offering needs a review'],
      [owner.email, 'fr', '1 offre à revoir'],
    ]);
    expect(mails[0]!.body_text).toContain('Cyber hygiene for ministries');
    expect(mails[0]!.body_text).toContain(`https://dcp.example.org/offerings/${old}/edit`);
    expect(mails[0]!.body_text).not.toContain('Reviewed last month');
    expect((await state(old)).stale_reminded_at).not.toBeNull();
    expect((await state(fresh)).stale_reminded_at).toBeNull();
    // The next day: no second reminder.
    await run();
    expect(await t.db.selectFrom('mails').select('id').where('recipient', 'in', [owner.email, editor.email]).execute()).toHaveLength(2);
  });
});
