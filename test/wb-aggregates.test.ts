/**
 * Checks our population-weighted internet-use aggregates against the World Bank's own (WDI
 * IT.NET.USER.ZS, Nov 2024 download) for the world, LDCs and the four income groups, on the real
 * files in shared/data, for every year from 2000 where our coverage is at least two thirds.
 *
 * Three comparisons, each isolating one cause of difference:
 * 1. Newer vintage (the platform's data): country values and populations from
 *    ict_country_year.csv (Gapminder's copy of WDI, Mar 2026).
 * 2. Same vintage (control): country values from the same WDI download as the reference
 *    aggregates. Only the method can differ.
 * 3. Same vintage, no gap filling: the World Bank computes its LDC aggregate (and all groups
 *    before 2005) as a population-weighted mean of the members that reported, which is our
 *    method with a window of 0. We reproduce it to 0.01 points, so the weighting is right.
 *
 * Gaps: a member without a value in the year is estimated within ±2 years by the method the hold-out
 * measurement chose (src/core/indicators/gap-evaluation.test.ts): linear interpolation inside its
 * series, its own recent trend after its last reported year. Carrying the last value forward
 * (the method before) flattened growing series: with the same data as the World Bank (control),
 * LIC agrees to 0.34 points on average instead of 0.56 (worst year 1.3 instead of 5.3), UMC to
 * 0.10 instead of 0.14, LDC to 0.10 instead of 0.11.
 *
 * Why some group-years differ by more than 1.5 points (newer vintage; numbers in
 * docs/data/aggregates-vs-world-bank.md):
 * - Vintage revisions between Nov 2024 and Mar 2026 in large countries: China 2023 77.5 → 90.6
 *   (UMC 2023 +5.2; WLD 2023 +3.5, where India, absent in the old vintage, now enters with 55.9
 *   for 2022 and its own trend after it); United States 2020–22 96.6–97.1 → 90.3–92.2 (HIC 2021 −1.5);
 *   India 2022 absent → 55.9 (LMC 2022 +2.5; LMC 2023 +4.0, India's 2023 being its own trend from
 *   the new 2022 value, 47 % of the group's population estimated); Tanzania 2022 31.9 → 22.1,
 *   Zambia 31.2 → 15.0, Ethiopia 2022 dropped (LDC 2022 −1.5, LIC 2022 −2.7).
 * - The World Bank's WLD and income-group series from 2005 on are ITU's published estimates
 *   (rounded to 0.1), which include ITU's own estimates for countries that did not report (India
 *   2021–22, most low-income countries for 2021–23); ours estimate a member only from its own
 *   values, within ±2 years. That explains LIC 2019–23 (the control is within 1.3 of them, the
 *   newer vintage is not: the revisions above are in low-income countries).
 * - Not membership: income groups come from the same WDI metadata as the reference aggregates,
 *   and comparison 3 reproduces the World Bank's LDC figure from the 45 M49 LDCs exactly.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MIN_COVERAGE, aggregatePopulationWeightedSeries, type GroupAggregate } from '../src/core/indicators/aggregate.js';
import type { GapPolicy } from '../src/core/indicators/gap-fill.js';
import type { YearValue } from '../src/core/indicators/types.js';

const projectRoot = fileURLToPath(new URL('../', import.meta.url));
const dataDir = process.env['DCP_DATA_DIR'] ?? path.join(projectRoot, '..', 'shared', 'data');

const FIRST_YEAR = 2000;
const GROUP_CODES = ['WLD', 'LDC', 'HIC', 'UMC', 'LMC', 'LIC'] as const;
type GroupCode = (typeof GROUP_CODES)[number];

function readCsv(name: string): Record<string, string>[] {
  return parse(readFileSync(path.join(dataDir, name), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
}

function addPoint(series: Map<string, YearValue[]>, area: string, year: number, raw: string | undefined): void {
  if (raw === undefined || raw === '') return;
  const points = series.get(area) ?? [];
  points.push({ year, value: Number(raw) });
  series.set(area, points);
}

const ict = readCsv('ict_country_year.csv');
const m49 = readCsv('un_m49_countries.csv');
const wdi = readCsv('wdi_internet_users_incl_aggregates.csv');

const newVintage = new Map<string, YearValue[]>();
const population = new Map<string, YearValue[]>();
for (const row of ict) {
  const year = Number(row['year']);
  addPoint(newVintage, row['iso3'] ?? '', year, row['internet_users_pct']);
  addPoint(population, row['iso3'] ?? '', year, row['population']);
}

const sameVintage = new Map<string, YearValue[]>();
const incomeGroup = new Map<string, string>();
const reference = new Map<string, Map<number, number>>();
for (const row of wdi) {
  const code = row['country_code'] ?? '';
  const year = Number(row['year']);
  if (row['is_aggregate'] === '1') {
    const series = reference.get(code) ?? new Map<number, number>();
    series.set(year, Number(row['internet_users_pct']));
    reference.set(code, series);
  } else {
    addPoint(sameVintage, code, year, row['internet_users_pct']);
    if (row['wb_income_group']) incomeGroup.set(code, row['wb_income_group']);
  }
}

const ictCountries = new Set(ict.map((row) => row['iso3'] ?? ''));
const m49Countries = new Set(m49.map((row) => row['ISO-alpha3 Code'] ?? '').filter((code) => code !== ''));
const incomeMembers = (name: string): string[] => [...incomeGroup].filter(([, group]) => group === name).map(([code]) => code);

const MEMBERS: Record<GroupCode, readonly string[]> = {
  WLD: [...ictCountries].filter((code) => m49Countries.has(code)),
  LDC: m49.filter((row) => row['Least Developed Countries (LDC)'] === 'x').map((row) => row['ISO-alpha3 Code'] ?? ''),
  HIC: incomeMembers('High income'),
  UMC: incomeMembers('Upper middle income'),
  LMC: incomeMembers('Lower middle income'),
  LIC: incomeMembers('Low income'),
};

interface YearDiff {
  readonly year: number;
  readonly ours: number;
  readonly worldBank: number;
  readonly diff: number;
  readonly coverage: number;
}

interface Summary {
  readonly group: GroupCode;
  readonly years: number;
  readonly meanAbsDiff: number;
  readonly maxAbsDiff: number;
  readonly worst: YearDiff;
  readonly diffs: readonly YearDiff[];
}

function compare(group: GroupCode, values: ReadonlyMap<string, readonly YearValue[]>, gapWindowYears = 2, gapPolicy?: GapPolicy): Summary {
  const ours: GroupAggregate[] = aggregatePopulationWeightedSeries(
    { members: MEMBERS[group], values, population },
    { fromYear: FIRST_YEAR, gapWindowYears, bounds: { min: 0, max: 100 }, ...(gapPolicy ? { gapPolicy, maxEstimatedShare: 1 } : {}) },
  );
  const diffs: YearDiff[] = [];
  for (const aggregate of ours) {
    const worldBank = reference.get(group)?.get(aggregate.year);
    if (worldBank === undefined) continue;
    diffs.push({
      year: aggregate.year,
      ours: aggregate.value,
      worldBank,
      diff: aggregate.value - worldBank,
      coverage: aggregate.coverage,
    });
  }
  if (diffs.length === 0) throw new Error(`no year to compare for ${group}`);
  const worst = diffs.reduce((a, b) => (Math.abs(b.diff) > Math.abs(a.diff) ? b : a));
  return {
    group,
    years: diffs.length,
    meanAbsDiff: diffs.reduce((sum, d) => sum + Math.abs(d.diff), 0) / diffs.length,
    maxAbsDiff: Math.abs(worst.diff),
    worst,
    diffs,
  };
}

function printTable(title: string, summaries: readonly Summary[]): void {
  const lines = [
    title,
    '| group | years compared | mean abs diff | max abs diff | worst year: ours vs WB (coverage) |',
    '| --- | ---: | ---: | ---: | --- |',
    ...summaries.map(({ group, years, meanAbsDiff, maxAbsDiff, worst }) =>
      [
        `| ${group} | ${years} | ${meanAbsDiff.toFixed(2)} | ${maxAbsDiff.toFixed(2)} |`,
        ` ${worst.year}: ${worst.ours.toFixed(1)} vs ${worst.worldBank.toFixed(1)} (${worst.coverage.toFixed(2)}) |`,
      ].join(''),
    ),
  ];
  console.log(lines.join('\n'));
}

const mean = (list: readonly Summary[]) => list.reduce((sum, s) => sum + s.meanAbsDiff, 0) / list.length;
const lic = (list: readonly Summary[]) => list.find((s) => s.group === 'LIC')!.meanAbsDiff;

const newer = GROUP_CODES.map((group) => compare(group, newVintage));
const control = GROUP_CODES.map((group) => compare(group, sameVintage));

// Bounds sit just above what the Mar 2026 files give with the measured gap method (mean 0.24–0.41
// for five groups, 0.70 for LIC; control 0.10–0.34): a change to the method or the data that
// worsens agreement noticeably fails here. LIC (newer vintage) gets its own bound because its
// reference values from 2005 are ITU estimates and its members were revised most (see header).
const NEWER_MEAN_BOUND: Record<GroupCode, number> = { WLD: 0.4, LDC: 0.3, HIC: 0.3, UMC: 0.35, LMC: 0.45, LIC: 0.75 };
const CONTROL_MEAN_BOUND: Record<GroupCode, number> = { WLD: 0.35, LDC: 0.15, HIC: 0.15, UMC: 0.15, LMC: 0.35, LIC: 0.4 };
/** The group-years over 1.5 points that the header explains; a new one must be explained too. */
const EXPLAINED_OVER_1_5 = ['WLD 2023', 'HIC 2021', 'UMC 2023', 'LMC 2022', 'LMC 2023', 'LIC 2019', 'LIC 2021', 'LIC 2022', 'LIC 2023'];

