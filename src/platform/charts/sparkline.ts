/**
 * A sparkline for a card: the shape of one series in 120 × 32, no axes, the latest value marked.
 * It scales to the data's own range (that is what a sparkline is for: the shape, not the level);
 * the card beside it states the level, and the table under it every value. Gaps and estimates
 * are drawn as on the trend chart.
 */
import { line } from 'd3-shape';
import { t } from '../../i18n/i18n.js';
import { scaleLinear } from 'd3-scale';
import { assertDecimals, formatValue, formatYear } from './format.js';
import { checkBase, dataTable, emptyFigure, figure, r1, svgShell, type ChartBase, type RenderedChart } from './frame.js';
import { checkSeries, runs, type YearPoint } from './line-chart.js';
import { markerDef, markerId } from './marks.js';
import { CHART_WORDS } from './words.js';

export interface SparklineSpec extends ChartBase {
  readonly points: readonly YearPoint[];
  /** Decimals of the indicator, for the table. */
  readonly decimals: number;
  /** Column title of the table with the unit, e.g. "Internet use (% of population)". */
  readonly valueLabel: string;
}

const W = 120;
const H = 32;
const PAD = 4;

/**
 * @example
 * sparkline({ lang: 'en', id: 'spark-it', title: 'Internet use, Kenya, 2010–2023',
 *   description: 'Rising every year, from 7 % to 35 %.', decimals: 1, valueLabel: '% of population',
 *   points: [{ year: 2010, value: 7.2 }, { year: 2023, value: 35 }] }).html
 */
export function sparkline(spec: SparklineSpec): RenderedChart {
  checkBase(spec);
  assertDecimals(spec.decimals);
  checkSeries({ name: spec.title, points: spec.points });
  const rs = runs(spec.points);
  const all = rs.flat();
  if (all.length === 0) return emptyFigure(spec, 'spark');
  const values = all.map((p) => p.value!);
  const years = all.map((p) => p.year);
  let [low, high] = [Math.min(...values), Math.max(...values)];
  if (low === high) [low, high] = [low - 1, high + 1];
  let [first, last] = [Math.min(...years), Math.max(...years)];
  if (first === last) [first, last] = [first - 1, last + 1];
  const x = scaleLinear()
    .domain([first, last])
    .range([PAD, W - PAD]);
  const y = scaleLinear()
    .domain([low, high])
    .range([H - PAD, PAD]);
  const path = line<YearPoint>()
    .x((p) => x(p.year))
    .y((p) => y(p.value!))
    .digits(1);
  const latest = all.at(-1)!;
  const lastMarker = ` marker-end="url(#${markerId(spec.id, 0, latest.estimate === true)})"`;
  const body =
    `<g class="s0"><path class="ln" d="${rs.map((r) => path(r)).join('')}"/>` +
    `<path class="es" d="M${r1(x(latest.year))} ${r1(y(latest.value!))}h0"${lastMarker}/></g>`;
  const svg = svgShell(spec, { width: W, height: H }, body, markerDef(spec.id, 0, latest.estimate === true));
  const estimate = t(spec.lang, 'connect.estimate');
  const table = dataTable(spec, {
    columns: [CHART_WORDS[spec.lang].year, spec.valueLabel],
    rows: all.map((p) => ({
      head: formatYear(spec.lang, p.year),
      cells: [
        p.estimate
          ? { text: formatValue(spec.lang, p.value!, spec.decimals), note: estimate }
          : { text: formatValue(spec.lang, p.value!, spec.decimals) },
      ],
    })),
  });
  return figure(spec, 'spark', { svg, table, caption: false });
}
