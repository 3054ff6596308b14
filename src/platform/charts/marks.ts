/**
 * The marks line charts share: per-series markers (filled for reported values, hollow for
 * estimates) defined once per chart as SVG <marker>s, so a point costs no element of its own,
 * and the key's swatches drawn with the same markers.
 */
import { SERIES_STYLES, type MarkerShape } from './palette.js';

const SHAPE: Record<MarkerShape, string> = {
  circle: '<circle r="2.6" class="mk"/>',
  square: '<path class="mk" d="M-2.3-2.3h4.6v4.6h-4.6z"/>',
  triangle: '<path class="mk" d="M0-3.1 2.8 2H-2.8z"/>',
  diamond: '<path class="mk" d="M0-3.2 3.2 0 0 3.2-3.2 0z"/>',
  'triangle-down': '<path class="mk" d="M0 3.1 2.8-2H-2.8z"/>',
};

/** Id of series `i`'s marker; `estimate` for the hollow one. */
export function markerId(chartId: string, i: number, estimate: boolean): string {
  return `${chartId}-${estimate ? 'e' : 'm'}${i}`;
}

/** The <marker> for series `i`: its shape, filled, or hollow for estimates. */
export function markerDef(chartId: string, i: number, estimate: boolean): string {
  const shape = SHAPE[SERIES_STYLES[i]!.marker];
  const body = estimate ? shape.replace('class="mk"', 'class="mk est"') : shape;
  return `<marker id="${markerId(chartId, i, estimate)}" class="s${i}" markerUnits="userSpaceOnUse" overflow="visible">${body}</marker>`;
}

/** The three marker attributes that put a marker on every vertex of a path. */
export function markerAttributes(chartId: string, i: number, estimate: boolean): string {
  const url = `url(#${markerId(chartId, i, estimate)})`;
  return ` marker-start="${url}" marker-mid="${url}" marker-end="${url}"`;
}

/** A key swatch for series `i`: a stretch of its line with its marker in the middle. */
export function seriesSwatch(chartId: string, i: number, thin = false): string {
  return `<path class="ln s${i}${thin ? ' thin' : ''}" d="M1 6h13h13" marker-mid="url(#${markerId(chartId, i, false)})"/>`;
}

/** The key swatch for "estimate": the first series' hollow marker alone. */
export function estimateSwatch(chartId: string, i: number): string {
  return `<path class="es" d="M14 6h0" marker-start="url(#${markerId(chartId, i, true)})"/>`;
}
