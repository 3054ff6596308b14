/**
 * The people pages in process, as a browser without JavaScript uses them: the finder's GET form
 * and facet links, a person's page showing only what the reader may see, and the profile form
 * (consent first, problems on the fields, saved through the same service as the API).
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { testApp } from '../../../test/support/app.js';
import { createUser, randomAddress } from '../../../test/support/auth.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { Browser } from '../../../test/support/forms.js';
import { seedProfile } from '../../../test/support/people.js';
import type { OwnProfile } from './schemas.js';

forEachEngine('people pages', (t) => {
  const app = () => testApp(t.db);
  const get = (path: string) => app().request(path, { headers: { 'X-Forwarded-For': randomAddress() } });
  let orgId: string;
  let tag: string;
  let publicId: string;
  let hiddenId: string;

  beforeAll(async () => {
    orgId = (
      await t.db
        .insertInto('organisations')
        .values({ name: `Pages org ${randomUUID()}`, kind: 'academia' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    tag = `zq${randomUUID().slice(0, 6)}`;
    const open = await createUser(t.db, { memberships: [{ organisationId: orgId, role: 'member' }] });
    const closed = await createUser(t.db, { memberships: [{ organisationId: orgId, role: 'member' }] });
    publicId = open.id;
    hiddenId = closed.id;
    await seedProfile(t.db, open.id, {
      name: `Nadia ${tag}`,
      topics: ['cybersecurity'],
      visibility: { basics: 'public', skills: 'public', languages: 'public', dutyStation: 'public', bio: 'organisation' },
    });
    await seedProfile(t.db, closed.id, { name: `Hidden ${tag}`, topics: ['cybersecurity'] });
  });

  it('finds people through the GET form and its facet links, and shows only what the reader may see', async () => {
    const response = await get(`/people?q=${tag}&topics=cybersecurity`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`Nadia ${tag}`);
    expect(html).not.toContain(`Hidden ${tag}`);
    expect(html).toContain('<form class="filters" method="get" action="/people" role="search">');
    // The active topic is a link that removes it; the others add one.
    expect(html).toMatch(/<a href="\/people\?q=[^"]+" aria-current="true">Cybersecurity \(remove this filter\)<\/a>/);
    expect(html).toContain('1 person found');
  });

  it('says what is wrong with a filter, in the reader’s language, with 400', async () => {
    const response = await get('/people?country=XXXX&lang=fr');
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<html lang="fr"');
    expect(html).toContain('Il y a un problème');
    // The forms stage's summary: the field's label, what to enter, a link to the field, which is marked invalid.
    expect(html).toContain('<a href="#country">Lieu d’affectation : Saisissez un code de pays tel que KEN');
    expect(html).toMatch(
      /<input id="country" name="country" value="XXXX"[^>]*aria-invalid="true"[^>]*aria-describedby="country-hint country-error"/,
    );
  });

  it('refuses every implausible or invalid filter with 400 and the summary naming its field, as the API does', async () => {
    const refused: [string, string, string][] = [
      ['minShare=0', 'minShare', 'minShare=0'],
      ['minShare=150', 'minShare', 'minShare=150'],
      ['minShare=half', 'minShare', 'minShare=half'],
      ['availableFrom=2027-02-30', 'availableFrom', 'availableFrom=2027-02-30'],
      ['availableFrom=1890-01-01', 'availableFrom', 'availableFrom=1890-01-01'],
      ['topics=not-a-topic', 'topics', 'topics=not-a-topic'],
      ['digcomp=9', 'digcomp', 'digcomp=9'],
      ['language=zz', 'language', 'languages=zz'],
      ['language=fr&level=Z9', 'language', 'languages=fr:Z9'],
      ['country=ZZZ', 'country', 'country=ZZZ'],
      // A level with no language to apply it to: the page alone has the two fields (the API's refusal of a bare level).
      ['level=B2', 'level', 'languages=:B2'],
      // Too long a search: refused with the field named, not cut to 200 characters and searched.
      [`q=${'x'.repeat(201)}`, 'q', `q=${'x'.repeat(201)}`],
    ];
    for (const [query, field, api] of refused) {
      const response = await get(`/people?${query}`);
      expect(response.status, query).toBe(400);
      const html = await response.text();
      expect(html, query).toContain('There is a problem');
      expect(html, query).toContain(`<a href="#${field}">`);
      expect(html, query).toMatch(new RegExp(`id="${field}-error"`));
      expect((await get(`/api/v1/people?${api}`)).status, api).toBe(400);
    }
    // A small share is a real answer (someone offering a few hours a week), not a mistake.
    expect((await get('/people?minShare=7')).status).toBe(200);
    expect((await get('/people?cursor=not-a-cursor')).status).toBe(400);
  });

  it('explains on /privacy#profiles, linked from the profile form, what a profile shares and the visibility choices', async () => {
    for (const lang of ['en', 'ar', 'zh', 'fr', 'ru', 'es']) {
      const html = await (await get(`/privacy?lang=${lang}`)).text();
      expect(html, lang).toContain('<h2 id="profiles">');
      expect(html, lang).toContain('href="/me/profile"');
    }
    const html = await (await get('/privacy')).text();
    for (const words of ['Your profile in the expert finder', 'Duty station', 'Signed-in members', 'This is the default for every part'])
      expect(html).toContain(words);
  });

  it('shows a person’s visible parts and hides the rest; 404 when even the basics are hidden', async () => {
    const page = await (await get(`/people/${publicId}`)).text();
    expect(page).toContain(`Nadia ${tag}`);
    expect(page).toContain('Cybersecurity');
    expect(page).not.toContain('Regulatory engineer');
    // Availability, biography and links stay with the organisation (the default).
    expect(page).toContain('3 parts not shown to you');
    expect((await get(`/people/${hiddenId}`)).status).toBe(404);
    expect((await get('/people/not-a-uuid')).status).toBe(404);
  });

  it('sends a visitor to sign in first, then saves a profile only with consent, with problems on their fields', async () => {
    expect((await get('/me/profile')).headers.get('location')).toBe('/sign-in?next=%2Fme%2Fprofile');
    const user = await createUser(t.db, { memberships: [{ organisationId: orgId, role: 'member' }] });
    const browser = new Browser(app());
    await browser.submit('/sign-in', { email: user.email, password: user.password });
    const form = await browser.get('/me/profile');
    expect(form.response.status).toBe(200);
    expect(form.html).toContain('name="consent"');

    const fields = {
      version: '0',
      name: 'Olga Petrova',
      country: 'KAZ',
      lang0: 'ru',
      level0: 'native',
      lang1: 'en',
      level1: 'C1',
      'topic-cybersecurity': 'on',
      'dc-4.2': '6',
      expertise: 'incident response, CSIRT training',
      share0: '40',
      from0: '2027-01-01',
      to0: '',
      links: 'https://example.org/olga',
      'vis-basics': 'public',
      'vis-skills': 'members',
    };
    const refused = await browser.post('/me/profile', { ...fields, share1: '150' }, form.html);
    expect(refused.response.status).toBe(400);
    expect(refused.html).toContain('value="Olga Petrova"');
    expect(refused.html).toMatch(/href="#share0"/);
    const noConsent = await browser.post('/me/profile', fields, form.html);
    expect(noConsent.response.status).toBe(400);
    expect(noConsent.html).toContain('Tick the box to agree to the profile notice');
    expect(await t.db.selectFrom('profiles').select('user_id').where('user_id', '=', user.id).execute()).toEqual([]);

    const consent = /name="consent" value="([^"]+)"/.exec(form.html)![1]!;
    const saved = await browser.post('/me/profile', { ...fields, consent }, form.html);
    expect(saved.response.status).toBe(303);
    expect(saved.response.headers.get('location')).toBe('/me/profile?saved=1');
    const api = await browser.get('/api/v1/me/profile');
    const profile = JSON.parse(api.html) as OwnProfile;
    expect(profile).toMatchObject({
      name: 'Olga Petrova',
      dutyStation: { country: 'KAZ', city: null },
      languages: [
        { code: 'ru', level: 'native' },
        { code: 'en', level: 'C1' },
      ],
      skills: { topics: ['cybersecurity'], digcomp: [{ code: '4.2', level: 6 }], expertise: ['incident response', 'CSIRT training'] },
      availability: [{ share: 40, from: '2027-01-01', to: null }],
      visibility: { basics: 'public', skills: 'members', languages: 'organisation' },
      consent: { current: true },
    });
    // The form shows what was saved, without asking for consent again.
    const again = await browser.get('/me/profile?saved=1');
    expect(again.html).toContain('Your profile has been saved.');
    expect(again.html).not.toContain('name="consent"');
    expect(again.html).toMatch(/<option value="6" selected(="")?>6<\/option>/);

    const deleted = await browser.post('/me/profile/delete', {}, again.html);
    expect(deleted.response.status).toBe(303);
    expect(await t.db.selectFrom('profiles').select('user_id').where('user_id', '=', user.id).execute()).toEqual([]);
  });
});
