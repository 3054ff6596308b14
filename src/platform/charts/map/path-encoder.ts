/**
 * A d3-geo path context that writes the shortest SVG path data a world map needs: coordinates
 * snapped to a grid of `1 / precision` user units, every point relative to the one before
 * (`l3-2 1 0` instead of `L412.3,187.6L413.3,187.6`), repeated points dropped, and rings that
 * snap to fewer than three distinct points left out (they would draw nothing). Deltas are taken
 * between snapped absolute positions, so rounding never accumulates along a border.
 */

function num(value: number, precision: number): string {
  const v = Math.round(value) / precision;
  return String(Object.is(v, -0) ? 0 : v);
}

/** Joins numbers the way SVG path data allows: a minus sign separates on its own. */
function joinNumbers(parts: readonly string[]): string {
  let out = '';
  for (const p of parts) out += out === '' || p.startsWith('-') ? p : ` ${p}`;
  return out;
}

export interface PathEncoder {
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  arc(): void;
  /** The path data of everything drawn since the last call, and a reset. */
  take(): string;
}

/** @example const e = pathEncoder(1); geoPath(projection, e)(feature); e.take() // 'M12 30l3-2 1 0z' */
export function pathEncoder(precision = 1): PathEncoder {
  let out = '';
  let ring: [number, number][] = [];
  let closed = false;
  // The pen's position in grid units, as the SVG renderer will see it.
  let pen: [number, number] | null = null;

  const flush = () => {
    const points = ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1]![0] || p[1] !== ring[i - 1]![1]);
    if (closed && points.length > 1 && points[0]![0] === points.at(-1)![0] && points[0]![1] === points.at(-1)![1]) points.pop();
    ring = [];
    const drawable = closed ? points.length >= 3 : points.length >= 2;
    if (!drawable) return;
    const [x0, y0] = points[0]!;
    out += pen
      ? `m${joinNumbers([num(x0 - pen[0], precision), num(y0 - pen[1], precision)])}`
      : `M${joinNumbers([num(x0, precision), num(y0, precision)])}`;
    const deltas: string[] = [];
    let [px, py] = [x0, y0];
    for (const [x, y] of points.slice(1)) {
      deltas.push(num(x - px, precision), num(y - py, precision));
      [px, py] = [x, y];
    }
    out += `l${joinNumbers(deltas)}`;
    if (closed) {
      out += 'z';
      pen = [x0, y0];
    } else pen = [px, py];
  };

  return {
    beginPath() {},
    moveTo(x, y) {
      if (ring.length > 0) flush();
      closed = false;
      ring = [[Math.round(x * precision), Math.round(y * precision)]];
    },
    lineTo(x, y) {
      ring.push([Math.round(x * precision), Math.round(y * precision)]);
    },
    closePath() {
      closed = true;
      flush();
      closed = false;
    },
    arc() {
      throw new Error('the map encoder draws polygons only (no point radius)');
    },
    take() {
      if (ring.length > 0) flush();
      const d = out;
      out = '';
      pen = null;
      return d;
    },
  };
}
