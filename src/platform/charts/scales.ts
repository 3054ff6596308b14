/**
 * Scales and ticks for every chart, on d3-scale. Values get "nice" round ticks and a domain
 * that always holds the data (a caller's domain is widened, never used to cut data off) and
 * zero when all values are of one sign, so bar lengths and line heights are honest. Years get
 * whole-number ticks only.
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';

export interface Axis {
  readonly scale: ScaleLinear<number, number>;
  readonly ticks: number[];
}

/**
 * A value axis from `values` onto [rangeStart, rangeEnd], with about `tickCount` ticks.
 * `wanted` (e.g. [0, 100] for a share) is widened to hold every value.
 * @example valueAxis([3, 47], [180, 20], 4).ticks // [0, 10, 20, 30, 40, 50]
 */
export function valueAxis(
  values: readonly number[],
  range: readonly [number, number],
  tickCount: number,
  wanted?: readonly [number, number],
): Axis {
  let low = Math.min(0, ...values, ...(wanted ? [wanted[0]] : []));
  let high = Math.max(0, ...values, ...(wanted ? [wanted[1]] : []));
  if (low === high) high = low + 1; // all zeros: still a readable axis
  const scale = scaleLinear().domain([low, high]).range(range).nice(tickCount);
  [low, high] = scale.domain() as [number, number];
  return { scale, ticks: scale.ticks(tickCount) };
}

/**
 * A year axis: the span of `years` onto the range, with whole-year ticks at most `maxTicks`.
 * A single year is centred with a year of room either side.
 * @example yearAxis([2000, 2024], [40, 300], 5).ticks // [2000, 2005, 2010, 2015, 2020]
 */
export function yearAxis(years: readonly number[], range: readonly [number, number], maxTicks: number): Axis {
  if (years.length === 0) throw new RangeError('a year axis needs at least one year');
  for (const year of years) {
    if (!Number.isInteger(year)) throw new RangeError(`years must be whole numbers, got ${year}`);
  }
  let first = Math.min(...years);
  let last = Math.max(...years);
  if (first === last) [first, last] = [first - 1, last + 1];
  const scale = scaleLinear().domain([first, last]).range(range);
  let ticks = scale.ticks(Math.max(2, maxTicks)).filter(Number.isInteger);
  // d3 may offer more ticks than asked for; thin them to every n-th so labels never collide.
  const every = Math.ceil(ticks.length / Math.max(2, maxTicks));
  if (every > 1) ticks = ticks.filter((_, i) => i % every === 0);
  return { scale, ticks };
}
