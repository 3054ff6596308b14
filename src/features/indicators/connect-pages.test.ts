/**
 * The Connect pages in process, on real data and both engines: the group, indicator and
 * comparison pages say what they should, bad input is a 400 naming the field, anonymous answers
 * are publicly cacheable and signed-in ones are not, the map image is served, and a gap offers
 * to start a capacity need only to members of a government or UN organisation.
 */
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { createUser, signIn } from '../../../test/support/auth.js';
import { testApp } from '../../../test/support/app.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { CATALOGUES } from '../../i18n/i18n.js';
import { offlineRegistration } from '../../web/assets.js';

const BUDGET = 14_336;

async function page(app: ReturnType<typeof testApp>, path: string, headers: Record<string, string> = {}) {
  const res = await app.request(path, { headers });
  return { res, html: await res.text() };
}

/** Visible text without tags, entities decoded enough for these checks, whitespace collapsed. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
}

forEachEngine('Connect pages', (t) => {
  it('shows a group: its aggregate with coverage per year, members ranked, members without data named', async () => {
    const app = testApp(t.db);
    const { res, html } = await page(app, '/groups/LDC?lang=en');
    expect(res.status).toBe(200);
    const words = text(html);
    expect(html).toContain('<abbr title="Least Developed Countries" lang="en" dir="ltr">LDC</abbr>');
    expect(words).toContain("Individuals using the Internet: the group's figure over the years");
    expect(words).toMatch(/Coverage per year Coverage is the share/);
    expect(html).toContain('class="chart chart-trend"');
    expect(html).toContain('class="chart chart-bar"');
    expect(words).toMatch(/Individuals using the Internet: members ranked, 20\d\d–20\d\d/);
    expect(gzipSync(html).length).toBeLessThan(BUDGET);

    // A sub-region with members that have no recent value names them.
    const polynesia = text((await page(app, '/groups/061?lang=en&indicator=fixed-broadband-subscriptions')).html);
    expect(polynesia).toMatch(/\d+ members? without a value in 20\d\d–20\d\d [A-Z]/);
    expect(polynesia).toContain('Tokelau');

    // The world ranks every member in a table (too many for bars) and stays within budget.
    const world = await page(app, '/groups/WLD?lang=ar');
    expect(world.res.status).toBe(200);
    expect(world.html).toContain('href="/countries/KEN"');
    expect(gzipSync(world.html).length).toBeLessThan(BUDGET);
  });

  it('lists every group and every indicator, and shows an indicator with its map, ranking, aggregates and downloads', async () => {
    const app = testApp(t.db);
    const groups = await page(app, '/groups');
    for (const code of ['WLD', '002', '202', 'LDC', 'LLDC', 'SIDS', 'HIC', 'LIC']) expect(groups.html).toContain(`href="/groups/${code}"`);
    const list = await page(app, '/indicators?lang=fr');
    expect(list.html).toContain('href="/indicators/mobile-coverage-4g"');
    expect(list.html).toContain(CATALOGUES.fr['profiles.indicators.title']);

    const { res, html } = await page(app, '/indicators/internet-use?lang=en');
    expect(res.status).toBe(200);
    const words = text(html);
    expect(words).toContain('100 % or more');
    expect(words).toContain('Countries ranked, 2023');
    expect(html).toContain('<img class="chart-svg" src="/indicators/internet-use/map/2023.en.svg"');
    expect(html).toContain('href="/api/v1/indicators/internet-use/observations?format=sdmx-csv"');
    expect(html).toContain('href="/api/v1/indicators/internet-use/aggregates?format=csv"');
    expect(html).toContain('href="/groups/LMC?indicator=internet-use"');
    expect(gzipSync(html).length).toBeLessThan(BUDGET);

    const svg = await app.request('/indicators/internet-use/map/2023.en.svg');
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    const drawing = await svg.text();
    expect(drawing).toContain('<style>');
    expect(drawing).toContain('<title>Kenya: ');

    // An alias finds the indicator; another year is chosen by the form; a year without values is a 400.
    expect((await app.request('/indicators/IT.NET.USER.ZS?year=2010')).status).toBe(200);
    const bad = await page(app, '/indicators/internet-use?year=1890');
    expect(bad.res.status).toBe(400);
    expect(bad.html).toContain('query.year');
    expect((await app.request('/indicators/no-such-indicator')).status).toBe(404);
    expect((await app.request('/indicators/internet-use/map/2023.xx.svg')).status).toBe(404);
  });

  it('compares countries and groups, and answers bad input with 400 naming the field', async () => {
    const app = testApp(t.db);
    const ok = await page(app, '/compare?countries=ken,%20UGA&groups=LDC&indicator=internet-use&lang=en');
    expect(ok.res.status).toBe(200);
    expect(ok.html).toContain('class="chart chart-compare"');
    const words = text(ok.html);
    expect(words).toContain('Kenya');
    expect(words).toContain('Uganda');
    expect(words).toContain('Least Developed Countries');
    expect(ok.html).toContain('value="ken, UGA"');

    const unknown = await page(app, '/compare?countries=KEN,XYZ&lang=en');
    expect(unknown.res.status).toBe(400);
    expect(unknown.html).toContain('<title>Error:');
    expect(text(unknown.html)).toContain('Countries: no country or area has the code XYZ');
    expect(unknown.html).toContain('href="#countries"');

    const many = await page(
      app,
      `/compare?countries=${['KEN', 'UGA', 'TZA', 'RWA', 'BDI', 'ETH', 'SOM', 'SSD', 'COD', 'ZMB', 'MWI'].join(',')}`,
    );
    expect(many.res.status).toBe(400);
    expect(text(many.html)).toContain('11 chosen; compare at most 10');

    const group = await page(app, '/compare?groups=NOPE&lang=en');
    expect(group.res.status).toBe(400);
    expect(text(group.html)).toContain('Groups: no group has the code NOPE');

    const indicator = await page(app, '/compare?countries=KEN&indicator=%3Cscript%3E');
    expect(indicator.res.status).toBe(400);
    // Not reflected; the one script is the offline-reading registration every page carries (web/assets.ts).
    expect(indicator.html.replace(`<script>${offlineRegistration.text}</script>`, '')).not.toContain('<script>');

    const empty = await page(app, '/compare');
    expect(empty.res.status).toBe(200);
  });

  it('lets shared caches keep what anonymous visitors see, never what a signed-in person sees', async () => {
    const app = testApp(t.db);
    for (const path of ['/countries/KEN', '/groups/LDC', '/indicators/internet-use', '/compare?countries=KEN']) {
      const anonymous = await app.request(path);
      expect(anonymous.headers.get('cache-control'), path).toBe('public, max-age=300');
      expect(anonymous.headers.get('vary'), path).toMatch(/Cookie/);
      expect(anonymous.headers.get('etag'), path).toMatch(/^W\//);
    }
    // ?lang= sets the language cookie: such an answer is for one browser only.
    expect((await app.request('/groups/LDC?lang=fr')).headers.get('cache-control')).toBe('no-store');
    const person = await createUser(t.db);
    const { headers } = await signIn(app, person.email, person.password);
    expect((await app.request('/groups/LDC', { headers })).headers.get('cache-control')).toBe('no-store');
    expect((await app.request('/countries/KEN', { headers })).headers.get('cache-control')).toBe('no-store');
  });

  it('offers to start a capacity need from a gap to a government or UN member, with country, topic and evidence', async () => {
    const app = testApp(t.db);
    const org = async (kind: 'member-state' | 'private-sector') =>
      (
        await t.db
          .insertInto('organisations')
          .values({ name: `Org ${kind}`, kind, country_m49: '404' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const ministry = await createUser(t.db, { memberships: [{ organisationId: await org('member-state'), role: 'member' }] });
    const company = await createUser(t.db, { memberships: [{ organisationId: await org('private-sector'), role: 'owner' }] });

    const anonymous = (await page(app, '/countries/KEN?lang=en')).html;
    expect(anonymous).not.toContain('/needs/new');
    const asCompany = (await page(app, '/countries/KEN?lang=en', (await signIn(app, company.email, company.password)).headers)).html;
    expect(asCompany).not.toContain('/needs/new');

    const asMinistry = (await page(app, '/countries/KEN?lang=en', (await signIn(app, ministry.email, ministry.password)).headers)).html;
    const link = /href="(\/needs\/new\?[^"]+)"/.exec(asMinistry)?.[1];
    expect(link).toBeDefined();
    const params = new URL(link!.replace(/&amp;/g, '&'), 'http://x').searchParams;
    expect(params.get('country')).toBe('KEN');
    expect(params.get('topic')).toBe('broadband-policy-regulation');
    expect(params.get('evidence')).toBe('Individuals using the Internet in Kenya: 35.0 % in 2024; 2030 target 100 % or more.');
    // Only gaps get one: the targets Kenya falls short of (internet use, mobile ownership, parity).
    expect(asMinistry.match(/href="\/needs\/new\?/g)?.length).toBe(3);
  });
  it("shows on each country's profile the same latest figures, years and bands as the API", async () => {
    const app = testApp(t.db);
    for (const iso3 of ['KEN', 'BRA', 'FRA', 'NPL', 'TUV']) {
      const api = (await (await app.request(`/api/v1/countries/${iso3}/profile`)).json()) as {
        indicators: {
          code: string;
          decimals: number;
          band: string | null;
          targetMet: boolean | null;
          latest: { year: number; value: number } | null;
        }[];
      };
      const html = await (await app.request(`/countries/${iso3}?lang=en`)).text();
      // Context indicators (population, GNI per capita) have no card.
      const carded = api.indicators.filter((i) => html.includes(`<li id="i-${i.code}">`));
      const expected = carded.map((i) => {
        if (!i.latest) return `${i.code}: no data`;
        const figure = new Intl.NumberFormat('en', { minimumFractionDigits: i.decimals, maximumFractionDigits: i.decimals }).format(
          i.latest.value,
        );
        const status = i.band
          ? CATALOGUES.en[`connect.band.${i.band}` as 'connect.band.limited']
          : i.targetMet === null
            ? ''
            : CATALOGUES.en[i.targetMet ? 'connect.status.met' : 'connect.status.notMet'];
        return `${i.code}: ${figure} in ${i.latest.year} ${status}`.trimEnd();
      });
      const shown = carded.map((i) => {
        const start = html.indexOf(`<li id="i-${i.code}">`);
        const ends = [html.indexOf('<li id="i-', start + 1), html.indexOf('</section>', start)].filter((n) => n > 0);
        const raw = html.slice(start, Math.min(...ends));
        if (text(raw).includes('No data for')) return `${i.code}: no data`;
        // The headline figure itself (not a number from the chart's table), its year and the band or status word.
        const figure = /<p class="figure"><strong>[^<\d]*([\d.,]+)[^<]*<\/strong>\s*in (\d{4})/.exec(raw);
        const status = /<span class="band [^"]+">([^<]+)<\/span>/.exec(raw)?.[1] ?? '';
        return `${i.code}: ${figure?.[1] ?? '?'} in ${figure?.[2] ?? '?'} ${status}`.trimEnd();
      });
      expect(shown, iso3).toEqual(expected);
      expect(expected.filter((line) => !line.endsWith('no data')).length, iso3).toBeGreaterThan(0);
    }
  });
});
