/**
 * A chart's SVG as a file of its own (a .docx figure, a download): the same markup with the
 * chart styles embedded in a <style> element, because outside the page the site's stylesheet is
 * not there. The chart styles are the marked charts section of src/web/static/app.css.
 * Never put this into a page: the site's CSP forbids inline styles, and the page has the
 * stylesheet anyway.
 */
import { readFileSync } from 'node:fs';
import type { RenderedChart } from './frame.js';

let css: string | undefined;

/** The marker comments around the charts section of app.css. */
export const CHARTS_START = '/* ==== charts (src/platform/charts;';
const CHARTS_END = '/* ==== end charts ==== */';

/**
 * The charts section of the site's stylesheet, between its two marker comments.
 * @example chartStyles() // '.chart { margin: 0 0 1.5rem; … }'
 */
export function chartStyles(): string {
  const sheet = readFileSync(new URL('../../web/static/app.css', import.meta.url), 'utf8');
  const start = sheet.indexOf(CHARTS_START);
  const end = sheet.indexOf(CHARTS_END);
  if (start < 0 || end < start) throw new Error('app.css has no marked charts section');
  return sheet.slice(start + CHARTS_START.length, end);
}

/** Rules of the chart styles that apply inside an SVG, minified. */
function chartCss(): string {
  css ??= chartStyles()
    .replace(/^[^\n]*\*\//, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/@media print \{[\s\S]*?\}\s*\}/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\.chart /g, '')
    .trim();
  return css;
}

/**
 * @example writeFileSync('kenya.svg', standaloneSvg(trendChart(spec)))
 */
export function standaloneSvg(chart: RenderedChart): string {
  if (chart.svg === '') throw new RangeError('this chart has no data, so it has no SVG to export');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${chart.svg.replace(/^<svg([^>]*)>/, `<svg$1><style>${chartCss()}</style>`)}`;
}
