/**
 * The bar chart with real figures: Africa's members ranked by internet use in 2022.
 */
import { describe, expect, it } from 'vitest';
import { regionMembers } from '../../../test/support/chart-data.js';
import { parseMarkup, select, textOf, type El } from '../../../test/support/markup.js';
import { barChart, type BarChartSpec } from './bar-chart.js';

const africa = regionMembers('en', '002', 'internet_users_pct', 2022);
const spec = (over: Partial<BarChartSpec> = {}): BarChartSpec => ({
  lang: 'en',
  id: 'rank',
  title: 'Internet use in Africa, 2022',
  description: 'Ranked.',
  nameLabel: 'Country or area',
  valueLabel: '% of population',
  decimals: 1,
  bars: africa.map((m) => ({ name: m.name, value: m.value, highlight: m.iso3 === 'MAR' })),
  ...over,
});

const rectOf = (svg: El, title: string) => select(svg, 'rect').find((r) => textOf(select(r, 'title')[0]!).startsWith(title))!;

describe('bar chart', () => {
  it('ranks highest first and keeps members without a value, named, at the end', () => {
    const figure = parseMarkup(barChart(spec()).html.toString());
    const names = select(figure, 'text', 'nm').map(textOf);
    expect(names).toHaveLength(africa.length);
    const withValue = africa.filter((m) => m.value !== null).toSorted((a, b) => b.value! - a.value!);
    expect(names.slice(0, 3)).toEqual(withValue.slice(0, 3).map((m) => m.name));
    expect(select(figure, 'text', 'na').map(textOf)).toEqual(africa.filter((m) => m.value === null).map(() => 'no data'));
    const rows = select(select(figure, 'tbody')[0]!, 'tr');
    expect(rows).toHaveLength(africa.length);
    expect(textOf(rows.at(-1)!.children[1]!)).toBe('no data');
  });

  it('makes bar length proportional to the value from zero', () => {
    const svg = select(parseMarkup(barChart(spec()).html.toString()), 'svg')[0]!;
    const [a, b] = africa.filter((m) => m.value !== null && m.value > 10).slice(0, 2);
    const ratio = Number(rectOf(svg, a!.name).attrs['width']) / Number(rectOf(svg, b!.name).attrs['width']);
    expect(ratio).toBeCloseTo(a!.value! / b!.value!, 1);
  });

  it('emphasises the highlighted member by weight as well as colour, in the chart and the table', () => {
    const figure = parseMarkup(barChart(spec()).html.toString());
    const highlighted = select(figure, 'text', 'hl');
    expect(highlighted.map(textOf)).toEqual(['Morocco']);
    expect(rectOf(select(figure, 'svg')[0]!, 'Morocco').attrs['class']).toBe('bar hl');
    expect(select(figure, 'tr', 'hl').map((r) => textOf(r.children[0]!))).toEqual(['Morocco']);
  });

  it('mirrors for Arabic: names on the right, bars growing leftwards', () => {
    const ar = regionMembers('ar', '002', 'internet_users_pct', 2022);
    const svg = select(
      parseMarkup(barChart(spec({ lang: 'ar', bars: ar.map((m) => ({ name: m.name, value: m.value })) })).html.toString()),
      'svg',
    )[0]!;
    const top = ar.filter((m) => m.value !== null).toSorted((a, b) => b.value! - a.value!)[0]!;
    const rect = rectOf(svg, top.name);
    const name = select(svg, 'text', 'nm').find((t) => textOf(t) === top.name)!;
    expect(Number(name.attrs['x'])).toBeGreaterThan(Number(rect.attrs['x']) + Number(rect.attrs['width']) - 1);
    expect(Number(rect.attrs['x'])).toBeLessThan(100);
  });

  it('draws negative values to the other side of zero and estimates hollow', () => {
    const svg = select(
      parseMarkup(
        barChart(
          spec({
            bars: [
              { name: 'Up', value: 4 },
              { name: 'Down', value: -2, estimate: true },
            ],
          }),
        ).html.toString(),
      ),
      'svg',
    )[0]!;
    const up = rectOf(svg, 'Up');
    const down = rectOf(svg, 'Down');
    expect(Number(down.attrs['x']) + Number(down.attrs['width'])).toBeCloseTo(Number(up.attrs['x']), 0);
    expect(down.attrs['class']).toBe('bar est');
    expect(textOf(select(down, 'title')[0]!)).toBe('Down: -2.0 (estimate)');
  });

  it('keeps the caller’s order when asked, and refuses what it cannot draw', () => {
    const figure = parseMarkup(
      barChart(
        spec({
          order: 'given',
          bars: [
            { name: 'B', value: 1 },
            { name: 'A', value: 9 },
          ],
        }),
      ).html.toString(),
    );
    expect(select(figure, 'text', 'nm').map(textOf)).toEqual(['B', 'A']);
    expect(() => barChart(spec({ bars: [{ name: 'x', value: Number.POSITIVE_INFINITY }] }))).toThrow(/finite/);
    expect(() => barChart(spec({ bars: Array.from({ length: 251 }, (_, i) => ({ name: `${i}`, value: i })) }))).toThrow(/at most 250/);
    expect(barChart(spec({ bars: [{ name: 'x', value: null }] })).svg).toBe('');
  });
});
