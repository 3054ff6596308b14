/**
 * Line charts over years: the small trend chart of a profile (one country and its context) and
 * the comparison chart (up to ten countries and groups). One renderer, two presets.
 *
 * Method
 * - Gaps: a year without a value breaks the line; an isolated year is a lone marker. Nothing
 *   is interpolated, so a line only ever joins two consecutive reported years.
 * - Estimates: drawn with the series' hollow marker, named in the key and in the table.
 * - Scale: zero is always on the value axis (a share that rose from 20 to 24 does not look
 *   like a fivefold rise); `axis.domain` (e.g. [0, 100]) is widened to hold every value.
 * - Identity: each series has a colour, a dash pattern, a marker shape and a direct label;
 *   the key below repeats the full names.
 * - Arabic: the layout mirrors (value axis, its ticks and its title on the right, text
 *   right-aligned) but time still runs left to right, as in most Arabic statistical
 *   publications and school mathematics (numbers and years are written left to right in Arabic
 *   too); see README.md. Direct labels stay beside the latest year in both directions, where
 *   lines are furthest apart and the reader looks first, so in Arabic they sit between the
 *   lines' ends and the value axis.
 */
import { line } from 'd3-shape';
import { t } from '../../i18n/i18n.js';
import { escapeText } from './escape.js';
import { formatTicks, formatValue, formatYear, assertDecimals } from './format.js';
import {
  anchorAt,
  checkBase,
  dataTable,
  dirOf,
  emptyFigure,
  figure,
  key,
  r1,
  svgShell,
  type ChartBase,
  type KeyEntry,
  type RenderedChart,
} from './frame.js';
import { estimateSwatch, markerAttributes, markerDef, seriesSwatch } from './marks.js';
import { MAX_SERIES } from './palette.js';
import { valueAxis, yearAxis } from './scales.js';
import { fitText, textWidth } from './text.js';
import { CHART_WORDS } from './words.js';

/** One year of a series. `value: null` (or a year left out) is a gap. */
export interface YearPoint {
  readonly year: number;
  readonly value: number | null;
  /** The source marks this value as an estimate (or the platform gap-filled it). */
  readonly estimate?: boolean;
}

export interface LineSeries {
  /** Full name in the reader's language, for the key and the table ("Lower-middle income"). */
  readonly name: string;
  /** Short direct label beside the line ("LMC", "Kenya"); defaults to `name`, shortened to fit. */
  readonly label?: string;
  readonly points: readonly YearPoint[];
}

/** The value axis: its label says the unit. */
export interface ValueAxisSpec {
  /** Axis title with the unit in the reader's language, e.g. "% of population". */
  readonly label: string;
  /** Decimals of the indicator: table values and labels use exactly these. */
  readonly decimals: number;
  /** A range the axis should at least show, e.g. [0, 100] for a share; widened to hold the data. */
  readonly domain?: readonly [number, number];
}

export interface LineChartSpec extends ChartBase {
  readonly axis: ValueAxisSpec;
  readonly series: readonly LineSeries[];
}

interface Preset {
  readonly kind: 'trend' | 'compare';
  readonly width: number;
  readonly height: number;
  readonly maxSeries: number;
  /** The first series is the subject (thicker); the others are context. */
  readonly focus: boolean;
}

const FONT = 11;
/** Direct labels are bold: measure them a tenth wider. */
const LABEL_FONT = FONT * 1.1;
const TREND: Preset = { kind: 'trend', width: 320, height: 180, maxSeries: 4, focus: true };
const COMPARE: Preset = { kind: 'compare', width: 400, height: 300, maxSeries: MAX_SERIES, focus: false };

/**
 * A small trend chart: one country (first series) with context such as its region and income group.
 * @example
 * const chart = trendChart({
 *   lang: 'en', id: 'trend-internet', title: 'Internet use, Kenya, 2000–2023',
 *   description: 'Internet use in Kenya rose from 0.3 % in 2000 to 35 % in 2023, close to Africa’s average.',
 *   axis: { label: '% of population', decimals: 1, domain: [0, 100] },
 *   series: [{ name: 'Kenya', points: [{ year: 2022, value: 32.6 }, { year: 2023, value: 35, estimate: true }] },
 *            { name: 'Africa', points: [...] }],
 * });
 * // in a page: <section>{chart.html}</section>
 */
export function trendChart(spec: LineChartSpec): RenderedChart {
  return renderLineChart(spec, TREND);
}

/**
 * A comparison chart: up to ten countries and groups over years, each equally weighted.
 * @example comparisonChart({ lang: 'fr', id: 'compare', title: …, description: …, axis: …, series: [...] })
 */
