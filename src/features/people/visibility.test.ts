/**
 * Every visibility × viewer combination of the expert finder and the profile page. Nine people of
 * organisation A show their basics at one level and every other part at one level (3 × 3); each
 * viewer — anonymous, a member of another organisation, a member of A (in person and through a read
 * token of A), a coordinator and an admin (neither in A) — reads each profile, searches by every
 * part (a filter, a facet count and a text hit per part) and must see exactly what the table below
 * says. A tenth person, in no organisation and showing nothing beyond it, is seen by themselves
 * only. The expectations are written out here, not asked of the policy, so the test can fail.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { narrower, VISIBILITIES, type ProfilePart, type Visibility } from '../../core/people/index.js';
import { body, testApp } from '../../../test/support/app.js';
import { createUser, randomAddress, signInAs } from '../../../test/support/auth.js';
import { seedOrganisation } from '../../../test/support/capacity.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { seedProfile } from '../../../test/support/people.js';
import type { PeoplePage, Person } from './index.js';

const VIEWERS = ['anonymous', 'other-organisation', 'same-organisation', 'same-organisation-token', 'coordinator', 'admin'] as const;
type Viewer = (typeof VIEWERS)[number];

/** Who sees a part of each visibility: the rule under test, written out. */
const SEES: Record<Viewer, readonly Visibility[]> = {
  anonymous: ['public'],
  'other-organisation': ['public', 'members'],
  'same-organisation': ['public', 'members', 'organisation'],
  'same-organisation-token': ['public', 'members', 'organisation'],
  // No platform role sees more than a signed-in member: the person's choice holds.
  coordinator: ['public', 'members'],
  admin: ['public', 'members'],
};

const OTHER_PARTS: readonly Exclude<ProfilePart, 'basics'>[] = ['dutyStation', 'languages', 'skills', 'availability', 'bio', 'links'];

interface Subject {
  readonly key: string;
  readonly id: string;
  readonly basics: Visibility;
  readonly rest: Visibility;
}

/** The count of one facet value on a page (0 when absent). */
const count = (page: PeoplePage, facet: string, value: string) => page.facets.values[facet]?.find((v) => v.value === value)?.count ?? 0;

