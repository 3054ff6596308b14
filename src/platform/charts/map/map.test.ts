/**
 * The world map: outlines built once, every M49 area either drawn or named as not drawn,
 * classes that agree with the profile's ITU bands and with the printed legend, and a map
 * small enough for the page budget.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { geoEqualEarth, geoPath } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { bandForScore } from '../../../core/indicators/index.js';
import { loadConfig } from '../../../config/config.js';
import { mapAreas } from '../../../../test/support/chart-data.js';
import { parseMarkup, select, textOf } from '../../../../test/support/markup.js';
import { choroplethMap, joinAreas, type ChoroplethSpec } from './choropleth.js';
import { classify } from './classify.js';
import { worldGeometry } from './geometry.js';
import { pathEncoder } from './path-encoder.js';

const areas = mapAreas('en', 'internet_users_pct', 2022);
const spec = (over: Partial<ChoroplethSpec> = {}): ChoroplethSpec => ({
  lang: 'en',
  id: 'map',
  title: 'Internet use, 2022',
  description: 'By country.',
  valueLabel: '% of population',
  nameLabel: 'Country or area',
  decimals: 1,
  classes: { kind: 'target-bands', target: 100 },
  areas,
  ...over,
});

/** Absolute points of relative path data, for checking the encoder. */
function decode(d: string): [number, number][][] {
  const rings: [number, number][][] = [];
  let pen: [number, number] = [0, 0];
  let start: [number, number] = [0, 0];
  for (const [, cmd, args] of d.matchAll(/([MmLlz])([^MmLlz]*)/g)) {
    const nums = (args!.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
    if (cmd === 'z') {
      pen = start;
      continue;
    }
    for (let i = 0; i < nums.length; i += 2) {
      const relative = cmd === 'm' || cmd === 'l';
      pen = relative ? [pen[0] + nums[i]!, pen[1] + nums[i + 1]!] : [nums[i]!, nums[i + 1]!];
      if (i === 0 && (cmd === 'M' || cmd === 'm')) {
        start = pen;
        rings.push([pen]);
      } else rings.at(-1)!.push(pen);
    }
  }
  return rings;
}

describe('path encoder', () => {
  it('writes relative whole-unit steps that decode to the rounded points, dropping repeats', () => {
    const e = pathEncoder(1);
    e.moveTo(10.2, 20.4);
    e.lineTo(13.4, 18.6);
    e.lineTo(13.4, 18.6);
    e.lineTo(11, 25);
    e.closePath();
    e.moveTo(30, 30);
    e.lineTo(32, 30);
    e.lineTo(31, 33);
    e.closePath();
    const d = e.take();
    expect(d).toBe('M10 20l3-1-2 6zm20 10l2 0-1 3z');
    expect(decode(d)).toEqual([
      [
        [10, 20],
        [13, 19],
        [11, 25],
      ],
      [
        [30, 30],
        [32, 30],
        [31, 33],
      ],
    ]);
    expect(e.take()).toBe('');
  });
  it('leaves out rings that snap to fewer than three points', () => {
    const e = pathEncoder(1);
    e.moveTo(1.1, 1.1);
    e.lineTo(1.2, 1.3);
    e.lineTo(0.9, 1.2);
    e.closePath();
    expect(e.take()).toBe('');
  });
  it('does not drift: a long border decodes to the same points as d3 rounds them', () => {
    const projection = geoEqualEarth().fitWidth(640, { type: 'Sphere' });
    const e = pathEncoder(1);
    const ring = Array.from({ length: 200 }, (_, i) => [-170 + i * 1.7, 10 + Math.sin(i / 5) * 8] as [number, number]);
    geoPath(projection, e)({ type: 'LineString', coordinates: ring });
    const decoded = decode(e.take())[0]!;
    const expected = ring.map((p) => projection(p)!.map(Math.round));
    expect(decoded.at(-1)).toEqual(expected.at(-1));
  });
});

describe('world geometry', () => {
  it('is built once per process and shared', () => {
    expect(worldGeometry()).toBe(worldGeometry());
    const world = worldGeometry();
    expect(world.width).toBe(640);
    expect(world.height).toBeGreaterThan(250);
    expect(world.height).toBeLessThan(340);
  });
  it('has path data of nothing but relative commands and whole numbers', () => {
    for (const shape of worldGeometry().shapes) expect(shape.d).toMatch(/^([Mm]-?\d+[ -]\d+l-?\d+([ -]\d+)*z)*$/);
  });
  it('joins Somaliland into Somalia and Northern Cyprus into Cyprus, and leaves Antarctica out', () => {
    const world = worldGeometry();
    expect(world.byCode.has('706')).toBe(true);
    expect(world.byCode.has('196')).toBe(true);
    expect(world.byCode.has('010')).toBe(false);
    expect(world.shapes.filter((s) => s.m49 === null).length).toBeLessThanOrEqual(4); // Kosovo, Siachen, Indian Ocean Ter.
  });
});

describe('joining areas to outlines', () => {
  it('accounts for every one of the 248 M49 areas: drawn, or named as not drawn', () => {
    const dir = loadConfig({}).dataDir!;
    const m49 = readFileSync(path.join(dir, 'un_m49_countries.csv'), 'utf8').trim().split('\n').length - 1;
    expect(areas).toHaveLength(m49);
    const join = joinAreas(areas, worldGeometry());
    expect(join.drawn.length + join.notOnMap.length).toBe(m49);
    expect(join.drawn.map((d) => d.area.m49)).toContain('404');
    const malta = join.drawn.find((d) => d.area.m49 === '470');
    expect(malta?.shape.dot).not.toBeNull(); // too small for an outline: a dot
    expect(join.notOnMap.map((a) => a.m49)).toContain('798'); // Tuvalu has no outline at 1:50m
    expect(join.notOnMap.map((a) => a.m49)).toContain('010');
    expect(join.notOnMap.length).toBeLessThan(20);
  });
  it('draws outlines no area claims (Taiwan, Kosovo) as neutral land', () => {
    const join = joinAreas(areas, worldGeometry());
    expect(join.unclaimed.some((s) => s.m49 === '158')).toBe(true);
    expect(join.unclaimed.every((s) => s.m49 === null || !areas.some((a) => a.m49 === s.m49))).toBe(true);
  });
  it('refuses a malformed or repeated code and a value that is not a number', () => {
    const world = worldGeometry();
    expect(() => joinAreas([{ m49: '44', name: 'x', value: 1 }], world)).toThrow(/three digits/);
    expect(() => joinAreas([{ m49: 'KEN', name: 'Kenya', value: 1 }], world)).toThrow(/three digits/);
    expect(() =>
      joinAreas(
        [
          { m49: '404', name: 'Kenya', value: 1 },
          { m49: '404', name: 'Kenya', value: 2 },
        ],
        world,
      ),
    ).toThrow(/twice/);
    expect(() => joinAreas([{ m49: '404', name: 'Kenya', value: Number.NaN }], world)).toThrow(/finite/);
  });
});

describe('classes', () => {
  it('uses the profile’s ITU bands for an at-least target, at every edge', () => {
    const bands = classify({ kind: 'target-bands', target: 100 }, [], 'en', 1);
    const order = ['limited', 'satisfactory', 'advanced', 'target-met'];
    for (const v of [0, 49.9, 50, 74.99, 75, 94.9, 95, 100, 130]) expect(order[bands.classOf(v)]).toBe(bandForScore(v));
    expect(bands.classes.map((c) => c.label)).toEqual([
      'limited: below 50',
      'satisfactory: 50 to under 75',
      'advanced: 75 to under 95',
      'target met: 95 or more',
    ]);
    expect(classify({ kind: 'target-bands', target: 70 }, [], 'en', 1).classes[0]!.label).toBe('limited: below 35');
  });
  it('makes quantile classes whose printed edges and colours agree', () => {
    const values = areas.filter((a) => a.value !== null).map((a) => a.value!);
    const q = classify({ kind: 'quantiles', count: 4 }, values, 'en', 1);
    expect(q.classes).toHaveLength(4);
    const edges = q.classes.slice(1).map((c) => Number(/^([\d.]+)/.exec(c.label)![1]));
    for (const [i, edge] of edges.entries()) {
      expect(q.classOf(edge)).toBe(i + 1);
      expect(q.classOf(edge - 0.1)).toBe(i);
    }
    const counts = [0, 0, 0, 0];
    for (const v of values) counts[q.classOf(v)]! += 1;
    for (const c of counts) expect(c).toBeGreaterThan(values.length / 8);
  });
  it('does not invent empty classes when values repeat', () => {
    const q = classify({ kind: 'quantiles', count: 5 }, [1, 1, 1, 1, 2], 'en', 0);
    expect(q.classes.length).toBeLessThanOrEqual(2);
    expect(q.classOf(1)).toBe(0);
  });
});

describe('choropleth map', () => {
  const chart = choroplethMap(spec());
  const figure = parseMarkup(chart.html.toString());
  const svg = select(figure, 'svg')[0]!;

  it('names every drawn area with its value, and draws "no data" with the hatch pattern', () => {
    const join = joinAreas(areas, worldGeometry());
    const titles = [...select(svg, 'path'), ...select(svg, 'circle')].flatMap((e) => select(e, 'title')).map(textOf);
    expect(titles).toHaveLength(join.drawn.length);
    const kenya = areas.find((a) => a.m49 === '404')!;
    expect(titles).toContain(`Kenya: ${kenya.value === null ? 'no data' : kenya.value.toFixed(1)}`);
    const noData = select(svg, 'g', 'nd');
    expect(noData.length).toBeGreaterThan(0);
    expect(noData.every((g) => g.attrs['fill'] === 'url(#map-nd)')).toBe(true);
    expect(select(svg, 'pattern')[0]!.attrs['id']).toBe('map-nd');
  });

  it('colours each area by its band', () => {
    const group = (m49: string) => {
      const name = areas.find((a) => a.m49 === m49)!.name;
      return select(svg, 'g').find((g) => g.children.some((c) => select(c, 'title').some((t) => textOf(t).startsWith(`${name}:`))))!;
    };
    const korea = areas.find((a) => a.m49 === '410')!;
    expect(bandForScore(korea.value!)).toBe('target-met');
    expect(group('410').attrs['class']).toBe('k4');
    const chad = areas.find((a) => a.m49 === '148')!;
    expect(bandForScore(chad.value!)).toBe('limited');
    expect(group('148').attrs['class']).toBe('k0');
  });

  it('has a legend with counts that add up to every area, the not-drawn list and the UN disclaimer', () => {
    const legend = select(figure, 'ul', 'chart-legend')[0]!.children.map(textOf);
    expect(legend).toHaveLength(5);
    const total = legend.map((l) => Number(/\((\d+) areas\)/.exec(l)![1])).reduce((a, b) => a + b, 0);
    expect(total).toBe(areas.length);
    const notes = select(figure, 'p', 'chart-note').map(textOf);
    expect(notes[0]).toMatch(/^Not drawn on this map, listed in the table only: .*Antarctica/);
    expect(notes[1]).toMatch(/do not imply official endorsement or acceptance by the United Nations/);
    expect(select(select(figure, 'tbody')[0]!, 'tr')).toHaveLength(areas.length);
  });

  it('escapes area names', () => {
    const evil = areas.map((a) => (a.m49 === '404' ? { ...a, name: '<script>x</script>' } : a));
    const html = choroplethMap(spec({ areas: evil })).html.toString();
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
  });

  it('stays within a few tens of kilobytes, well inside the first-response budget compressed', () => {
    expect(chart.svg.length).toBeLessThan(35_000);
    expect(gzipSync(chart.svg).length).toBeLessThan(10_000);
  });

  it('classes by quantiles when the indicator has no target', () => {
    const gni = mapAreas('en', 'gni_per_capita_atlas_usd', 2022);
    const q = parseMarkup(
      choroplethMap(spec({ areas: gni, classes: { kind: 'quantiles' }, decimals: 0, valueLabel: 'US$' })).html.toString(),
    );
    expect(select(q, 'ul', 'chart-legend')[0]!.children.length).toBe(6); // five classes and no data
  });
});