export function comparisonChart(spec: LineChartSpec): RenderedChart {
  return renderLineChart(spec, COMPARE);
}

/** Checks a series: whole distinct years, finite values. Throws RangeError naming the series and year. */
export function checkSeries(series: LineSeries): void {
  const seen = new Set<number>();
  for (const p of series.points) {
    if (!Number.isInteger(p.year) || p.year < 1900 || p.year > 2200)
      throw new RangeError(`series "${series.name}": year ${p.year} is not a plausible calendar year`);
    if (seen.has(p.year)) throw new RangeError(`series "${series.name}" has two values for ${p.year}`);
    seen.add(p.year);
    if (p.value !== null && !Number.isFinite(p.value))
      throw new RangeError(`series "${series.name}": the value for ${p.year} is not a finite number`);
  }
}

/**
 * The series as runs of consecutive reported years: the pieces a line may join.
 * @example runs([{year: 2000, value: 1}, {year: 2001, value: 2}, {year: 2003, value: 4}]) // [[2000, 2001], [2003]]
 */
export function runs(points: readonly YearPoint[]): YearPoint[][] {
  const sorted = points.filter((p) => p.value !== null).toSorted((a, b) => a.year - b.year);
  const out: YearPoint[][] = [];
  for (const p of sorted) {
    const last = out.at(-1);
    if (last && last.at(-1)!.year === p.year - 1) last.push(p);
    else out.push([p]);
  }
  return out;
}

/** Spreads label positions at least `gap` apart inside [top, bottom], keeping their order. */
export function spreadLabels(wanted: readonly number[], gap: number, top: number, bottom: number): number[] {
  const order = wanted.map((y, i) => ({ y, i })).toSorted((a, b) => a.y - b.y);
  const placed = order.map((o) => Math.min(Math.max(o.y, top), bottom));
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k]!, placed[k - 1]! + gap);
  const overflow = (placed.at(-1) ?? 0) - bottom;
  if (overflow > 0) {
    placed[placed.length - 1] = bottom;
    for (let k = placed.length - 2; k >= 0; k--) placed[k] = Math.min(placed[k]!, placed[k + 1]! - gap);
  }
  const out = Array.from({ length: wanted.length }, () => 0);
  order.forEach((o, k) => (out[o.i] = placed[k]!));
  return out;
}

