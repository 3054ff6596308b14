/**
 * The brief's figures, drawn by the platform's chart module: Internet use over time beside the
 * region and the income group, and mobile network coverage by generation. Each comes with its
 * data as a table block (the Markdown shows the table; Word shows the picture and the table).
 */
import { formatNumber, t } from '../../i18n/i18n.js';
import { barChart, trendChart, type YearPoint } from '../../platform/charts/index.js';
import type { Language } from '../../shared/localised.js';
import type { ProfileIndicator } from '../indicators/index.js';
import type { FigureBlock } from './document.js';
import { figure, valueInYear } from './format.js';

export type Series = readonly YearPoint[];

/** Years with a value in any of the series, ascending. */
function yearsOf(series: readonly Series[]): number[] {
  return [...new Set(series.flatMap((s) => s.filter((p) => p.value !== null).map((p) => p.year)))].toSorted((a, b) => a - b);
}

function firstValue(s: Series): { year: number; value: number } | null {
  const p = s.find((q) => q.value !== null);
  return p && p.value !== null ? { year: p.year, value: p.value } : null;
}

export function internetFigure(
  lang: Language,
  country: string,
  regionName: string,
  incomeName: string,
  series: { country: Series; region: Series; income: Series },
  indicator: ProfileIndicator | undefined,
): FigureBlock | null {
  if (!indicator || series.country.length === 0) return null;
  const years = yearsOf([series.country]);
  const from = years[0]!;
  const to = years.at(-1)!;
  // Context series over the country's own span, so the chart stays about the country.
  const within = (s: Series) => s.filter((p) => p.year >= from && p.year <= to);
  const lines = [
    { name: country, points: series.country },
    { name: regionName, points: within(series.region) },
    { name: incomeName, points: within(series.income) },
  ].filter((l) => l.points.length > 0);
  const title = t(lang, 'brief.chart.internet.title', { country, from: String(from), to: String(to) });
  const alt = t(lang, 'brief.chart.internet.alt', {
    country,
    first: valueInYear(lang, indicator, firstValue(series.country)),
    last: valueInYear(lang, indicator, indicator.latest),
    groups: lines
      .slice(1)
      .map((l) => l.name)
      .join(', '),
  });
  const chart = trendChart({
    lang,
    id: 'brief-internet',
    title,
    description: alt,
    axis: { label: t(lang, 'brief.axis.percent'), decimals: indicator.decimals, domain: [0, 100] },
    series: lines,
  });
  const valueAt = (s: Series, year: number) => {
    const p = s.find((q) => q.year === year);
    return p && p.value !== null ? figure(lang, indicator, p.value) : '—';
  };
  return {
    kind: 'figure',
    title,
    alt,
    chart,
    data: {
      kind: 'table',
      caption: title,
      head: [t(lang, 'brief.col.year'), ...lines.map((l) => l.name)],
      rows: yearsOf(lines.map((l) => l.points)).map((year) => ({
        header: formatNumber(lang, year, { useGrouping: false }),
        cells: lines.map((l) => valueAt(l.points, year)),
      })),
    },
  };
}

/** `2G` for mobile-coverage-2g. */
function generation(i: ProfileIndicator): string {
  return i.code.replace('mobile-coverage-', '').toUpperCase();
}

/** Latest 2G / 3G / 4G coverage as bars, in that order. */
export function coverageFigure(lang: Language, country: string, coverage: readonly ProfileIndicator[]): FigureBlock | null {
  const shown = coverage.filter((i) => i.latest !== null);
  if (shown.length === 0) return null;
  const title = t(lang, 'brief.chart.coverage.title', { country });
  const alt = t(lang, 'brief.chart.coverage.alt', {
    country,
    list: shown.map((i) => `${generation(i)} ${valueInYear(lang, i, i.latest)}`).join(', '),
  });
  const chart = barChart({
    lang,
    id: 'brief-coverage',
    title,
    description: alt,
    nameLabel: t(lang, 'brief.col.network'),
    valueLabel: t(lang, 'brief.axis.percent'),
    decimals: shown[0]!.decimals,
    order: 'given',
    bars: shown.map((i) => ({ name: `${generation(i)} (${i.latest!.year})`, value: i.latest!.value, estimate: i.latest!.estimate })),
  });
  return {
    kind: 'figure',
    title,
    alt,
    chart,
    data: {
      kind: 'table',
      caption: title,
      head: [t(lang, 'brief.col.network'), t(lang, 'brief.col.latest')],
      rows: shown.map((i) => ({ header: generation(i), cells: [valueInYear(lang, i, i.latest)] })),
    },
  };
}
