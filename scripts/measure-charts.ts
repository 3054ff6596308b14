/**
 * Renders every chart kind from the real data and prints its size (raw and gzip, SVG alone and
 * the whole figure with key and data table) and how long a world map takes to render, first
 * (building the cached outlines) and then warm. With `--html FILE` it also writes a preview
 * page with every chart in English and Arabic.
 *
 *   npx tsx scripts/measure-charts.ts [--html /tmp/charts.html]
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chartGallery } from '../test/support/chart-gallery.js';
import { choroplethMap } from '../src/platform/charts/index.js';
import { mapAreas } from '../test/support/chart-data.js';

const areas = mapAreas('en', 'internet_users_pct', 2022);
const spec = {
  lang: 'en' as const,
  id: 'timing',
  title: 'Internet use, 2022',
  description: 'Timing run.',
  valueLabel: '% of population',
  nameLabel: 'Country or area',
  decimals: 1,
  classes: { kind: 'target-bands' as const, target: 100 },
  areas,
};
const cold = performance.now();
choroplethMap(spec);
console.log(`first map of the process (reads, simplifies and projects the outlines): ${(performance.now() - cold).toFixed(0)} ms`);

const gallery = chartGallery('en');
const rows = gallery.map(({ kind, chart }) => {
  const html = chart.html.toString();
  return {
    kind,
    'svg bytes': chart.svg.length,
    'svg gzip': gzipSync(chart.svg).length,
    'figure bytes': html.length,
    'figure gzip': gzipSync(html).length,
  };
});
console.table(rows);

const runs = 200;
const start = performance.now();
for (let i = 0; i < runs; i++) choroplethMap(spec);
console.log(`map render, warm: ${((performance.now() - start) / runs).toFixed(2)} ms per map (mean of ${runs})`);

/** One language's charts in a section with its direction. */
function section(lang: 'en' | 'ar'): string {
  const figures = chartGallery(lang).map(({ chart }) => chart.html.toString());
  return `<section lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">${figures.join('')}</section>`;
}

const htmlAt = process.argv.indexOf('--html');
if (htmlAt > 0) {
  const file = process.argv[htmlAt + 1]!;
  const css = ['src/web/static/app.css'];
  writeFileSync(
    file,
    `<!doctype html><html><head><meta charset="utf-8">${css.map((c) => `<link rel="stylesheet" href="${process.cwd()}/${c}">`).join('')}</head><body><main class="wrap">${section('en')}${section('ar')}</main></body></html>`,
  );
  console.log(`preview written to ${file}`);
}
