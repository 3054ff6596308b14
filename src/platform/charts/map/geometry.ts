/**
 * The world map's outlines, built once per process and kept: Natural Earth 1:50m countries
 * from `world-atlas` (1:110m lacks 75 of the 248 M49 areas, most of them small island
 * states), simplified in topology so neighbours keep one shared border, projected with Equal
 * Earth (an equal-area projection: a choropleth compares areas, so sizes must not lie) and
 * encoded as compact relative path data. Nothing here depends on the data being mapped, so
 * rendering a map is only string assembly.
 *
 * Choices, measured (scripts/measure-charts.ts prints the figures):
 * - Antarctica (010) is left out: no indicator covers it and it would take a fifth of the height.
 * - Visvalingam weight `SIMPLIFY_WEIGHT` (steradians; about half a square unit of the view box)
 *   and rings under `MIN_RING_AREA` dropped; whole-unit coordinates on a 640-unit-wide view
 *   box (half a unit of error: under a pixel up to 1280 px wide). Path data for all countries
 *   is then about 13 KB (5 KB gzip); at 1:110m unsimplified it is 74 KB with d3's own output.
 * - Areas smaller than `DOT_AREA` square units after projection (Malta, Singapore, most small
 *   island states) are drawn as a dot at the centre of their largest island instead, so every
 *   area with an outline can be seen and coloured.
 * - Two outlines without an ISO code are joined to the member state the United Nations
 *   recognises them part of (Somaliland → Somalia, Northern Cyprus → Cyprus). Outlines with no
 *   M49 code of their own (Kosovo, Taiwan, Siachen) are drawn as neutral land; the UN map
 *   disclaimer goes under every map.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoArea, geoCentroid, geoEqualEarth, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { feature, mergeArcs } from 'topojson-client';
import { filter, filterWeight, presimplify, simplify, sphericalRingArea, sphericalTriangleArea } from 'topojson-simplify';
import type {
  GeometryCollection,
  GeometryObject,
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
  Topology,
} from 'topojson-specification';
import { pathEncoder } from './path-encoder.js';

export const MAP_WIDTH = 640;
const SIMPLIFY_WEIGHT = 1.5e-4;
const MIN_RING_AREA = 3e-5;
const DOT_AREA = 10;
const ATTACHED: Readonly<Record<string, string>> = { Somaliland: '706', 'N. Cyprus': '196' };

/** One outline of the map. `m49` is null for outlines without a code of their own. */
export interface MapShape {
  readonly m49: string | null;
  /** Relative path data; '' when the area is drawn as a dot instead. */
  readonly d: string;
  /** Centre of the dot that stands for an area too small to see, in view-box units. */
  readonly dot: readonly [number, number] | null;
}

export interface WorldGeometry {
  readonly width: number;
  readonly height: number;
  readonly shapes: readonly MapShape[];
  /** Shapes by M49 code. */
  readonly byCode: ReadonlyMap<string, MapShape>;
}

type Countries = GeometryCollection<{ name: string }>;
type CountryObject = GeometryObject<{ name: string }>;

let cached: WorldGeometry | undefined;

function nameOf(object: { properties?: unknown }): string {
  return (object.properties as { name?: string } | undefined)?.name ?? '';
}

/** The projected world, built on first use and then shared by every map the process draws. */
export function worldGeometry(): WorldGeometry {
  cached ??= buildWorld();
  return cached;
}

function loadTopology(): Topology<{ countries: Countries }> {
  const require = createRequire(import.meta.url);
  const file = require.resolve('world-atlas/countries-50m.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Topology<{ countries: Countries }>;
}

/** Joins the outlines in ATTACHED into their member state and drops Antarctica. */
function prepare(topology: Topology<{ countries: Countries }>): void {
  const geometries = topology.objects.countries.geometries;
  const attach = new Map<string, CountryObject[]>();
  for (const g of geometries) {
    const target = ATTACHED[nameOf(g)];
    if (target) attach.set(target, [...(attach.get(target) ?? []), g]);
  }
  const kept: CountryObject[] = [];
  for (const g of geometries) {
    if (g.id === '010' || ATTACHED[nameOf(g)]) continue;
    const extra = attach.get(String(g.id));
    if (extra && (g.type === 'Polygon' || g.type === 'MultiPolygon')) {
      const parts = [g, ...extra] as (TopoPolygon | TopoMultiPolygon)[];
      const merged = mergeArcs(topology, parts);
      kept.push({ ...merged, id: g.id, properties: g.properties } as CountryObject);
    } else kept.push(g);
  }
  topology.objects.countries.geometries = kept;
}

function buildWorld(): WorldGeometry {
  const original = loadTopology();
  prepare(original);
  const full = feature(original, original.objects.countries) as FeatureCollection<Geometry, { name: string }>;

  let topology = presimplify(original as unknown as Parameters<typeof presimplify>[0], sphericalTriangleArea);
  topology = filter(
    topology,
    filterWeight(topology, MIN_RING_AREA, (ring) => sphericalRingArea(ring, false)),
  );
  topology = simplify(topology, SIMPLIFY_WEIGHT);
  // Filtering drops areas whose every ring is tiny, so match the simplified outlines by name, not position.
  const simple = new Map(
    (feature(topology, topology.objects['countries'] as Countries) as FeatureCollection<Geometry, { name: string }>).features.map((f) => [
      nameOf(f),
      f,
    ]),
  );

  const projection = geoEqualEarth().fitWidth(MAP_WIDTH, full);
  const measure = geoPath(projection);
  const encoder = pathEncoder(1);
  const draw = geoPath(projection, encoder);

  const shapes: MapShape[] = full.features.map((whole) => {
    const simplified = simple.get(nameOf(whole));
    if (simplified) draw(simplified);
    const d = encoder.take();
    const id = whole.id;
    const m49 = typeof id === 'string' && /^\d{3}$/.test(id) ? id : null;
    // A dot hides an outline this small anyway, so the outline's bytes are saved.
    const dot = measure.area(whole) < DOT_AREA || d === '' ? dotOf(whole, projection) : null;
    return { m49, d: dot ? '' : d, dot };
  });
  const [[, y0], [, y1]] = measure.bounds(full);
  return {
    width: MAP_WIDTH,
    height: Math.ceil(y1 - Math.min(0, y0)) + 1,
    shapes,
    byCode: new Map(shapes.filter((s) => s.m49 !== null).map((s) => [s.m49!, s])),
  };
}

/** The centre of an area's largest polygon, projected (an archipelago's dot sits on its main island). */
function dotOf(whole: Feature<Geometry>, projection: ReturnType<typeof geoEqualEarth>): [number, number] | null {
  const g = whole.geometry;
  let polygon: Polygon | null = null;
  if (g.type === 'Polygon') polygon = g;
  else if (g.type === 'MultiPolygon') {
    const polygons = (g as MultiPolygon).coordinates.map((coordinates): Polygon => ({ type: 'Polygon', coordinates }));
    polygon = polygons.reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a));
  }
  if (!polygon) return null;
  const point = projection(geoCentroid(polygon));
  return point ? [Math.round(point[0]), Math.round(point[1])] : null;
}
