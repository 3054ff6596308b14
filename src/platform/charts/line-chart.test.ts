/**
 * Trend, comparison and sparkline charts, parsed and inspected element by element (no
 * snapshots): accessible name and description, one line per series with its gaps, estimates,
 * labels, key, the data table, escaping, Arabic mirroring, and refusals of impossible input.
 */
import { raw } from 'hono/html';
import { describe, expect, it } from 'vitest';
import { aggregateSeries, countrySeries } from '../../../test/support/chart-data.js';
import { parseMarkup, select, textOf, type El } from '../../../test/support/markup.js';
import { comparisonChart, runs, spreadLabels, trendChart, type LineChartSpec } from './line-chart.js';
import { sparkline } from './sparkline.js';
import { standaloneSvg } from './standalone.js';

const kenya = countrySeries('KEN', 'internet_users_pct');
const base = (over: Partial<LineChartSpec> = {}): LineChartSpec => ({
  lang: 'en',
  id: 'trend-it',
  title: 'Internet use in Kenya, 2000–2023',
  description: 'Rising since 2000.',
  axis: { label: '% of population', decimals: 1, domain: [0, 100] },
  series: [
    { name: 'Kenya', points: kenya },
    { name: 'Sub-Saharan Africa', points: aggregateSeries('SSF') },
  ],
  ...over,
});

function svgOf(figure: El): El {
  const [svg] = select(figure, 'svg', 'chart-svg');
  if (!svg) throw new Error('no chart svg');
  return svg;
}

/** x of the value axis tick labelled 100. */
function tickX(svg: El): number {
  const g = select(svg, 'g').find((e) => select(e, 'text').some((t) => textOf(t) === '100' || textOf(t) === '١٠٠'))!;
  return Number(select(g, 'text')[0]!.attrs['x']);
}

function yearX(svg: El, label: string): number {
  return Number(select(svg, 'text').find((t) => textOf(t) === label)!.attrs['x']);
}

function axisTitle(svg: El): El {
  return select(svg, 'text', 'ttl')[0]!;
}

/** Number of subpaths (moveto commands) in path data. */
const moves = (d: string) => (d.match(/M/g) ?? []).length;