describe('population-weighted internet use against World Bank aggregates', () => {
  it('compares every group over at least twenty years, each with coverage of two thirds or more', () => {
    printTable(
      `Internet users (% of population), ${FIRST_YEAR}–2023: ours from ict_country_year.csv (Mar 2026 vintage) vs WDI aggregates (Nov 2024)`,
      newer,
    );
    printTable('Control: ours from the same WDI download as the aggregates', control);
    expect(MEMBERS.LDC).toHaveLength(45);
    for (const summary of [...newer, ...control]) {
      expect(summary.years, summary.group).toBeGreaterThanOrEqual(20);
      for (const d of summary.diffs) expect(d.coverage).toBeGreaterThanOrEqual(DEFAULT_MIN_COVERAGE);
    }
  });

  it.each(GROUP_CODES)('keeps the mean difference for %s within its bound on the newer vintage', (group) => {
    const summary = newer.find((s) => s.group === group)!;
    expect(summary.meanAbsDiff).toBeLessThanOrEqual(NEWER_MEAN_BOUND[group]);
  });

  it.each(GROUP_CODES)('keeps the mean difference for %s within its bound on the same vintage', (group) => {
    const summary = control.find((s) => s.group === group)!;
    expect(summary.meanAbsDiff).toBeLessThanOrEqual(CONTROL_MEAN_BOUND[group]);
  });

  it('agrees better with the World Bank than carrying the last value forward did, on the same data (the control)', () => {
    const carried = GROUP_CODES.map((group) =>
      compare(group, sameVintage, 2, { interior: 'nearest', trailing: 'nearest', leading: 'nearest' }),
    );
    console.log(`Control, mean over groups: measured method ${mean(control).toFixed(3)}, nearest year ${mean(carried).toFixed(3)}`);
    expect(mean(control)).toBeLessThan(mean(carried));
    expect(lic(control)).toBeLessThan(lic(carried));
  });

  it("reproduces the World Bank's own LDC computation to 0.01 points with the same data and no gap filling", () => {
    const exact = compare('LDC', sameVintage, 0);
    console.log(
      `LDC, same vintage, no gap filling: ${exact.years} years, max abs diff ${exact.maxAbsDiff.toFixed(3)} (${exact.worst.year})`,
    );
    expect(exact.years).toBeGreaterThanOrEqual(20);
    expect(exact.maxAbsDiff).toBeLessThanOrEqual(0.01);
    // Before 2005 the World Bank computed the income-group figures itself too.
    const lowIncome = compare('LIC', sameVintage, 0).diffs.filter((d) => d.year < 2005);
    for (const d of lowIncome) expect(Math.abs(d.diff), `LIC ${d.year}`).toBeLessThanOrEqual(0.01);
  });

  it('differs by more than 1.5 points only in the group-years the revisions and ITU estimates explain', () => {
    const large = newer.flatMap((s) => s.diffs.filter((d) => Math.abs(d.diff) > 1.5).map((d) => `${s.group} ${d.year}`));
    console.log(`Group-years over 1.5 points on the newer vintage: ${large.join(', ')}`);
    expect(large).toEqual(EXPLAINED_OVER_1_5);
  });
});
