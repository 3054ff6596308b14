/**
 * The brief against the API it is built from: for a few countries every latest figure of the
 * profile API appears, rounded the same way, in the Markdown and in the Word file (parsed back
 * from its XML); the Word file has real headings, a repeated table header, rows that do not
 * split and figures with alternative text; six languages; bad codes; the section hook.
 */
import JSZip from 'jszip';
import { expect, it } from 'vitest';
import { body, testApp } from '../../../test/support/app.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { CATALOGUES, formatNumber, t } from '../../i18n/i18n.js';
import { LANGUAGES } from '../../shared/localised.js';
import type { CountryProfile } from '../indicators/index.js';
import type { BriefSectionSource } from './index.js';
import { Hono } from 'hono';
import { readRealFile } from '../../../test/fixtures/iati/real-files.js';
import { importIatiFile } from '../projects/index.js';
import { seedNeed, seedOffering, seedOrganisation } from '../../../test/support/capacity.js';

const UNITS: Record<string, (v: string) => string> = {
  percent: (v) => `${v} %`,
  'per-100-inhabitants': (v) => `${v} per 100 people`,
  'current-usd': (v) => `US$ ${v}`,
  'percent-of-monthly-gni-per-capita': (v) => `${v} % of monthly income`,
};

/** The API's latest value as the brief writes it in English: `35.0 % (2024)`. */
function expected(i: CountryProfile['indicators'][number]): string {
  const latest = i.latest!;
  const n = formatNumber('en', latest.value, { minimumFractionDigits: i.decimals, maximumFractionDigits: i.decimals });
  return `${(UNITS[i.unit] ?? ((v: string) => v))(n)} (${latest.year}${latest.estimate ? ', estimate' : ''})`;
}

async function wordXml(response: Response): Promise<{ xml: string; text: string; files: string[] }> {
  const zip = await JSZip.loadAsync(new Uint8Array(await response.arrayBuffer()));
  const xml = await zip.file('word/document.xml')!.async('string');
  // The text of each paragraph, one per line, as Word would show it.
  const text = xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
  return { xml, text, files: Object.keys(zip.files) };
}

/** What a later feature (capacity needs) would contribute: a section with a table, for Kenya only. */
const needs: BriefSectionSource = async (country, lang) =>
  country.iso3 === 'KEN'
    ? {
        id: 'needs',
        heading: `Open capacity needs (${lang})`,
        blocks: [
          {
            kind: 'table',
            caption: 'Needs',
            head: ['Need', 'Topic'],
            rows: [{ header: 'Broadband mapping', cells: ['Infrastructure'] }],
          },
        ],
      }
    : null;

