/**
 * A choropleth world map of one indicator in one year. Areas are joined to outlines by M49 code
 * (world-atlas ids are ISO 3166-1 numeric, which equals M49 for countries). Each area is
 * coloured by its class, named with its value in a <title> (a tooltip for pointer users), and
 * listed in the data table, which is how screen-reader users read a map (the SVG is one image
 * with its own title and description, not 200 stops). Areas without a value carry the hatched
 * "no data" pattern; areas the map cannot draw are named under it; the legend is HTML.
 */
import { t } from '../../../i18n/i18n.js';
import { escapeText } from '../escape.js';
import { assertDecimals, formatValue } from '../format.js';
import { checkBase, dataTable, emptyFigure, figure, key, svgShell, type ChartBase, type KeyEntry, type RenderedChart } from '../frame.js';
import { CHART_WORDS } from '../words.js';
import { classify, type Classification, type MapClassSpec } from './classify.js';
import { worldGeometry, type MapShape, type WorldGeometry } from './geometry.js';

export interface MapArea {
  /** M49 code, three digits with leading zeros ("004"). */
  readonly m49: string;
  /** Name in the reader's language. */
  readonly name: string;
  readonly value: number | null;
  readonly estimate?: boolean;
}

export interface ChoroplethSpec extends ChartBase {
  /** Every area to report on, with or without a value (those without are drawn as "no data"). */
  readonly areas: readonly MapArea[];
  readonly classes: MapClassSpec;
  /** Value column title with the unit, e.g. "% of population". */
  readonly valueLabel: string;
  readonly decimals: number;
  /** Title of the name column of the table, e.g. "Country or area". */
  readonly nameLabel: string;
  /**
   * For a page whose first response is tight: the figure shows the map as an <img> from this
   * same-origin path, where the caller serves `standaloneSvg(map)` (cacheable, fetched after the
   * HTML), instead of inlining the SVG. `html` then carries the caption, image, legend and notes;
   * `svg` is still the map itself.
   */
  readonly image?: {
    readonly src: string;
    /** Leave the data table out: the page lists every area's value itself (a ranked table). */
    readonly withoutTable?: boolean;
  };
}

/** How the caller's areas meet the outlines. */
export interface MapJoin {
  /** Areas with an outline or a dot, with their shape. */
  readonly drawn: readonly { readonly area: MapArea; readonly shape: MapShape }[];
  /** Areas the map has no outline for (listed under the map and in the table). */
  readonly notOnMap: readonly MapArea[];
  /** Outlines no area claims: drawn as neutral land. */
  readonly unclaimed: readonly MapShape[];
}

/**
 * Joins areas to outlines by M49 code. Throws on a malformed or repeated code: a map that
 * silently drops a country is worse than no map.
 * @example joinAreas([{ m49: '404', name: 'Kenya', value: 35 }], worldGeometry()).drawn.length // 1
 */
export function joinAreas(areas: readonly MapArea[], world: WorldGeometry): MapJoin {
  const seen = new Set<string>();
  for (const a of areas) {
    if (!/^\d{3}$/.test(a.m49)) throw new RangeError(`area "${a.name}": M49 code must be three digits, got ${JSON.stringify(a.m49)}`);
    if (seen.has(a.m49)) throw new RangeError(`area ${a.m49} is listed twice`);
    if (a.value !== null && !Number.isFinite(a.value)) throw new RangeError(`area ${a.m49}: value is not a finite number`);
    seen.add(a.m49);
  }
  const drawn: { area: MapArea; shape: MapShape }[] = [];
  const notOnMap: MapArea[] = [];
  for (const area of areas) {
    const shape = world.byCode.get(area.m49);
    if (shape && (shape.d !== '' || shape.dot)) drawn.push({ area, shape });
    else notOnMap.push(area);
  }
  const unclaimed = world.shapes.filter((s) => s.m49 === null || !seen.has(s.m49));
  return { drawn, notOnMap, unclaimed };
}

/**
 * @example
 * choroplethMap({ lang: 'en', id: 'map-it', title: 'Internet use, 2022', description: '…',
 *   valueLabel: '% of population', nameLabel: 'Country or area', decimals: 1,
 *   classes: { kind: 'target-bands', target: 100 },
 *   areas: [{ m49: '404', name: 'Kenya', value: 35 }, …] }).html
 */
