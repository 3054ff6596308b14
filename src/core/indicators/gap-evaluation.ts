/**
 * Chooses the gap method by measurement: every reported country-year is hidden in turn, with the
 * years around it, and predicted from what is left by each method (gap-fill.ts); the error per
 * method, kind of gap and gap length is what docs/methods.md reports and what the choice rests on.
 *
 * - Trailing gap of length g: only the member's values up to year − g remain (its latest g years
 *   not reported yet — the usual case for the latest year of an aggregate).
 * - Interior gap of length g: the member's values from year − k₁ + 1 to year + k₂ − 1 are hidden,
 *   with values at year − k₁ and year + k₂ (k₁ + k₂ − 1 = g, k₁, k₂ ≥ 1).
 * - Leading gap of length g: only values from year + g on remain.
 * The other members keep all their values, so `region-trend` sees the region's actual change; in
 * a real latest year fewer members have reported, which makes that method look somewhat better
 * here than it is (docs/methods.md says so).
 */
import { estimateGap, GAP_METHODS, regionChange, type GapKind, type GapMethod, type YearIndex } from './gap-fill.js';
import type { NaturalBounds, YearValue } from './types.js';

export interface HoldOutInput {
  readonly values: ReadonlyMap<string, readonly YearValue[]>;
  readonly population: ReadonlyMap<string, readonly YearValue[]>;
  /** Each member's region (its peers for region-trend), by member code. */
  readonly regionOf: ReadonlyMap<string, readonly string[]>;
  readonly bounds: NaturalBounds;
  /** Years whose reported values are hidden and predicted (inclusive). */
  readonly fromYear: number;
  readonly toYear: number;
  /** Longest gap measured (years). */
  readonly maxGap: number;
}

export interface MethodError {
  readonly kind: GapKind;
  readonly gap: number;
  readonly method: GapMethod;
  /** Predictions made (a method that cannot estimate falls back to nearest, so n is the same for every method). */
  readonly n: number;
  /** Mean absolute error, in the indicator's unit. */
  readonly meanAbsError: number;
  /** Mean signed error (prediction − reported): below 0 means the method underestimates. */
  readonly bias: number;
}

function index(series: readonly YearValue[] | undefined): Map<number, number> {
  const map = new Map<number, number>();
  for (const p of series ?? []) if (Number.isFinite(p.value)) map.set(p.year, p.value);
  return map;
}

/** The hidden-year layouts of one gap kind and length: [years kept before, years kept after] offsets. */
function layouts(kind: GapKind, gap: number): { keep: (y: number, year: number) => boolean; needs: number[] }[] {
  if (kind === 'trailing') return [{ keep: (y, year) => y <= year - gap, needs: [-gap] }];
  if (kind === 'leading') return [{ keep: (y, year) => y >= year + gap, needs: [gap] }];
  const result = [];
  for (let k1 = 1; k1 <= gap; k1++) {
    const k2 = gap + 1 - k1;
    result.push({ keep: (y: number, year: number) => y <= year - k1 || y >= year + k2, needs: [-k1, k2] });
  }
  return result;
}

/**
 * Error of every method for every kind of gap and gap length 1…maxGap.
 * @example evaluateGapMethods({ values, population, regionOf, bounds: { min: 0, max: 100 }, fromYear: 2000, toYear: 2024, maxGap: 3 })
 */
export function evaluateGapMethods(input: HoldOutInput): MethodError[] {
  const values = new Map([...input.values].map(([m, s]) => [m, index(s)] as const));
  const population = new Map([...input.population].map(([m, s]) => [m, index(s)] as const));
  const changes = new Map<readonly string[], ReturnType<typeof regionChange>>();
  const changeOf = (member: string) => {
    const region = input.regionOf.get(member);
    if (!region) return undefined;
    let change = changes.get(region);
    if (!change) changes.set(region, (change = regionChange(region, values, population)));
    return (from: number, to: number) => change(member, from, to);
  };
  const results: MethodError[] = [];
  for (const kind of ['trailing', 'interior', 'leading'] as const) {
    for (let gap = 1; gap <= input.maxGap; gap++) {
      const totals = new Map(GAP_METHODS.map((m) => [m, { n: 0, abs: 0, signed: 0 }]));
      for (const [member, series] of values) {
        const regionChangeOf = changeOf(member);
        for (const [year, actual] of series) {
          if (year < input.fromYear || year > input.toYear) continue;
          for (const layout of layouts(kind, gap)) {
            if (!layout.needs.every((offset) => series.has(year + offset))) continue;
            const kept: YearIndex = new Map([...series].filter(([y]) => layout.keep(y, year)));
            const window = Math.max(...layout.needs.map(Math.abs));
            const ctx = { window, bounds: input.bounds, ...(regionChangeOf ? { regionChange: regionChangeOf } : {}) };
            const fallback = estimateGap('nearest', kept, year, ctx);
            if (fallback === null) continue;
            for (const method of GAP_METHODS) {
              const estimate = estimateGap(method, kept, year, ctx) ?? fallback;
              const t = totals.get(method)!;
              t.n += 1;
              t.abs += Math.abs(estimate.value - actual);
              t.signed += estimate.value - actual;
            }
          }
        }
      }
      for (const [method, t] of totals) {
        if (t.n > 0) results.push({ kind, gap, method, n: t.n, meanAbsError: t.abs / t.n, bias: t.signed / t.n });
      }
    }
  }
  return results;
}
