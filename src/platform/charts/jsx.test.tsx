/**
 * The charts as a page uses them: inside hono/jsx, every kind, with hostile text in every
 * field a caller fills. The markup goes in once and unescaped; the text never becomes markup.
 */
import { describe, expect, it } from 'vitest';
import { countrySeries } from '../../../test/support/chart-data.js';
import { parseMarkup, select } from '../../../test/support/markup.js';
import { barChart, choroplethMap, comparisonChart, sparkline, trendChart, type RenderedChart } from './index.js';

const EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>&amp;';
const kenya = countrySeries('KEN', 'internet_users_pct');
const common = { lang: 'en' as const, title: EVIL, description: EVIL };

function allKinds(): RenderedChart[] {
  const axis = { label: EVIL, decimals: 1 };
  const series = [{ name: EVIL, label: EVIL, points: kenya }];
  return [
    trendChart({ ...common, id: 'a', axis, series }),
    comparisonChart({ ...common, id: 'b', axis, series }),
    sparkline({ ...common, id: 'c', decimals: 1, valueLabel: EVIL, points: kenya }),
    barChart({
      ...common,
      id: 'd',
      nameLabel: EVIL,
      valueLabel: EVIL,
      decimals: 1,
      bars: [
        { name: EVIL, value: 3, highlight: true },
        { name: EVIL, value: null },
      ],
    }),
    choroplethMap({
      ...common,
      id: 'e',
      nameLabel: EVIL,
      valueLabel: EVIL,
      decimals: 1,
      classes: { kind: 'quantiles', count: 3 },
      areas: [
        { m49: '404', name: EVIL, value: 35 },
        { m49: '798', name: EVIL, value: null },
        { m49: '076', name: 'Brazil', value: 80 },
      ],
    }),
  ];
}

function Page(props: { charts: RenderedChart[] }) {
  return (
    <main>
      {props.charts.map((c) => (
        <section>{c.html}</section>
      ))}
    </main>
  );
}

describe('charts in hono/jsx', () => {
  it('renders every kind once, unescaped, with caller text kept as text', async () => {
    const html = (await (<Page charts={allKinds()} />).toString()) as string;
    expect(html).not.toMatch(/<script|<img/);
    expect(html).not.toContain('&lt;svg'); // the chart markup was not escaped a second time
    const main = parseMarkup(html);
    expect(select(main, 'figure')).toHaveLength(5);
    expect(select(main, 'svg', 'chart-svg')).toHaveLength(5);
    expect(select(main, 'script')).toHaveLength(0);
    expect(select(main, 'img')).toHaveLength(0);
    // The caller's "&amp;" is text: it arrives as the five characters, not as "&".
    expect(html).toContain('&amp;amp;');
  });
});
