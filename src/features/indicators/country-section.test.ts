import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { testApp } from '../../../test/support/app.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { CATALOGUES } from '../../i18n/i18n.js';
import { offlineRegistration } from '../../web/assets.js';

/** One card of the profile, by indicator code. */
function card(html: string, code: string): string {
  const start = html.indexOf(`<li id="i-${code}">`);
  expect(start, code).toBeGreaterThan(0);
  // A card holds the chart's key (a list of its own): it ends where the next card or the theme's section does.
  const ends = [html.indexOf('<li id="i-', start + 1), html.indexOf('</section>', start)].filter((i) => i > 0);
  return html.slice(start, Math.min(...ends));
}

function text(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

forEachEngine('connectivity section of the country page', (t) => {
  it("opens Kenya's profile with a summary in words, then cards with year, source date, band, trend, outlook, rank and a chart", async () => {
    const res = await testApp(t.db).request('/countries/KEN?lang=en');
    expect(res.status).toBe(200);
    const html = await res.text();
    const summary = text(
      html.slice(html.indexOf('<p class="lead summary">'), html.indexOf('</p>', html.indexOf('<p class="lead summary">'))),
    );
    expect(summary).toContain(
      '35 % of people use the Internet (2024), limited; rising by 1.2 points a year; at this pace the 2030 target is about 50 years away.',
    );
    expect(summary).toContain('A 4G network reaches 35 % of people (2018).');
    expect(summary).toContain('No broadband price is held for Kenya');

    const internet = text(card(html, 'internet-use'));
    expect(internet).toContain('35.0 % in 2024');
    expect(internet).toContain('published 1 March 2026');
    expect(internet).toContain('limited 2030 target: 100 % or more');
    expect(internet).toContain('rising by 1.2 points a year; off track: 44.6 % projected; target in about 50 years');
    // Ranked on each peer's latest value in 2022–2024, with the peers that had none counted.
    expect(internet).toMatch(/\d+ of \d+, Africa \(2022–2024(; \d+ countr(y|ies) without data)?\)/);
    // The trend chart: Kenya beside Sub-Saharan Africa and the lower-middle-income group.
    const chart = card(html, 'internet-use');
    expect(chart).toContain('class="chart chart-trend"');
    expect(chart).toContain('Sub-Saharan Africa');
    expect(chart).toContain('Lower middle income');

    // Old figures say so; indicators without any value say so; skills have no source.
    expect(text(card(html, 'mobile-coverage-4g'))).toContain('No data since 2018.');
    expect(text(card(html, 'broadband-affordability'))).toContain('No data for Kenya.');
    expect(text(html)).toContain('No source the platform holds measures digital skills in Kenya.');

    // The scorecard: the target column holds targets, the band its own column.
    const scorecard = html.slice(html.indexOf('<h3 id="scorecard">'), html.indexOf('</table>', html.indexOf('<h3 id="scorecard">')));
    expect(scorecard).toContain('<th scope="col" role="columnheader">2030 target</th>');
    expect(text(scorecard)).toMatch(/Individuals using the Internet 35\.0 % in 2024 100 % or more limited/);

    expect(html).toContain('World Bank WDI (ITU) via Gapminder systema_globalis');
    expect(html).toContain('href="/api/v1/countries/KEN/profile?format=csv"');
    // The one script is the offline-reading registration every page carries (web/assets.ts).
    expect(html.replace(`<script>${offlineRegistration.text}</script>`, '')).not.toContain('<script');
    // The whole first response stays within one TCP initial window (14 KiB) compressed.
    expect(gzipSync(html).length).toBeLessThan(14_336);
  });

  it('speaks all six languages, with a connecting word in Chinese and "1er" in French dates', async () => {
    for (const lang of ['ar', 'zh', 'fr', 'ru', 'es'] as const) {
      const html = await (await testApp(t.db).request(`/countries/KEN?lang=${lang}`)).text();
      expect(html, lang).toContain(`<h2 id="connectivity">${CATALOGUES[lang]['profiles.section.title']}</h2>`);
      expect(html, lang).toContain(CATALOGUES[lang]['connect.band.limited']);
      expect(gzipSync(html).length, lang).toBeLessThan(14_336);
    }
    const zh = text(card(await (await testApp(t.db).request('/countries/KEN?lang=zh')).text(), 'internet-use'));
    expect(zh).not.toMatch(/35\.0%\s*2024年/);
    expect(zh).toMatch(/35\.0%\s*（2024年）/);
    const fr = text(card(await (await testApp(t.db).request('/countries/KEN?lang=fr')).text(), 'internet-use'));
    expect(fr).toContain('1er mars 2026');
  });
});