forEachEngine('country brief', (ctx) => {
  it('holds the same latest figures as the profile API, in the page, the Markdown and the Word file', async () => {
    const app = testApp(ctx.db);
    for (const iso3 of ['KEN', 'BRA', 'IND']) {
      const api = await body<CountryProfile>(await app.request(`/api/v1/countries/${iso3}/profile`));
      const withData = api.indicators.filter((i) => i.latest !== null);
      expect(withData.length, iso3).toBeGreaterThan(5);
      const page = await (await app.request(`/countries/${iso3}/brief?lang=en`)).text();
      const md = await (await app.request(`/countries/${iso3}/brief.md?lang=en`)).text();
      const docx = await app.request(`/countries/${iso3}/brief.docx?lang=en`);
      expect(docx.status).toBe(200);
      expect(docx.headers.get('content-type')).toContain('wordprocessingml');
      const word = await wordXml(docx);
      for (const i of withData) {
        const name = i.names.en;
        const figure = expected(i);
        // In the Markdown the figure sits on the indicator's own row (scorecard or thematic table).
        const rows = md.split('\n').filter((line) => line.startsWith(`| ${name} |`));
        expect(rows.length, `${iso3} ${i.code} has a row`).toBeGreaterThan(0);
        expect(
          rows.some((r) => r.includes(figure)),
          `${iso3} ${i.code}: ${figure} in ${rows.join('\n')}`,
        ).toBe(true);
        expect(word.text, `${iso3} ${i.code} in Word`).toContain(figure);
        expect(page, `${iso3} ${i.code} on the page`).toContain(figure);
        // And its source with the publication date.
        expect(md).toContain(i.latest!.source.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`));
      }
    }
  });

  it('makes a real Word document: headings, header rows, unsplittable rows, figures with alt text', async () => {
    const word = await wordXml(await testApp(ctx.db).request('/countries/KEN/brief.docx?lang=en'));
    expect(word.xml).toContain('<w:pStyle w:val="Title"/>');
    expect(word.xml.match(/<w:pStyle w:val="Heading1"\/>/g)?.length ?? 0).toBeGreaterThanOrEqual(8);
    expect(word.xml).toContain('<w:tblHeader/>');
    expect(word.xml).toContain('<w:cantSplit/>');
    const figures = [...word.xml.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1]);
    expect(figures.length).toBe(2);
    expect(figures[0]).toMatch(/^Share of people using the Internet in Kenya, from .* to 35\.0 % \(2024\)/);
    expect(word.files.some((f) => f.endsWith('.svg'))).toBe(true);
    expect(word.files.some((f) => f.endsWith('.png'))).toBe(true);
    expect(word.text).toContain('Digital connectivity brief: Kenya');
  });

  it('speaks the six languages, right to left in Arabic', async () => {
    const app = testApp(ctx.db);
    for (const lang of LANGUAGES) {
      const country = (await body<CountryProfile>(await app.request('/api/v1/countries/KEN/profile'))).country.names[lang];
      const html = await (await app.request(`/countries/KEN/brief?lang=${lang}`)).text();
      expect(html, lang).toContain(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`);
      expect(html, lang).toContain(`<h1>${t(lang, 'brief.title', { country })}</h1>`);
      expect(html, lang).toContain(`<h2 id="scorecard">${CATALOGUES[lang]['brief.section.scorecard']}</h2>`);
      const md = await (await app.request(`/countries/KEN/brief.md?lang=${lang}`)).text();
      expect(md.split('\n')[0], lang).toBe(`# ${t(lang, 'brief.title', { country })}`);
      const word = await wordXml(await app.request(`/countries/KEN/brief.docx?lang=${lang}`));
      expect(word.text, lang).toContain(t(lang, 'brief.section.gaps'));
      expect(word.xml.includes('<w:bidi/>'), `${lang}: paragraphs right to left`).toBe(lang === 'ar');
    }
  });

  it('is reached from the country page, in the reader’s language', async () => {
    const html = await (await testApp(ctx.db).request('/countries/KEN?lang=fr')).text();
    expect(html).toContain(`<h2 id="brief-link">${t('fr', 'brief.link.title')}</h2>`);
    expect(html).toContain('href="/countries/KEN/brief?lang=fr"');
    expect(html).toContain('href="/countries/KEN/brief.docx?lang=fr"');
  });

  it('lists the projects being implemented in the country, as the projects API has them (real IATI activities)', async () => {
    const app = testApp(ctx.db);
    const none = await (await app.request('/countries/HTI/brief.md?lang=en')).text();
    expect(none).toContain('The platform holds no public project being implemented in Haiti.');
    const file = 'dportal-foodsecurity-sample-activities.xml';
    await importIatiFile(ctx.db, { name: file, text: readRealFile(file) });
    const api = await body<{ data: { title: string; lead: { name: string } }[] }>(
      await app.request('/api/v1/projects?countries=HTI&status=implementation&demo=exclude'),
    );
    expect(api.data.length).toBeGreaterThan(0);
    const md = await (await app.request('/countries/HTI/brief.md?lang=en')).text();
    const section = md.slice(md.indexOf('## Active projects'), md.indexOf('## Sources'));
    expect(section).toContain(`${api.data.length} shown of ${api.data.length}.`);
    for (const p of api.data) expect(section).toContain(`| ${p.title.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`)} | ${p.lead.name}`);
    const word = await wordXml(await app.request('/countries/HTI/brief.docx?lang=en'));
    expect(word.text).toContain(api.data[0]!.title);
  });

  it('lists the country’s open capacity needs, as the needs API has them', async () => {
    const app = testApp(ctx.db);
    expect(await (await app.request('/countries/KEN/brief.md?lang=en')).text()).toContain(
      'The clearinghouse holds no open public capacity need for Kenya.',
    );
    const ministry = await seedOrganisation(ctx.db, 'Ministry of ICT and Digital Economy');
    await seedNeed(ctx.db, ministry, { country: 'KEN', language: 'en', title: 'Spectrum monitoring training for the regulator' });
    await seedNeed(ctx.db, ministry, { country: 'UGA', language: 'en', title: 'A need in Uganda' });
    const api = await body<{ data: { title: string; requester: { name: string } }[] }>(
      await app.request('/api/v1/needs?country=KEN&status=open&demo=exclude'),
    );
    expect(api.data.map((n) => n.title)).toEqual(['Spectrum monitoring training for the regulator']);
    const md = await (await app.request('/countries/KEN/brief.md?lang=en')).text();
    const section = md.slice(md.indexOf('## Open capacity needs'), md.indexOf('## Active projects'));
    expect(section).toContain('1 shown of 1.');
    expect(section).toContain('| Spectrum monitoring training for the regulator | Ministry of ICT and Digital Economy |');
    expect(section).not.toContain('Uganda');
    const html = await (await app.request('/countries/KEN/brief?lang=ar')).text();
    expect(html).toContain(`<h2 id="needs">${t('ar', 'brief.section.needs')}</h2>`);
  });

  it('names the offers the matching engine ranks best for each open need, as the matches API has them, and no demo record', async () => {
    const app = testApp(ctx.db);
    const regulator = await seedOrganisation(ctx.db, 'Autorité de Régulation des Communications Électroniques et de la Poste');
    const school = await seedOrganisation(ctx.db, 'École Supérieure des Télécommunications');
    const needId = await seedNeed(ctx.db, regulator, { country: 'NER', title: 'Contrôle du spectre pour le régulateur nigérien' });
    await seedOffering(ctx.db, school, { status: 'published', language: 'fr', languages: ['fr'], title: 'Gestion et contrôle du spectre' });
    const demoId = await seedOffering(ctx.db, school, { status: 'published', language: 'fr', languages: ['fr'], title: 'Spectre (démo)' });
    // As the demo generator marks its records (an import cannot).
    await ctx.db.updateTable('offerings').set({ demo: true }).where('id', '=', demoId).execute();
    const api = await body<{ data: { offering: { title: string; demo: boolean } }[] }>(
      await app.request(`/api/v1/needs/${needId}/matches?limit=2&lang=fr`),
    );
    const best = api.data.find((m) => !m.offering.demo)!.offering.title;
    expect(best).toBe('Gestion et contrôle du spectre');
    const md = await (await app.request('/countries/NER/brief.md?lang=fr')).text();
    const heading = `## ${t('fr', 'matches.country.title')}`;
    expect(md).toContain(heading);
    const section = md.slice(md.indexOf(heading), md.indexOf(`## ${t('fr', 'brief.section.projects')}`));
    expect(section).toMatch(
      new RegExp(`- Contrôle du spectre pour le régulateur nigérien: ${best} · par École Supérieure des Télécommunications · `),
    );
    expect(section).not.toContain('(démo)');
    const word = await wordXml(await app.request('/countries/NER/brief.docx?lang=fr'));
    expect(word.text).toContain(`Contrôle du spectre pour le régulateur nigérien: ${best}`);
  });

  it('refuses a malformed code and does not know an unknown one, in every format', async () => {
    const app = testApp(ctx.db);
    for (const suffix of ['', '.md', '.docx']) {
      expect((await app.request(`/countries/K3N/brief${suffix}`)).status).toBe(400);
      expect((await app.request(`/countries/XXZ/brief${suffix}`)).status).toBe(404);
    }
  });

  it('adds the sections other features contribute to the page, the Markdown and the Word file', async () => {
    const { briefPages } = await import('./index.js');
    const app = new Hono().route('/', briefPages({ db: ctx.db } as Parameters<typeof briefPages>[0], { sections: [needs] }));
    const wrapped = testApp(ctx.db);
    // The feature's router alone has no locale stage: run it behind the app's middleware by mounting it.
    wrapped.route('/x', app);
    const html = await (await wrapped.request('/x/countries/KEN/brief?lang=fr')).text();
    expect(html).toContain('<h2 id="needs">Open capacity needs (fr)</h2>');
    expect(html).toContain('<th scope="row">Broadband mapping</th>');
    expect(await (await wrapped.request('/x/countries/KEN/brief.md?lang=fr')).text()).toContain('| Broadband mapping | Infrastructure |');
    expect((await wordXml(await wrapped.request('/x/countries/KEN/brief.docx?lang=fr'))).text).toContain('Open capacity needs (fr)');
    expect(await (await wrapped.request('/x/countries/UGA/brief?lang=fr')).text()).not.toContain('id="needs"');
  });

  it('gives every page a meta description from its own content, in the reader’s language', async () => {
    const app = testApp(ctx.db);
    const seen = new Map<string, string>();
    for (const lang of ['en', 'fr', 'ar'] as const) {
      for (const path of ['/', '/countries', '/countries/KEN', '/countries/KEN/brief', '/api', '/privacy', '/sign-in', '/no-such-page']) {
        const html = await (await app.request(`${path}?lang=${lang}`)).text();
        const metas = [...html.matchAll(/<meta name="description" content="([^"]*)"\/>/g)].map((m) => m[1]!);
        expect(metas, `${path} [${lang}]`).toHaveLength(1);
        const description = metas[0]!;
        expect(description.length, `${path} [${lang}]: ${description}`).toBeGreaterThanOrEqual(20);
        expect(description.length, `${path} [${lang}]: ${description}`).toBeLessThanOrEqual(320);
        expect(html).not.toContain('data-from-page');
        const other = seen.get(description);
        expect(other, `${path} [${lang}] has the same description as ${other}`).toBeUndefined();
        seen.set(description, `${path} [${lang}]`);
      }
    }
    const home = await (await app.request('/?lang=fr')).text();
    expect(home).toContain(`<meta name="description" content="${t('fr', 'home.lead').replace(/’/g, '’')}"/>`);
    const privacy = await (await app.request('/privacy?lang=ar')).text();
    expect(privacy).toContain(`<meta name="description" content="${t('ar', 'privacy.lead').slice(0, 40)}`);
  });
});
