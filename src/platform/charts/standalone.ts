/**
 * A chart's SVG as a file of its own (a .docx figure, a download): the same markup with the
 * chart styles embedded in a <style> element, because outside the page charts.css is not there.
 * Never put this into a page: the site's CSP forbids inline styles, and the page has the
 * stylesheet anyway.
 */
import { readFileSync } from 'node:fs';
import type { RenderedChart } from './frame.js';

let css: string | undefined;

/** Rules of charts.css that apply inside an SVG, minified. */
function chartCss(): string {
  css ??= readFileSync(new URL('./charts.css', import.meta.url), 'utf8')
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
