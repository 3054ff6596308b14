/**
 * What every chart shares around its drawing: the <svg> shell with <title>, <desc>, role="img"
 * and the ids that name it; the <figure> with a visible caption, an HTML key and the data as a
 * table inside <details>; and the text anchors that mirror a layout for Arabic.
 *
 * Output is a string built here and handed to hono/jsx once, through `raw()`, as a
 * `RenderedChart`. That is safe because every caller-supplied string passes `escapeText` on
 * the way in (the structural tests feed `<script>` through every field), and the only
 * unescaped pieces are markup this module writes itself.
 */
import { raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { direction } from '../../i18n/i18n.js';
import type { Language } from '../../shared/localised.js';
import { assertChartId, escapeText } from './escape.js';
import { CHART_WORDS } from './words.js';

/** What every chart asks for. All text is plain text in the reader's language: the module escapes it. */
export interface ChartBase {
  /** The reader's language: numbers, digits, direction (Arabic mirrors) and the chart's own words. */
  readonly lang: Language;
  /** Unique on the page: lower-case letters, digits and hyphens, starting with a letter. Prefixes the SVG's ids. */
  readonly id: string;
  /** What the chart shows, e.g. "Internet use in Kenya, 2000–2024". Caption, SVG <title> and table caption. */
  readonly title: string;
  /** One or two sentences saying what the reader should see (the SVG's <desc>). */
  readonly description: string;
}

/** A rendered chart: put `html` straight into a hono/jsx page (`{chart.html}`). */
export interface RenderedChart {
  /** <figure>: caption, SVG, key, notes and the data table in <details>. Already escaped. */
  readonly html: HtmlEscapedString;
  /** The <svg> element alone, for measuring or for a document figure (see `standaloneSvg`). */
  readonly svg: string;
}

export type Dir = 'ltr' | 'rtl';

/** Which edge of a text sits at its x: the text-anchor for that visual side under `dir`. */
export function anchorAt(side: 'left' | 'right', dir: Dir): 'start' | 'end' {
  return (side === 'left') === (dir === 'ltr') ? 'start' : 'end';
}

/** Rounds to one decimal and drops a trailing ".0": the coordinate format of every chart. */
export function r1(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

export function dirOf(lang: Language): Dir {
  return direction(lang);
}

export function checkBase(base: ChartBase): void {
  assertChartId(base.id);
  if (base.title.trim() === '') throw new RangeError(`chart ${base.id} needs a title`);
  if (base.description.trim() === '') throw new RangeError(`chart ${base.id} needs a description`);
}

/** The <svg> element: accessible name from <title>, description from <desc>. `body` is module-built markup. */
export function svgShell(base: ChartBase, size: { width: number; height: number }, body: string, defs = ''): string {
  const { id } = base;
  const dir = dirOf(base.lang) === 'rtl' ? ' direction="rtl"' : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" viewBox="0 0 ${size.width} ${size.height}" width="${size.width}" height="${size.height}"` +
    ` role="img" aria-labelledby="${id}-t" aria-describedby="${id}-d"${dir}>` +
    `<title id="${id}-t">${escapeText(base.title)}</title><desc id="${id}-d">${escapeText(base.description)}</desc>` +
    (defs ? `<defs>${defs}</defs>` : '') +
    body +
    '</svg>'
  );
}

/** One cell of the data table: plain text, optionally with a note ("estimate") after it. */
export interface TableCell {
  readonly text: string;
  readonly note?: string;
}

export interface TableRow {
  /** The row header (a year, a country). */
  readonly head: string;
  readonly cells: readonly TableCell[];
  /** Shown in bold (the highlighted country of a ranking). */
  readonly strong?: boolean;
}

export interface DataTable {
  /** Column headers after the row-header column; the first entry names the row-header column. */
  readonly columns: readonly string[];
  readonly rows: readonly TableRow[];
}

function cell(c: TableCell): string {
  return escapeText(c.text) + (c.note ? ` <small>(${escapeText(c.note)})</small>` : '');
}

/** The data as an HTML table in <details>, captioned with the title, headers scoped. */
export function dataTable(base: ChartBase, table: DataTable): string {
  const words = CHART_WORDS[base.lang];
  const head = table.columns.map((c) => `<th scope="col">${escapeText(c)}</th>`).join('');
  const body = table.rows
    .map((row) => {
      const th = row.strong ? `<strong>${escapeText(row.head)}</strong>` : escapeText(row.head);
      return `<tr${row.strong ? ' class="hl"' : ''}><th scope="row">${th}</th>${row.cells.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`;
    })
    .join('');
  return (
    `<details class="chart-data"><summary>${escapeText(words.table)}<span class="chart-vh">: ${escapeText(base.title)}</span></summary>` +
    `<div class="chart-scroll" role="region" tabindex="0" aria-labelledby="${base.id}-c">` +
    `<table><caption id="${base.id}-c">${escapeText(base.title)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div></details>`
  );
}

/** One entry of the HTML key: a small decorative drawing (module-built) and its text. */
export interface KeyEntry {
  readonly swatch: string;
  readonly label: string;
}

/** The key below a chart, as an HTML list so it wraps and stays legible at any width. */
export function key(entries: readonly KeyEntry[], extraClass = ''): string {
  if (entries.length === 0) return '';
  const items = entries
    .map(
      (e) =>
        `<li><svg class="chart-sw" aria-hidden="true" viewBox="0 0 28 12" width="28" height="12">${e.swatch}</svg>${escapeText(e.label)}</li>`,
    )
    .join('');
  return `<ul class="chart-key${extraClass ? ` ${extraClass}` : ''}">${items}</ul>`;
}

/** The whole figure. `parts` are module-built markup (svg, key, notes, table). */
export function figure(
  base: ChartBase,
  kind: string,
  parts: { svg: string; key?: string; notes?: string; table: string; caption?: boolean },
): RenderedChart {
  const caption = parts.caption === false ? '' : `<figcaption>${escapeText(base.title)}</figcaption>`;
  const html = `<figure class="chart chart-${kind}">${caption}${parts.svg}${parts.key ?? ''}${parts.notes ?? ''}${parts.table}</figure>`;
  return { html: raw(html), svg: parts.svg };
}

/** A figure for a chart with nothing to draw: the caption and "no data", never an empty frame. */
export function emptyFigure(base: ChartBase, kind: string): RenderedChart {
  const words = CHART_WORDS[base.lang];
  const html = `<figure class="chart chart-${kind} chart-empty"><figcaption>${escapeText(base.title)}</figcaption><p>${escapeText(words.noData)}</p></figure>`;
  return { html: raw(html), svg: '' };
}
