import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { testApp } from '../../../test/support/app.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { CATALOGUES } from '../../i18n/i18n.js';
import { offlineRegistration } from '../../web/assets.js';

forEachEngine('connectivity section of the country page', (t) => {
  it("shows Kenya's latest internet use with its year, band, source date, trend, outlook and rank, without script", async () => {
    const res = await testApp(t.db).request('/countries/KEN?lang=en');
    expect(res.status).toBe(200);
    const html = await res.text();
    const section = html.slice(html.indexOf('<section aria-labelledby="connectivity">'), html.indexOf('</section>'));
    expect(section).toContain('<h2 id="connectivity">Connectivity</h2>');
    const row = section.slice(
      section.indexOf('Individuals using the Internet'),
      section.indexOf('</tr>', section.indexOf('Individuals using the Internet')),
    );
    expect(row).toContain('35.0 % in 2024');
    expect(row).toContain('published Mar 1, 2026');
    expect(row).toContain('limited');
    expect(row).toContain('rising by 1.2 a year');
    expect(row).toContain('off track: 44.6 % projected');
    // Ranked on each peer's latest value in 2022–2024, with the peers that had none counted.
    expect(row).toMatch(/\d+ of \d+, Africa \(2022–2024(; \d+ countr(y|ies) without data)?\)/);
    expect(row).toContain('target in about 50 years');
    expect(section).toContain('World Bank WDI (ITU) via Gapminder systema_globalis');
    expect(section).toContain('href="/api/v1/countries/KEN/profile?format=csv"');
    // The one script is the offline-reading registration every page carries (web/assets.ts).
    expect(html.replace(`<script>${offlineRegistration.text}</script>`, '')).not.toContain('<script');
    // The whole first response stays within one TCP initial window (14 KiB) compressed.
    expect(gzipSync(html).length).toBeLessThan(14_336);
  });

  it('speaks all six languages', async () => {
    for (const lang of ['ar', 'zh', 'fr', 'ru', 'es'] as const) {
      const html = await (await testApp(t.db).request(`/countries/KEN?lang=${lang}`)).text();
      expect(html, lang).toContain(`<h2 id="connectivity">${CATALOGUES[lang]['connect.title']}</h2>`);
      expect(html, lang).toContain(CATALOGUES[lang]['connect.band.limited']);
    }
  });
});
