/**
 * The measurement behind the gap method of every aggregate (docs/methods.md, "Gaps"): on the real
 * internet-use series (ict_country_year.csv, 213 countries, 2000–2024) every reported value is
 * hidden in turn and predicted by each method. The policy in aggregate.ts must be the method with
 * the lowest error for each kind of gap over the gap lengths it is used for (1–2 years), and its
 * error must not grow past what was measured when it was chosen.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GAP_POLICY, DEFAULT_GAP_WINDOW_YEARS } from './aggregate.js';
import { evaluateGapMethods, type MethodError } from './gap-evaluation.js';
import { GAP_METHODS, type GapKind, type GapMethod } from './gap-fill.js';
import type { YearValue } from './types.js';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
const dataDir = process.env['DCP_DATA_DIR'] ?? path.join(projectRoot, '..', 'shared', 'data');
const readCsv = (name: string) =>
  parse(readFileSync(path.join(dataDir, name), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];

const values = new Map<string, YearValue[]>();
const population = new Map<string, YearValue[]>();
const push = (map: Map<string, YearValue[]>, key: string, year: number, raw: string | undefined) => {
  if (raw) map.set(key, [...(map.get(key) ?? []), { year, value: Number(raw) }]);
};
for (const row of readCsv('ict_country_year.csv')) {
  push(values, row['iso3']!, Number(row['year']), row['internet_users_pct']);
  push(population, row['iso3']!, Number(row['year']), row['population']);
}
const regions = new Map<string, string[]>();
const regionCode = new Map<string, string>();
for (const row of readCsv('un_m49_countries.csv')) {
  const code = row['Intermediate Region Code'] || row['Sub-region Code'];
  const iso3 = row['ISO-alpha3 Code'];
  if (!code || !iso3) continue;
  regionCode.set(iso3, code);
  regions.set(code, [...(regions.get(code) ?? []), iso3]);
}
const regionOf = new Map([...regionCode].map(([iso3, code]) => [iso3, regions.get(code)!]));

const errors = evaluateGapMethods({ values, population, regionOf, bounds: { min: 0, max: 100 }, fromYear: 2000, toYear: 2024, maxGap: 3 });

/** Mean absolute error (points) of the chosen method per kind and gap length, as measured on the March 2026 files. */
const MEASURED: Record<GapKind, readonly number[]> = {
  interior: [1.06, 1.36, 1.64],
  trailing: [2.01, 3.59, 5.13],
  leading: [2.05, 3.68, 5.21],
};

function find(kind: GapKind, gap: number, method: GapMethod): MethodError {
  return errors.find((e) => e.kind === kind && e.gap === gap && e.method === method)!;
}

/**
 * n-weighted mean absolute error of a method over the gap lengths the aggregates use: up to the
 * window after the last or before the first reported year; inside a series, a run of missing years
 * with reported years at most the window away on both sides (up to 2 × window − 1 years).
 */
function errorWithinWindow(kind: GapKind, method: GapMethod): number {
  const longest = kind === 'interior' ? 2 * DEFAULT_GAP_WINDOW_YEARS - 1 : DEFAULT_GAP_WINDOW_YEARS;
  const rows = errors.filter((e) => e.kind === kind && e.method === method && e.gap <= longest);
  return rows.reduce((sum, e) => sum + e.meanAbsError * e.n, 0) / rows.reduce((sum, e) => sum + e.n, 0);
}

describe('gap methods measured on real internet-use series (hold-out of every reported value)', () => {
  it('measures every method for every kind of gap and length 1–3 on thousands of hidden values', () => {
    const lines = [
      '| gap | length | n | nearest | interpolation | own trend | region trend |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ];
    for (const kind of ['interior', 'trailing', 'leading'] as const) {
      for (let gap = 1; gap <= 3; gap++) {
        const cells = GAP_METHODS.map((m) => {
          const e = find(kind, gap, m);
          return `${e.meanAbsError.toFixed(2)} (${e.bias >= 0 ? '+' : ''}${e.bias.toFixed(2)})`;
        });
        lines.push(`| ${kind} | ${gap} | ${find(kind, gap, 'nearest').n} | ${cells.join(' | ')} |`);
      }
    }
    console.log(`Mean absolute error in points (mean signed error in brackets):\n${lines.join('\n')}`);
    for (const e of errors) expect(e.n, `${e.kind} ${e.gap}`).toBeGreaterThan(3000);
  });

  it.each(['interior', 'trailing', 'leading'] as const)('uses for %s gaps the method with the lowest error within the window', (kind) => {
    const chosen = DEFAULT_GAP_POLICY[kind];
    for (const method of GAP_METHODS)
      expect(errorWithinWindow(kind, chosen), `${chosen} vs ${method}`).toBeLessThanOrEqual(errorWithinWindow(kind, method));
  });

  it.each(['interior', 'trailing', 'leading'] as const)('keeps the error of the chosen method for %s gaps at what was measured', (kind) => {
    MEASURED[kind].forEach((bound, i) => {
      const e = find(kind, i + 1, DEFAULT_GAP_POLICY[kind]);
      expect(e.meanAbsError, `${kind} gap ${i + 1}`).toBeLessThanOrEqual(bound + 0.05);
    });
  });

  it('shows why the last value is no longer carried forward: it underestimates growing series by points', () => {
    expect(find('trailing', 2, 'nearest').bias).toBeLessThan(-5);
    expect(Math.abs(find('trailing', 2, DEFAULT_GAP_POLICY.trailing).bias)).toBeLessThan(1);
  });
});