describe('runs and labels', () => {
  it('splits a series at every missing year and never joins across one', () => {
    const pts = [
      { year: 2000, value: 1 },
      { year: 2001, value: 2 },
      { year: 2002, value: null },
      { year: 2003, value: 4 },
      { year: 2005, value: 5 },
      { year: 2006, value: 6 },
    ];
    expect(runs(pts).map((r) => r.map((p) => p.year))).toEqual([[2000, 2001], [2003], [2005, 2006]]);
  });
  it('keeps direct labels apart inside the plot, in their order', () => {
    const placed = spreadLabels([50, 52, 51, 200], 12, 0, 100);
    expect(placed[3]).toBe(100);
    const sorted = placed.toSorted((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(12 - 1e-9);
    expect(placed[0]).toBeLessThan(placed[2]!);
    expect(placed[2]).toBeLessThan(placed[1]!);
  });
});

describe('trend chart', () => {
  it('is an image named by its title and described by its description', () => {
    const figure = parseMarkup(trendChart(base()).html.toString());
    expect(figure.name).toBe('figure');
    expect(textOf(select(figure, 'figcaption')[0]!)).toBe('Internet use in Kenya, 2000–2023');
    const svg = svgOf(figure);
    expect(svg.attrs['role']).toBe('img');
    const title = select(svg, 'title').find((t) => t.attrs['id'] === svg.attrs['aria-labelledby']);
    const desc = select(svg, 'desc').find((d) => d.attrs['id'] === svg.attrs['aria-describedby']);
    expect(title && textOf(title)).toBe('Internet use in Kenya, 2000–2023');
    expect(desc && textOf(desc)).toBe('Rising since 2000.');
    expect(svg.attrs['viewBox']).toBe('0 0 320 180');
  });

  it('draws one line per series, breaks it at gaps and rounds coordinates to one decimal', () => {
    const gappy = [
      { year: 2010, value: 7 },
      { year: 2011, value: 9 },
      { year: 2013, value: 12 },
      { year: 2014, value: null },
      { year: 2015, value: 16 },
    ];
    const svg = svgOf(
      parseMarkup(
        trendChart(
          base({
            series: [
              { name: 'Kenya', points: gappy },
              { name: 'Africa', points: aggregateSeries('SSF') },
            ],
          }),
        ).html.toString(),
      ),
    );
    const lines = select(svg, 'path', 'ln');
    expect(lines).toHaveLength(2);
    expect(moves(lines[0]!.attrs['d']!)).toBe(3); // 2010–2011, 2013, 2015
    expect(moves(lines[1]!.attrs['d']!)).toBe(1); // the World Bank aggregate has no gap since 2000
    for (const line of lines) {
      expect(line.attrs['d']).not.toMatch(/\.\d\d/);
      expect(line.attrs['marker-mid']).toMatch(/^url\(#trend-it-m\d\)$/);
    }
    const [first, second] = select(svg, 'g').filter((g) => /^s\d$/.test(g.attrs['class'] ?? ''));
    expect([first?.attrs['class'], second?.attrs['class']]).toEqual(['s0', 's1']);
    expect(lines[1]!.attrs['class']).toBe('ln thin'); // context is thinner than the subject
  });

  it('marks estimates with a hollow marker and says so in the key and the table', () => {
    const points = kenya.map((p) => (p.year >= 2022 ? { ...p, estimate: true } : p));
    const figure = parseMarkup(trendChart(base({ series: [{ name: 'Kenya', points }] })).html.toString());
    const svg = svgOf(figure);
    const [estimates] = select(svg, 'path', 'es');
    expect(moves(estimates!.attrs['d']!)).toBe(points.filter((p) => p.estimate).length);
    expect(select(svg, 'marker').map((m) => m.attrs['id'])).toEqual(['trend-it-m0', 'trend-it-e0']);
    const hollow = select(svg, 'marker').find((m) => m.attrs['id'] === 'trend-it-e0')!;
    expect(hollow.children[0]!.attrs['class']).toBe('mk est');
    const keyItems = select(figure, 'ul', 'chart-key')[0]!.children.map(textOf);
    expect(keyItems).toEqual(['Kenya', 'estimate']);
    const cells = select(figure, 'td').map(textOf);
    expect(cells.filter((c) => c.includes('(estimate)'))).toHaveLength(points.filter((p) => p.estimate).length);
  });

  it('holds its data in a captioned table with scoped headers, a row per year', () => {
    const figure = parseMarkup(trendChart(base()).html.toString());
    const [details] = select(figure, 'details', 'chart-data');
    expect(textOf(select(details!, 'summary')[0]!)).toBe('Data table: Internet use in Kenya, 2000–2023');
    const table = select(details!, 'table')[0]!;
    expect(textOf(select(table, 'caption')[0]!)).toBe('Internet use in Kenya, 2000–2023');
    expect(
      select(table, 'th')
        .filter((th) => th.attrs['scope'] === 'col')
        .map(textOf),
    ).toEqual(['Year', 'Kenya', 'Sub-Saharan Africa']);
    const rows = select(select(table, 'tbody')[0]!, 'tr');
    const years = new Set([...kenya, ...aggregateSeries('SSF')].map((p) => p.year));
    expect(rows).toHaveLength(years.size);
    expect(rows.every((r) => r.children[0]!.name === 'th' && r.children[0]!.attrs['scope'] === 'row')).toBe(true);
    const row2010 = rows.find((r) => textOf(r.children[0]!) === '2010')!;
    expect(textOf(row2010.children[1]!)).toBe(kenya.find((p) => p.year === 2010)!.value!.toFixed(1));
  });

  it('escapes every caller string: a series named <script> stays text', () => {
    const evil = '<script>alert("x")</script>';
    const html = trendChart(
      base({
        title: `${evil} title`,
        description: `${evil} & desc`,
        axis: { label: evil, decimals: 0 },
        series: [{ name: evil, label: evil, points: kenya }],
      }),
    ).html.toString();
    expect(html).not.toContain('<script');
    const figure = parseMarkup(html);
    expect(select(figure, 'script')).toHaveLength(0);
    expect(textOf(select(figure, 'figcaption')[0]!)).toBe(`${evil} title`);
    expect(select(figure, 'li').map(textOf)).toContain(evil);
    expect(select(figure, 'th').map(textOf)).toContain(evil);
  });

  it('formats ticks, years and values in the reader’s language', () => {
    const figure = parseMarkup(trendChart(base({ lang: 'fr', axis: { label: '% de la population', decimals: 2 } })).html.toString());
    const cells = select(figure, 'td').map(textOf);
    expect(cells.some((c) => /^\d+,\d\d$/.test(c))).toBe(true);
    expect(cells.some((c) => /\d\.\d/.test(c))).toBe(false);
    expect(textOf(select(figure, 'summary')[0]!)).toMatch(/^Tableau des données/);
  });

  it('mirrors for Arabic: value axis and its title on the right, time still left to right', () => {
    const ltr = svgOf(parseMarkup(trendChart(base()).html.toString()));
    const rtl = svgOf(parseMarkup(trendChart(base({ lang: 'ar' })).html.toString()));
    expect(rtl.attrs['direction']).toBe('rtl');
    expect(ltr.attrs['direction']).toBeUndefined();
    expect(tickX(ltr)).toBeLessThan(60);
    expect(tickX(rtl)).toBeGreaterThan(260);
    const y2000 = new Intl.NumberFormat('ar', { useGrouping: false }).format(2000);
    const y2020 = new Intl.NumberFormat('ar', { useGrouping: false }).format(2020);
    expect(yearX(rtl, y2000)).toBeLessThan(yearX(rtl, y2020));
    expect(Number(axisTitle(ltr).attrs['x'])).toBe(0);
    expect(Number(axisTitle(rtl).attrs['x'])).toBeGreaterThan(300);
    expect(axisTitle(rtl).attrs['text-anchor']).toBe('start'); // start = right edge in right-to-left text
  });

  it('shows a captioned "no data" instead of an empty frame', () => {
    const chart = trendChart(base({ series: [{ name: 'Kenya', points: [{ year: 2020, value: null }] }] }));
    expect(chart.svg).toBe('');
    const figure = parseMarkup(chart.html.toString());
    expect(textOf(select(figure, 'p')[0]!)).toBe('no data');
  });

  it('refuses input that cannot be drawn honestly', () => {
    expect(() => trendChart(base({ id: 'Trend 1' }))).toThrow(RangeError);
    expect(() => trendChart(base({ title: ' ' }))).toThrow(/title/);
    expect(() => trendChart(base({ axis: { label: '%', decimals: 1.5 } }))).toThrow(/decimals/);
    const twice = [
      { year: 2020, value: 1 },
      { year: 2020, value: 2 },
    ];
    expect(() => trendChart(base({ series: [{ name: 'Kenya', points: twice }] }))).toThrow(/two values for 2020/);
    expect(() => trendChart(base({ series: [{ name: 'Kenya', points: [{ year: 2020, value: Number.NaN }] }] }))).toThrow(/finite/);
    expect(() => trendChart(base({ series: [{ name: 'Kenya', points: [{ year: 20, value: 1 }] }] }))).toThrow(/plausible/);
    expect(() => trendChart(base({ series: Array.from({ length: 5 }, (_, i) => ({ name: `S${i}`, points: kenya })) }))).toThrow(/1 to 4/);
  });

  it('stays a few kilobytes for 24 years of three series', () => {
    const chart = trendChart(base({ series: [...base().series, { name: 'Lower-middle income', points: aggregateSeries('LMC') }] }));
    expect(chart.svg.length).toBeLessThan(4_000);
    expect(chart.html.toString().length).toBeLessThan(8_000);
  });
});

describe('comparison chart', () => {
  const codes = ['KEN', 'NGA', 'ETH', 'IND', 'BRA', 'KOR', 'EGY', 'TCD', 'PER', 'VNM'];
  const spec = (n: number): LineChartSpec =>
    base({ id: 'compare', series: codes.slice(0, n).map((c) => ({ name: c, points: countrySeries(c, 'internet_users_pct') })) });

  it('draws up to ten series, each with its own style class, marker and label', () => {
    const figure = parseMarkup(comparisonChart(spec(10)).html.toString());
    const svg = svgOf(figure);
    expect(svg.attrs['viewBox']).toBe('0 0 400 300');
    const groups = select(svg, 'g').filter((g) => /^s\d$/.test(g.attrs['class'] ?? ''));
    expect(groups.map((g) => g.attrs['class'])).toEqual(codes.map((_, i) => `s${i}`));
    expect(groups.map((g) => textOf(select(g, 'text', 'lb')[0]!))).toEqual(codes);
    expect(select(svg, 'path', 'ln').every((l) => !l.attrs['class']!.includes('thin'))).toBe(true);
    expect(select(figure, 'ul', 'chart-key')[0]!.children).toHaveLength(10);
  });
  it('refuses an eleventh series', () => {
    expect(() => comparisonChart(base({ series: Array.from({ length: 11 }, (_, i) => ({ name: `S${i}`, points: kenya })) }))).toThrow(
      /1 to 10/,
    );
  });
});

describe('sparkline', () => {
  it('is a 120 × 32 image with the latest value marked and its data in a table', () => {
    const chart = sparkline({
      lang: 'en',
      id: 'spark',
      title: 'Internet use, Kenya',
      description: 'Rising.',
      decimals: 1,
      valueLabel: '% of population',
      points: kenya,
    });
    const figure = parseMarkup(chart.html.toString());
    const svg = svgOf(figure);
    expect(svg.attrs['viewBox']).toBe('0 0 120 32');
    expect(select(figure, 'figcaption')).toHaveLength(0); // a card's heading names it; the SVG has its title
    const [latest] = select(svg, 'path', 'es');
    expect(latest!.attrs['marker-end']).toBe('url(#spark-m0)');
    expect(select(figure, 'tbody')[0]!.children).toHaveLength(kenya.length);
    expect(chart.svg.length).toBeLessThan(1_500);
  });
});

describe('output', () => {
  it('drops into hono/jsx unescaped, once, through its html', async () => {
    const chart = trendChart(base());
    const page = raw(`<main>${chart.html}</main>`);
    expect(page.toString()).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(chart.html.isEscaped).toBe(true);
  });
  it('exports a standalone SVG with its styles for documents', () => {
    const file = standaloneSvg(trendChart(base()));
    expect(file.startsWith('<?xml')).toBe(true);
    const svg = parseMarkup(file.replace(/^<\?xml[^>]*>\n/, ''));
    expect(textOf(select(svg, 'style')[0]!)).toContain('--c: #005a9c');
    expect(() => standaloneSvg(trendChart(base({ series: [{ name: 'x', points: [] }] })))).toThrow(RangeError);
  });
});