forEachEngine('profile visibility × viewer', (t) => {
  const app = () => testApp(t.db);
  const marker = `Vismatrix${randomUUID().slice(0, 6)}`;
  const subjects: Subject[] = [];
  const headers = {} as Record<Viewer, Record<string, string>>;
  let orgA: string;
  let loner: { id: string; headers: Record<string, string> };

  beforeAll(async () => {
    orgA = await seedOrganisation(t.db, `Visibility A ${marker}`);
    const orgB = await seedOrganisation(t.db, `Visibility B ${marker}`);
    for (const basics of VISIBILITIES) {
      for (const rest of VISIBILITIES) {
        const user = await createUser(t.db, { memberships: [{ organisationId: orgA, role: 'member' }] });
        await seedProfile(t.db, user.id, {
          name: `${marker} ${basics} ${rest}`,
          headline: null,
          topics: ['digital-health'],
          digcomp: [{ code: '5.3', level: 4 }],
          esco: [],
          expertise: ['telemedicine networks'],
          languages: [{ code: 'sw', level: 'B2' }],
          dutyStation: { country: 'TZA', city: null },
          availability: [{ share: 100, from: '2027-01-01', to: '2027-12-31' }],
          bio: { text: 'Zanzibarite clinician linking rural dispensaries.', language: 'en' },
          links: [{ url: 'https://example.org/', label: null }],
          visibility: { basics, ...Object.fromEntries(OTHER_PARTS.map((p) => [p, rest])) },
        });
        subjects.push({ key: `${basics}/${rest}`, id: user.id, basics, rest });
      }
    }
    const member = await createUser(t.db, { memberships: [{ organisationId: orgA, role: 'member' }] });
    const memberSession = await signInAs(app(), member);
    const tokenResponse = await app().request('/api/v1/tokens', {
      method: 'POST',
      headers: { ...memberSession.headers, 'Content-Type': 'application/json', 'X-Forwarded-For': randomAddress() },
      body: JSON.stringify({ organisationId: orgA, scope: 'read', name: 'matrix' }),
    });
    const { token } = await body<{ token: string }>(tokenResponse);
    const other = await createUser(t.db, { memberships: [{ organisationId: orgB, role: 'owner' }] });
    headers.anonymous = {};
    headers['other-organisation'] = (await signInAs(app(), other)).headers;
    headers['same-organisation'] = memberSession.headers;
    headers['same-organisation-token'] = { Authorization: `Bearer ${token}` };
    headers.coordinator = (await signInAs(app(), await createUser(t.db, { platformRole: 'coordinator' }))).headers;
    headers.admin = (await signInAs(app(), await createUser(t.db, { platformRole: 'admin' }))).headers;

    const lonerUser = await createUser(t.db);
    await seedProfile(t.db, lonerUser.id, {
      name: `Quokka ${marker}`,
      bio: { text: 'Quokkalogist of island broadband.', language: 'en' },
      visibility: {},
    });
    loner = { id: lonerUser.id, headers: (await signInAs(app(), lonerUser)).headers };
  });

  const get = (viewer: Viewer | Record<string, string>, path: string) =>
    app().request(path, { headers: { 'X-Forwarded-For': randomAddress(), ...(typeof viewer === 'string' ? headers[viewer] : viewer) } });
  const find = async (viewer: Viewer, query: string) => {
    const response = await get(viewer, `/api/v1/people?organisation=${orgA}&limit=100&${query}`);
    expect(response.status).toBe(200);
    return body<PeoplePage>(response);
  };
  const keysOf = (page: PeoplePage) => page.data.map((p) => subjects.find((s) => s.id === p.id)?.key ?? p.id).toSorted();

  const basicsSeen = (viewer: Viewer, s: Subject) => SEES[viewer].includes(s.basics);
  const partSeen = (viewer: Viewer, s: Subject) => basicsSeen(viewer, s) && SEES[viewer].includes(narrower(s.rest, s.basics));
  const expected = (viewer: Viewer, seen: (viewer: Viewer, s: Subject) => boolean) =>
    subjects
      .filter((s) => seen(viewer, s))
      .map((s) => s.key)
      .toSorted();

  for (const viewer of VIEWERS) {
    describe(`seen by ${viewer}`, () => {
      it('shows each profile with exactly the parts its person shows this viewer (404 without the basics)', async () => {
        for (const subject of subjects) {
          const response = await get(viewer, `/api/v1/people/${subject.id}`);
          expect(response.status, subject.key).toBe(basicsSeen(viewer, subject) ? 200 : 404);
          if (response.status !== 200) continue;
          const person = await body<Person>(response);
          expect(person.hidden, subject.key).toEqual(partSeen(viewer, subject) ? [] : OTHER_PARTS);
          expect(person.skills === null, subject.key).toBe(!partSeen(viewer, subject));
          expect(person.links === null, subject.key).toBe(!partSeen(viewer, subject));
        }
      });

      it('lists and counts only people whose basics it may see', async () => {
        const page = await find(viewer, '');
        expect(keysOf(page)).toEqual(expected(viewer, basicsSeen));
        expect(page.total).toEqual({ value: expected(viewer, basicsSeen).length, exact: true });
        for (const person of page.data) {
          const subject = subjects.find((s) => s.id === person.id)!;
          expect(person.languages === null, subject.key).toBe(!partSeen(viewer, subject));
        }
      });

      it('matches skill, language, duty-station and availability filters only on parts it may see', async () => {
        const visible = expected(viewer, partSeen);
        expect(keysOf(await find(viewer, 'topics=digital-health'))).toEqual(visible);
        expect(keysOf(await find(viewer, 'digcomp=5'))).toEqual(visible);
        expect(keysOf(await find(viewer, 'languages=sw:B1'))).toEqual(visible);
        expect(keysOf(await find(viewer, 'country=TZA'))).toEqual(visible);
        expect(keysOf(await find(viewer, 'availableFrom=2027-03-01&availableTo=2027-04-01&minShare=80'))).toEqual(visible);
      });

      it('counts facet values only over parts it may see', async () => {
        const page = await find(viewer, '');
        const visible = expected(viewer, partSeen).length;
        expect(count(page, 'topics', 'digital-health')).toBe(visible);
        expect(count(page, 'digcomp', '5')).toBe(visible);
        expect(count(page, 'digcomp', '5.3')).toBe(visible);
        expect(count(page, 'languages', 'sw')).toBe(visible);
        expect(count(page, 'country', 'TZA')).toBe(visible);
      });

      it('finds text only in parts it may see: name in the basics, expertise with skills, the bio, country names with the duty station', async () => {
        expect(keysOf(await find(viewer, `q=${marker}`))).toEqual(expected(viewer, basicsSeen));
        expect(keysOf(await find(viewer, 'q=telemedicine'))).toEqual(expected(viewer, partSeen));
        expect(keysOf(await find(viewer, 'q=zanzibarite'))).toEqual(expected(viewer, partSeen));
        expect(keysOf(await find(viewer, 'q=Tanzanie'))).toEqual(expected(viewer, partSeen));
      });

      it('never shows or suggests the words of a profile shown to its person alone', async () => {
        expect((await get(viewer, `/api/v1/people/${loner.id}`)).status).toBe(404);
        const page = await body<PeoplePage>(await get(viewer, '/api/v1/people?q=quokkalogis'));
        expect(page.data).toEqual([]);
        expect(page.search.corrections.flatMap((c) => c.alsoSearched)).not.toContain('quokkalogist');
      });
    });
  }

  it('shows a profile without organisations to its person, whole', async () => {
    const own = await get(loner.headers, `/api/v1/people/${loner.id}`);
    expect(own.status).toBe(200);
    expect((await body<Person>(own)).hidden).toEqual([]);
    const page = await body<PeoplePage>(await get(loner.headers, '/api/v1/people?q=quokkalogist'));
    expect(page.data.map((p) => p.id)).toEqual([loner.id]);
  });

  it('follows membership changes at once: a leaver’s organisation-only parts stop showing to that organisation, a joiner’s start', async () => {
    const orgD = await seedOrganisation(t.db, `Moving ${marker}`);
    const mover = await createUser(t.db, { memberships: [{ organisationId: orgD, role: 'member' }] });
    await seedProfile(t.db, mover.id, {
      name: `Mover ${marker}`,
      topics: ['digital-health'],
      visibility: { basics: 'members', skills: 'organisation' },
    });
    // The viewer: a member of A, who shares no organisation with the mover yet.
    const seen = async () =>
      (await body<PeoplePage>(await get('same-organisation', `/api/v1/people?q=Mover&topics=digital-health`))).data.map((p) => p.id);
    expect(await seen()).toEqual([]);
    await t.db.insertInto('memberships').values({ organisation_id: orgA, user_id: mover.id, role: 'member' }).execute();
    expect(await seen()).toEqual([mover.id]);
    await t.db.deleteFrom('memberships').where('organisation_id', '=', orgA).where('user_id', '=', mover.id).execute();
    expect(await seen()).toEqual([]);
    // Still found by name by any signed-in member (basics: members), without the skills.
    const byName = await body<PeoplePage>(await get('same-organisation', `/api/v1/people?q=Mover`));
    expect(byName.data.map((p) => p.id)).toContain(mover.id);
  });

  it('sorts newest first by when people joined, so changing a hidden part moves nobody for outsiders', async () => {
    const orgC = await seedOrganisation(t.db, `Sorting ${marker}`);
    const first = await createUser(t.db, { memberships: [{ organisationId: orgC, role: 'member' }] });
    const second = await createUser(t.db, { memberships: [{ organisationId: orgC, role: 'member' }] });
    const visibility = { basics: 'public', skills: 'organisation' };
    const saved = await seedProfile(t.db, first.id, { visibility });
    await seedProfile(t.db, second.id, { visibility });
    const order = async () =>
      (await body<PeoplePage>(await get('anonymous', `/api/v1/people?organisation=${orgC}&sort=newest`))).data.map((p) => p.id);
    expect(await order()).toEqual([second.id, first.id]);
    await seedProfile(t.db, first.id, { version: saved.version, consentToNotice: undefined, visibility, topics: ['cybersecurity'] });
    expect(await order()).toEqual([second.id, first.id]);
  });
});
