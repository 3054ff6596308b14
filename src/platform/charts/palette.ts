/**
 * The charts' colours, dash patterns and markers, and the contrast arithmetic that proves them.
 *
 * Rules (WCAG 2.1 SC 1.4.11 non-text contrast, SC 1.4.1 use of colour):
 * - every series colour and every map class reaches at least 3:1 against the page background
 *   (white), checked by `contrastRatio` in palette.test.ts;
 * - colour never carries meaning alone: each series also has its own dash pattern and marker
 *   shape (no two series share the pair) and a direct label; map classes are ordered by
 *   lightness (they read in greyscale print) and named in a legend and the data table; "no data"
 *   is a hatch pattern, not a colour.
 * The colours themselves live in the charts section of src/web/static/app.css as classes (`.s0`…`.s9`, `.k0`…`.k4`); these
 * constants are the single source the CSS is tested against.
 */

export const BACKGROUND = '#ffffff';

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'triangle-down';

export interface SeriesStyle {
  readonly colour: string;
  /** SVG stroke-dasharray, or null for a solid line. */
  readonly dash: string | null;
  readonly marker: MarkerShape;
}

const DASHES = [null, '6 3', '2 2', '8 3 2 3', '4 2'] as const;
const SHAPES: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'diamond', 'triangle-down'];
const COLOURS = ['#005a9c', '#b35900', '#2e7d32', '#8e24aa', '#c62828', '#00796b', '#5d4037', '#ad1457', '#4e5ba6', '#6b6b00'];

/** Ten series styles; series i gets style i. The first is the platform's brand blue, solid, with circles. */
export const SERIES_STYLES: readonly SeriesStyle[] = COLOURS.map((colour, i) => ({
  colour,
  dash: DASHES[i % 5]!,
  // The second five shift the shapes by two, so every (dash, marker) pair stays unique.
  marker: SHAPES[(i < 5 ? i : i - 5 + 2) % 5]!,
}));

export const MAX_SERIES = SERIES_STYLES.length;

/**
 * Map classes from lowest to highest, each darker than the one before (relative luminance
 * 0.29 → 0.02, about 1.5:1 between neighbours) and every one ≥ 3:1 against white.
 */
export const MAP_RAMP = ['#b28f09', '#34834f', '#156173', '#293a85', '#39145a'] as const;

/** Stroke of the "no data" hatch (and the outline of areas without data). */
export const NO_DATA_INK = '#6e6e6e';

/** Land the chart does not report on (outlines without an M49 code): decorative, carries no value. */
export const NEUTRAL_LAND = '#e3e6e9';

/**
 * Which ramp steps `count` ordered classes use: spread evenly so neighbours stay far apart.
 * @example rampIndexes(4) // [0, 1, 2, 4]
 */
export function rampIndexes(count: number): number[] {
  if (!Number.isInteger(count) || count < 1 || count > MAP_RAMP.length) {
    throw new RangeError(`a map has 1 to ${MAP_RAMP.length} classes, got ${count}`);
  }
  if (count === 1) return [MAP_RAMP.length - 1];
  // Floor, not round: four classes take 0, 1, 2, 4, keeping the two darkest classes apart.
  return Array.from({ length: count }, (_, i) => Math.floor((i * (MAP_RAMP.length - 1)) / (count - 1)));
}

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new RangeError(`expected #rrggbb, got ${hex}`);
  const [r, g, b] = match.slice(1).map((part) => {
    const c = parseInt(part, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * WCAG contrast ratio of two colours, from 1 to 21.
 * @example contrastRatio('#000000', '#ffffff') // 21
 */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].toSorted((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