function renderLineChart(spec: LineChartSpec, preset: Preset): RenderedChart {
  checkBase(spec);
  assertDecimals(spec.axis.decimals);
  if (spec.series.length === 0 || spec.series.length > preset.maxSeries) {
    throw new RangeError(`a ${preset.kind} chart shows 1 to ${preset.maxSeries} series, got ${spec.series.length}`);
  }
  spec.series.forEach(checkSeries);
  const reported = spec.series.flatMap((s) => s.points.filter((p) => p.value !== null));
  if (reported.length === 0) return emptyFigure(spec, preset.kind);

  const { lang, id } = spec;
  const dir = dirOf(lang);
  const { width: W, height: H } = preset;
  const top = 23;
  const bottom = H - 18;

  const yProbe = valueAxis(
    reported.map((p) => p.value!),
    [bottom, top],
    Math.max(2, Math.floor((bottom - top) / 28)),
    spec.axis.domain,
  );
  const tickLabels = formatTicks(lang, yProbe.ticks);
  const tickGutter = Math.ceil(Math.max(...tickLabels.map((l) => textWidth(l, FONT)))) + 6;
  const labels = spec.series.map((s) => s.label ?? s.name);
  const labelGutter = Math.min(Math.ceil(Math.max(...labels.map((l) => textWidth(l, LABEL_FONT)))) + 8, Math.round(W * 0.3));
  // LTR: [ticks | plot | labels]. RTL: [plot | labels | ticks], gridlines running on under the labels to the
  // ticks; 16 units on the left leave room for half of the first year's label.
  const [plotLeft, plotRight] = dir === 'ltr' ? [tickGutter, W - labelGutter] : [16, W - tickGutter - labelGutter];
  const gridRight = dir === 'ltr' ? plotRight : W - tickGutter + 2;

  const x = yearAxis(
    reported.map((p) => p.year),
    [plotLeft + 4, plotRight - 4],
    Math.max(2, Math.floor((plotRight - plotLeft) / 42)),
  );
  const y = yProbe.scale;

  // Grid, zero line, ticks.
  const grid = yProbe.ticks.map((v) => `M${r1(plotLeft)} ${r1(y(v))}H${r1(gridRight)}`).join('');
  const zero = y.domain()[0]! < 0 ? `<path class="axis" d="M${r1(plotLeft)} ${r1(y(0))}H${r1(gridRight)}"/>` : '';
  const tickX = dir === 'ltr' ? plotLeft - 4 : gridRight + 2;
  const yTicks = yProbe.ticks.map((v, i) => `<text x="${r1(tickX)}" y="${r1(y(v) + 4)}">${escapeText(tickLabels[i]!)}</text>`).join('');
  const xTicks = x.ticks.map((year) => `<text x="${r1(x.scale(year))}" y="${H - 4}">${escapeText(formatYear(lang, year))}</text>`).join('');
  const xMarks = x.ticks.map((year) => `M${r1(x.scale(year))} ${r1(bottom)}v4`).join('');
  const axisLabelX = dir === 'ltr' ? 0 : W - 1;

  // Series: line, estimate markers, direct label.
  const path = line<YearPoint>()
    .x((p) => x.scale(p.year))
    .y((p) => y(p.value!))
    .digits(1);
  const seriesRuns = spec.series.map((s) => runs(s.points));
  const labelAnchorPoints = seriesRuns.map((rs) => rs.flat().at(-1));
  const labelY = spreadLabels(
    labelAnchorPoints.map((p) => (p ? y(p.value!) : bottom)),
    FONT + 1,
    top,
    bottom,
  );
  const labelX = plotRight + 4;
  const defs: string[] = [];
  const drawn = spec.series.map((s, i) => {
    const rs = seriesRuns[i]!;
    if (rs.length === 0) return '';
    defs.push(markerDef(id, i, false));
    const d = rs.map((run) => path(run)).join('');
    const estimates = rs.flat().filter((p) => p.estimate);
    let est = '';
    if (estimates.length > 0) {
      defs.push(markerDef(id, i, true));
      const dots = estimates.map((p) => `M${r1(x.scale(p.year))} ${r1(y(p.value!))}h0`).join('');
      est = `<path class="es" d="${dots}"${markerAttributes(id, i, true)}/>`;
    }
    const thin = preset.focus && i > 0 ? ' thin' : '';
    const label = fitText(labels[i]!, labelGutter - 8, LABEL_FONT);
    return (
      `<g class="s${i}"><path class="ln${thin}" d="${d}"${markerAttributes(id, i, false)}/>${est}` +
      `<text class="lb" x="${r1(labelX)}" y="${r1(labelY[i]! + 4)}">${escapeText(label)}</text></g>`
    );
  });

  const body =
    `<path class="grid" d="${grid}"/>${zero}<path class="axis" d="${xMarks}"/>` +
    `<text class="ttl" x="${axisLabelX}" y="13" text-anchor="${anchorAt(dir === 'ltr' ? 'left' : 'right', dir)}">${escapeText(spec.axis.label)}</text>` +
    `<g text-anchor="${anchorAt(dir === 'ltr' ? 'right' : 'left', dir)}">${yTicks}</g>` +
    `<g text-anchor="middle">${xTicks}</g>` +
    `<g text-anchor="${anchorAt('left', dir)}">${drawn.join('')}</g>`;
  const svg = svgShell(spec, { width: W, height: H }, body, defs.join(''));

  const entries: KeyEntry[] = spec.series.map((s, i) => ({ swatch: seriesSwatch(id, i, preset.focus && i > 0), label: s.name }));
  const firstWithEstimate = spec.series.findIndex((s) => s.points.some((p) => p.estimate && p.value !== null));
  if (firstWithEstimate >= 0) entries.push({ swatch: estimateSwatch(id, firstWithEstimate), label: t(lang, 'connect.estimate') });

  return figure(spec, preset.kind, { svg, key: key(entries), table: lineTable(spec) });
}

/** Year rows × series columns; "—" where a series has no value, "(estimate)" after estimates. */
function lineTable(spec: LineChartSpec) {
  const { lang } = spec;
  const words = CHART_WORDS[lang];
  const estimate = t(lang, 'connect.estimate');
  const byYear = spec.series.map((s) => new Map(s.points.filter((p) => p.value !== null).map((p) => [p.year, p])));
  const years = [...new Set(byYear.flatMap((m) => [...m.keys()]))].toSorted((a, b) => a - b);
  return dataTable(spec, {
    columns: [words.year, ...spec.series.map((s) => s.name)],
    rows: years.map((year) => ({
      head: formatYear(lang, year),
      cells: byYear.map((m) => {
        const p = m.get(year);
        if (!p) return { text: '—' };
        const text = formatValue(lang, p.value!, spec.axis.decimals);
        return p.estimate ? { text, note: estimate } : { text };
      }),
    })),
  });
}