export function choroplethMap(spec: ChoroplethSpec): RenderedChart {
  checkBase(spec);
  assertDecimals(spec.decimals);
  const world = worldGeometry();
  const join = joinAreas(spec.areas, world);
  const values = spec.areas.filter((a) => a.value !== null).map((a) => a.value!);
  if (values.length === 0) return emptyFigure(spec, 'map');
  const { lang, id } = spec;
  const words = CHART_WORDS[lang];
  const estimate = t(lang, 'connect.estimate');
  const classing = classify(spec.classes, values, lang, spec.decimals);
  const classIndex = (a: MapArea) => (a.value === null ? -1 : classing.classOf(a.value));
  const describe = (a: MapArea) =>
    `${a.name}: ${a.value === null ? words.noData : formatValue(lang, a.value, spec.decimals)}${a.estimate && a.value !== null ? ` (${estimate})` : ''}`;

  // One group per class (no class attribute per outline), dots drawn last so they sit on top.
  const groups = new Map<number, { paths: string[]; dots: string[] }>();
  for (const { area, shape } of join.drawn) {
    const k = classIndex(area);
    const group = groups.get(k) ?? { paths: [], dots: [] };
    groups.set(k, group);
    const title = `<title>${escapeText(describe(area))}</title>`;
    if (shape.dot) group.dots.push(`<circle cx="${shape.dot[0]}" cy="${shape.dot[1]}" r="2.5">${title}</circle>`);
    else group.paths.push(`<path d="${shape.d}">${title}</path>`);
  }
  const cls = (k: number) => (k < 0 ? `class="nd" fill="url(#${id}-nd)"` : `class="${classing.classes[k]!.css}"`);
  const order = [...groups.keys()].toSorted((a, b) => a - b);
  const body =
    `<path class="land" d="${join.unclaimed.map((s) => s.d).join('')}"/>` +
    order.map((k) => (groups.get(k)!.paths.length > 0 ? `<g ${cls(k)}>${groups.get(k)!.paths.join('')}</g>` : '')).join('') +
    order.map((k) => (groups.get(k)!.dots.length > 0 ? `<g ${cls(k)}>${groups.get(k)!.dots.join('')}</g>` : '')).join('');
  const defs = `<pattern id="${id}-nd" patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(45)"><path class="hatch" d="M1 0v4"/></pattern>`;
  const svg = svgShell(spec, { width: world.width, height: world.height }, body, defs);

  const counts = countByClass(spec.areas, classIndex, classing);
  const entries: KeyEntry[] = classing.classes.map((c, i) => ({
    swatch: `<rect class="${c.css}" x="1" y="1" width="26" height="10"/>`,
    label: `${c.label} (${words.areas(counts[i]!)})`,
  }));
  const missing = spec.areas.filter((a) => a.value === null).length;
  if (missing > 0) {
    entries.push({
      swatch: `<rect class="nd" fill="url(#${id}-nd)" x="1" y="1" width="26" height="10"/>`,
      label: `${words.noData} (${words.areas(missing)})`,
    });
  }
  const notes =
    (join.notOnMap.length > 0
      ? `<p class="chart-note">${escapeText(words.notOnMap)} ${escapeText(join.notOnMap.map((a) => a.name).join(', '))}</p>`
      : '') + `<p class="chart-note">${escapeText(words.disclaimer)}</p>`;

  const collator = new Intl.Collator(lang);
  const rows = spec.areas.toSorted((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || collator.compare(a.name, b.name));
  const table = dataTable(spec, {
    columns: [spec.nameLabel, spec.valueLabel, words.mapClass],
    rows: rows.map((a) => {
      const k = classIndex(a);
      const value =
        a.value === null
          ? { text: words.noData }
          : a.estimate
            ? { text: formatValue(lang, a.value, spec.decimals), note: estimate }
            : { text: formatValue(lang, a.value, spec.decimals) };
      return { head: a.name, cells: [value, { text: k < 0 ? '—' : classing.classes[k]!.label }] };
    }),
  });
  if (!spec.image) return figure(spec, 'map', { svg, key: key(entries, 'chart-legend'), notes, table });
  if (!spec.image.src.startsWith('/') || spec.image.src.startsWith('//')) throw new RangeError('image.src must be a same-origin path');
  const img =
    `<img class="chart-svg" src="${escapeText(spec.image.src)}" width="${world.width}" height="${world.height}"` +
    ` alt="${escapeText(`${spec.title}. ${spec.description}`)}">`;
  const html = figure(spec, 'map', {
    svg: img,
    key: key(entries, 'chart-legend'),
    notes,
    table: spec.image.withoutTable ? '' : table,
  }).html;
  return { html, svg };
}

function countByClass(areas: readonly MapArea[], classIndex: (a: MapArea) => number, classing: Classification): number[] {
  const counts = classing.classes.map(() => 0);
  for (const a of areas) {
    const k = classIndex(a);
    if (k >= 0) counts[k]! += 1;
  }
  return counts;
}
