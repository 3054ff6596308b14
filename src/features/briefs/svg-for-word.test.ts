import { Resvg } from '@resvg/resvg-js';
import { expect, it } from 'vitest';
import { standaloneSvg, trendChart } from '../../platform/charts/index.js';
import { svgForWord } from './svg-for-word.js';

const chart = (lang: 'en' | 'ar') =>
  trendChart({
    lang,
    id: 'word-test',
    title: 'Internet use',
    description: 'Two series.',
    axis: { label: '%', decimals: 1, domain: [0, 100] },
    series: [
      {
        name: 'Kenya',
        points: [
          { year: 2020, value: 30 },
          { year: 2021, value: 33 },
        ],
      },
      {
        name: 'Africa',
        points: [
          { year: 2020, value: 35 },
          { year: 2021, value: 37 },
        ],
      },
    ],
  });

const anchors = (s: string) => [...s.matchAll(/text-anchor="(start|end)"/g)].map((m) => m[1]);

/** Pixels of a colour in the rendered PNG's raw RGBA. */
function countColour(svg: string, [r, g, b]: [number, number, number]): number {
  const image = new Resvg(svg, { background: '#fff', font: { loadSystemFonts: false } }).render();
  const pixels = image.pixels;
  let n = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i] === r && pixels[i + 1] === g && pixels[i + 2] === b) n++;
  return n;
}

it('writes the series colours out, so a renderer without CSS variables still draws the lines', () => {
  const svg = standaloneSvg(chart('en'));
  const plain = svgForWord(svg);
  expect(plain).toContain('.s0 .ln{stroke:#005a9c;stroke-dasharray:none}');
  expect(plain).toContain('.s1 .ln{stroke:#b35900;stroke-dasharray:6 3}');
  // resvg knows no var(): the first series' blue appears only once the colours are written out.
  expect(countColour(svg, [0x00, 0x5a, 0x9c])).toBe(0);
  expect(countColour(plain, [0x00, 0x5a, 0x9c])).toBeGreaterThan(50);
});

it('turns a right-to-left chart’s text anchors into their left-to-right equivalents', () => {
  const svg = standaloneSvg(chart('ar'));
  expect(svg).toContain('direction="rtl"');
  const plain = svgForWord(svg);
  expect(plain).not.toContain('direction="rtl"');
  expect(plain).toMatch(/<svg[^>]* text-anchor="end"/);
  const swapped = anchors(svg).map((a) => (a === 'start' ? 'end' : 'start'));
  expect(anchors(plain).slice(1)).toEqual(swapped);
  expect(svgForWord(standaloneSvg(chart('en')))).not.toMatch(/<svg[^>]* text-anchor=/);
});
