/**
 * The harvested-catalogue pages with JavaScript off: an editor registers a catalogue (a bad
 * address comes back with the error summary and changes nothing), harvests it now from a local
 * server and reads the run — created drafts and the item it could not read —, changes the
 * format, and stops harvesting it; another organisation's editor is refused, an anonymous
 * visitor is sent to sign in, and the pages read in Arabic.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testApp } from '../../../../test/support/app.js';
import { createUser, signInAs, type TestUser } from '../../../../test/support/auth.js';
import { seedOrganisation } from '../../../../test/support/capacity.js';
import { forEachEngine } from '../../../../test/support/engines.js';
import { Browser } from '../../../../test/support/forms.js';

let server: Server;
let origin: string;
const FEED = JSON.stringify({
  '@context': 'https://schema.org',
  '@graph': [
    {
      '@type': 'Course',
      '@id': 'https://academy.example.org/courses/ir',
      name: 'Incident response for national CIRTs',
      description: 'Hands-on incident response for the staff of national computer incident response teams.',
      inLanguage: 'en',
      hasCourseInstance: { '@type': 'CourseInstance', courseMode: 'online', startDate: '2027-03-01', endDate: '2027-03-20' },
    },
    { '@type': 'Event', '@id': 'https://academy.example.org/events/forum', name: 'Cyber forum 2027' },
  ],
});

beforeAll(async () => {
  server = createServer((_request, response) => response.writeHead(200, { 'Content-Type': 'application/ld+json' }).end(FEED));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

forEachEngine('harvested catalogue pages', (t) => {
  const app = () => testApp(t.db, { DCP_HARVEST_PRIVATE_ADDRESSES: 'allow' });
  let provider: string;
  let editor: TestUser;

  async function browserOf(user: TestUser): Promise<Browser> {
    const browser = new Browser(app());
    browser.cookies.set('dcp_session', (await signInAs(app(), user)).cookie.slice('dcp_session='.length));
    return browser;
  }

  beforeAll(async () => {
    provider = await seedOrganisation(t.db, 'Cyber Academy');
    editor = await createUser(t.db, { memberships: [{ organisationId: provider, role: 'editor' }] });
  });

  it('registers, harvests, shows the run item by item, changes and removes a catalogue', async () => {
    const browser = await browserOf(editor);
    const list = await browser.get('/offering-sources');
    expect(list.response.status).toBe(200);
    expect(list.html).toContain('Cyber Academy');
    const fields = { organisation: provider, format: 'json-ld', defaultTopic: 'cybersecurity', defaultAudience: 'public-servants' };

    const bad = await browser.post('/offering-sources', { ...fields, url: 'ftp://academy.example.org/feed' }, list.html);
    expect(bad.response.status).toBe(400);
    expect(bad.html).toContain('class="error-summary"');
    expect(bad.html).toContain('Enter a web address that starts with https:// or http://');
    expect(await t.db.selectFrom('offering_sources').select('id').where('organisation_id', '=', provider).execute()).toEqual([]);

    const registered = await browser.post('/offering-sources', { ...fields, url: `${origin}/feed.json` }, list.html);
    expect(registered.response.status).toBe(303);
    const sourcePath = new URL(registered.response.headers.get('location')!, 'http://x').pathname;
    const page = await browser.get(sourcePath);
    expect(page.html).toContain('Not harvested yet');

    expect((await browser.post(`${sourcePath}/harvest`, {}, page.html)).response.status).toBe(303);
    const after = await browser.get(`${sourcePath}?lang=ar`);
    expect(after.html).toContain('dir="rtl"');
    expect(after.html).toMatch(/العناصر المقروءة: 2؛ مسودات جديدة: 1/);
    expect(after.html).toContain('https://academy.example.org/events/forum');
    expect(after.html).toContain('@type Event is not something we list');

    expect((await browser.post(sourcePath, { ...fields, url: `${origin}/feed.json`, format: 'csv' }, after.html)).response.status).toBe(
      303,
    );
    expect((await t.db.selectFrom('offering_sources').select('format').executeTakeFirstOrThrow()).format).toBe('csv');

    const outsider = await browserOf(
      await createUser(t.db, { memberships: [{ organisationId: await seedOrganisation(t.db, 'Elsewhere'), role: 'editor' }] }),
    );
    expect((await outsider.get(sourcePath)).response.status).toBe(403);
    expect((await outsider.get(`/offering-sources?organisation=${provider}`)).response.status).toBe(403);
    expect((await new Browser(app()).get(sourcePath)).response.status).toBe(303);

    const removed = await browser.post(`${sourcePath}/delete`, {}, after.html);
    expect(removed.response.status).toBe(303);
    expect(await t.db.selectFrom('offering_sources').select('id').where('organisation_id', '=', provider).execute()).toEqual([]);
    // The draft it brought stays.
    expect(
      await t.db.selectFrom('offerings').select(['title', 'status']).where('provider_organisation_id', '=', provider).execute(),
    ).toEqual([{ title: 'Incident response for national CIRTs', status: 'draft' }]);
  });
});
