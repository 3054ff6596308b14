/**
 * A horizontal bar chart: members of a group ranked by value, or counts by topic. One row per
 * bar, the name on the reading side, the value printed at the bar's end, so the chart reads
 * without the axis; rows without a value stay in the list as "no data" instead of vanishing.
 * In Arabic the whole chart mirrors: names on the right and bars growing leftwards (bars have
 * no time direction, so mirroring them is what right-to-left readers expect).
 */
import { t } from '../../i18n/i18n.js';
import { escapeText } from './escape.js';
import { assertDecimals, formatValue } from './format.js';
import { anchorAt, checkBase, dataTable, dirOf, emptyFigure, figure, r1, svgShell, type ChartBase, type RenderedChart } from './frame.js';
import { valueAxis } from './scales.js';
import { fitText, textWidth } from './text.js';
import { CHART_WORDS } from './words.js';

export interface Bar {
  /** Name in the reader's language (a country, a topic). */
  readonly name: string;
  readonly value: number | null;
  readonly estimate?: boolean;
  /** Draw this row emphasised (the country whose page this is): bold name, darker bar. */
  readonly highlight?: boolean;
}

export interface BarChartSpec extends ChartBase {
  readonly bars: readonly Bar[];
  /** Value column title and axis meaning with the unit, e.g. "% of population" or "Open needs". */
  readonly valueLabel: string;
  readonly decimals: number;
  /** `descending` (default) ranks highest first; `given` keeps the caller's order. */
  readonly order?: 'descending' | 'ascending' | 'given';
  /** Title of the name column in the table, e.g. "Country or area". */
  readonly nameLabel: string;
}

const W = 400;
const ROW = 18;
const FONT = 11;
export const MAX_BARS = 250;

/**
 * @example
 * barChart({ lang: 'en', id: 'rank-africa', title: 'Internet use in Africa, 2023', description: '…',
 *   nameLabel: 'Country or area', valueLabel: '% of population', decimals: 1,
 *   bars: [{ name: 'Kenya', value: 35, highlight: true }, { name: 'Chad', value: null }] }).html
 */
export function barChart(spec: BarChartSpec): RenderedChart {
  checkBase(spec);
  assertDecimals(spec.decimals);
  if (spec.bars.length > MAX_BARS) throw new RangeError(`a bar chart shows at most ${MAX_BARS} bars, got ${spec.bars.length}`);
  for (const b of spec.bars) {
    if (b.value !== null && !Number.isFinite(b.value)) throw new RangeError(`bar "${b.name}": value is not a finite number`);
  }
  const withValue = spec.bars.filter((b) => b.value !== null);
  if (withValue.length === 0) return emptyFigure(spec, 'bar');
  const { lang } = spec;
  const dir = dirOf(lang);
  const words = CHART_WORDS[lang];
  const order = spec.order ?? 'descending';
  const sorted =
    order === 'given'
      ? [...spec.bars]
      : [
          ...withValue.toSorted((a, b) => (order === 'descending' ? b.value! - a.value! : a.value! - b.value!)),
          ...spec.bars.filter((b) => b.value === null),
        ];

  const H = sorted.length * ROW + 4;
  const nameGutter = Math.min(Math.ceil(Math.max(...sorted.map((b) => textWidth(b.name, FONT)))) + 8, Math.round(W * 0.4));
  const values = sorted.map((b) => (b.value === null ? '' : formatValue(lang, b.value, spec.decimals)));
  const valueGutter = Math.ceil(Math.max(...values.map((v) => textWidth(v, FONT)))) + 6;
  // Plot runs from the name side to the far side; positions are computed left to right, then mirrored.
  const plotStart = nameGutter;
  const plotEnd = W - valueGutter;
  const scale = valueAxis(
    withValue.map((b) => b.value!),
    [plotStart, plotEnd],
    4,
  ).scale;
  const mx = (v: number) => (dir === 'ltr' ? v : W - v);

  const rows = sorted.map((b, i) => {
    const yTop = 2 + i * ROW;
    const textY = r1(yTop + ROW / 2 + 4);
    const name = fitText(b.name, nameGutter - 8, FONT);
    const nameText = `<text class="nm${b.highlight ? ' hl' : ''}" x="${r1(mx(nameGutter - 6))}" y="${textY}" text-anchor="${anchorAt(dir === 'ltr' ? 'right' : 'left', dir)}">${escapeText(name)}</text>`;
    if (b.value === null) {
      return `${nameText}<text class="na" x="${r1(mx(plotStart + 2))}" y="${textY}">${escapeText(words.noData)}</text>`;
    }
    const a = scale(Math.min(0, b.value));
    const z = scale(Math.max(0, b.value));
    const [left, right] = dir === 'ltr' ? [a, z] : [W - z, W - a];
    const end = b.value < 0 ? mx(a) : mx(z);
    // Bars grow towards the far side (right in LTR, left in Arabic); negative ones the other way.
    const outward = b.value >= 0 === (dir === 'ltr') ? 'right' : 'left';
    const title = `${b.name}: ${values[i]!}${b.estimate ? ` (${t(lang, 'connect.estimate')})` : ''}`;
    return (
      nameText +
      `<rect class="bar${b.highlight ? ' hl' : ''}${b.estimate ? ' est' : ''}" x="${r1(left)}" y="${r1(yTop + 3)}" width="${r1(Math.max(right - left, 0.5))}" height="${ROW - 6}"><title>${escapeText(title)}</title></rect>` +
      `<text x="${r1(end + (outward === 'right' ? 4 : -4))}" y="${textY}" text-anchor="${anchorAt(outward === 'right' ? 'left' : 'right', dir)}">${escapeText(values[i]!)}</text>`
    );
  });
  // Text without its own anchor (values, "no data") starts at the plot side.
  const body = `<path class="axis" d="M${r1(mx(scale(0)))} 0V${H}"/><g text-anchor="${anchorAt(dir === 'ltr' ? 'left' : 'right', dir)}">${rows.join('')}</g>`;
  const svg = svgShell(spec, { width: W, height: H }, body);
  const estimate = t(lang, 'connect.estimate');
  const table = dataTable(spec, {
    columns: [spec.nameLabel, spec.valueLabel],
    rows: sorted.map((b, i) => ({
      head: b.name,
      strong: b.highlight === true,
      cells: [b.value === null ? { text: words.noData } : b.estimate ? { text: values[i]!, note: estimate } : { text: values[i]! }],
    })),
  });
  return figure(spec, 'bar', { svg, table });
}
