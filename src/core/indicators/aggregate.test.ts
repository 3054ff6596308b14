import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_ESTIMATED_SHARE,
  DEFAULT_MIN_COVERAGE,
  aggregatePopulationWeighted,
  aggregatePopulationWeightedSeries,
  nearestValue,
  type GroupData,
} from './aggregate.js';
import type { YearValue } from './types.js';

type Series = Record<string, readonly YearValue[]>;

function group(values: Series, population: Series, members = Object.keys(population)): GroupData {
  return { members, values: new Map(Object.entries(values)), population: new Map(Object.entries(population)) };
}

const pop = (year: number, value: number): YearValue[] => [{ year, value }];

describe('nearestValue', () => {
  const series = [
    { year: 2015, value: 10 },
    { year: 2019, value: 40 },
    { year: 2023, value: 60 },
  ];

  it('returns the value of the year itself when reported', () => {
    expect(nearestValue(series, 2019, 2)).toEqual({ year: 2019, value: 40 });
  });

  it('fills a missing year from the nearest year within the window', () => {
    expect(nearestValue(series, 2022, 2)).toEqual({ year: 2023, value: 60 });
    expect(nearestValue(series, 2020, 2)).toEqual({ year: 2019, value: 40 });
  });

  it('prefers the earlier year when two are equally near', () => {
    expect(nearestValue(series, 2021, 2)).toEqual({ year: 2019, value: 40 });
  });

  it('never borrows from beyond the window', () => {
    expect(nearestValue(series, 2017, 1)).toBeNull();
    expect(nearestValue(series, 2026, 2)).toBeNull();
  });

  it('treats non-finite values as not reported', () => {
    expect(
      nearestValue(
        [
          { year: 2020, value: Number.NaN },
          { year: 2021, value: 5 },
        ],
        2020,
        1,
      ),
    ).toEqual({
      year: 2021,
      value: 5,
    });
  });

  it('refuses a negative or fractional window', () => {
    expect(() => nearestValue(series, 2020, -1)).toThrow(RangeError);
    expect(() => nearestValue(series, 2020, 1.5)).toThrow(RangeError);
  });
});

describe('aggregatePopulationWeighted', () => {
  it('weights member values by population in the year', () => {
    const data = group({ A: pop(2022, 80), B: pop(2022, 20) }, { A: pop(2022, 1_000_000), B: pop(2022, 3_000_000) });
    const result = aggregatePopulationWeighted(data, 2022);
    expect(result?.value).toBeCloseTo(35, 12); // (80×1 + 20×3) / 4
    expect(result?.coverage).toBe(1);
    expect(result?.membersWithData).toBe(2);
    expect(result?.membersTotal).toBe(2);
    expect(result?.membersGapFilled).toBe(0);
  });

  it('fills a member gap from a nearby year and says so in the method', () => {
    const data = group({ A: pop(2022, 80), B: pop(2020, 20) }, { A: pop(2022, 1), B: pop(2022, 3) });
    const result = aggregatePopulationWeighted(data, 2022, { gapWindowYears: 2, minCoverage: 0, maxEstimatedShare: 1 });
    // B has one reported year: too few for its own trend, so its 2020 value is carried.
    expect(result?.value).toBeCloseTo(35, 12);
    expect(result?.membersGapFilled).toBe(1);
    expect(result?.estimatedShare).toBeCloseTo(0.75, 12);
    expect(result?.method).toBe(
      "population-weighted mean; 1 of 2 members estimated within ±2 years by linear interpolation between reported years, else the member's own recent trend (75 % of the covered population); coverage 1.00",
    );
  });

  it('continues a growing member along its own trend instead of carrying its last value flat (issue 8: LDC and LIC too low)', () => {
    const growing = [2018, 2019, 2020, 2021, 2022].map((year, i) => ({ year, value: 20 + 3 * i }));
    const data = group({ A: pop(2024, 50), B: growing }, { A: pop(2024, 3), B: pop(2024, 1) });
    const result = aggregatePopulationWeighted(data, 2024, { minCoverage: 0 });
    // B's own trend: +3 a year from 32 in 2022 → 38 in 2024 (nearest-year would have said 32).
    expect(result?.value).toBeCloseTo((50 * 3 + 38 * 1) / 4, 10);
    const carried = aggregatePopulationWeighted(data, 2024, {
      minCoverage: 0,
      gapPolicy: { interior: 'nearest', trailing: 'nearest', leading: 'nearest' },
    });
    expect(carried?.value).toBeCloseTo((50 * 3 + 32 * 1) / 4, 10);
  });

  it('interpolates between reported years, and keeps estimates inside the natural bounds', () => {
    const data = group(
      {
        A: [
          { year: 2020, value: 40 },
          { year: 2022, value: 60 },
        ],
      },
      { A: pop(2021, 1) },
    );
    expect(aggregatePopulationWeighted(data, 2021, { minCoverage: 0, maxEstimatedShare: 1 })?.value).toBe(50);
    const saturating = group({ A: [2019, 2020, 2021].map((year, i) => ({ year, value: 90 + 4 * i })) }, { A: pop(2023, 1) });
    expect(
      aggregatePopulationWeighted(saturating, 2023, { minCoverage: 0, maxEstimatedShare: 1, bounds: { min: 0, max: 100 } })?.value,
    ).toBe(100);
  });

  it('does not publish a year where most of the covered population is estimated, and says how much is', () => {
    const data = group({ A: pop(2024, 50), B: pop(2023, 40) }, { A: pop(2024, 49), B: pop(2024, 51) });
    expect(DEFAULT_MAX_ESTIMATED_SHARE).toBe(0.5);
    expect(aggregatePopulationWeighted(data, 2024, { minCoverage: 0 })).toBeNull();
    const mostlyReported = group({ A: pop(2024, 50), B: pop(2023, 40) }, { A: pop(2024, 51), B: pop(2024, 49) });
    expect(aggregatePopulationWeighted(mostlyReported, 2024, { minCoverage: 0 })?.estimatedShare).toBeCloseTo(0.49, 12);
  });

  it('leaves a member uncovered when its nearest value is outside the window', () => {
    const data = group({ A: pop(2022, 80), B: pop(2019, 20) }, { A: pop(2022, 1), B: pop(2022, 3) });
    const result = aggregatePopulationWeighted(data, 2022, { gapWindowYears: 2, minCoverage: 0 });
    expect(result?.value).toBe(80);
    expect(result?.coverage).toBeCloseTo(0.25, 12);
    expect(result?.membersWithData).toBe(1);
  });

  it('returns null when coverage is below the threshold', () => {
    const data = group({ A: pop(2022, 80) }, { A: pop(2022, 60), B: pop(2022, 40) });
    expect(aggregatePopulationWeighted(data, 2022, { minCoverage: 0.61 })).toBeNull();
    expect(aggregatePopulationWeighted(data, 2022, { minCoverage: 0.6 })?.value).toBe(80);
  });

  it('uses two thirds of the group population as the default threshold', () => {
    expect(DEFAULT_MIN_COVERAGE).toBeCloseTo(2 / 3, 12);
    const data = group({ A: pop(2022, 50) }, { A: pop(2022, 66), B: pop(2022, 34) });
    expect(aggregatePopulationWeighted(data, 2022)).toBeNull();
    const enough = group({ A: pop(2022, 50) }, { A: pop(2022, 67), B: pop(2022, 33) });
    expect(aggregatePopulationWeighted(enough, 2022)?.coverage).toBeCloseTo(0.67, 12);
  });

  it('counts a member without population for the year as not covered', () => {
    const data = group({ A: pop(2022, 80), B: pop(2022, 20) }, { A: pop(2022, 1_000), B: pop(2021, 3_000) }, ['A', 'B']);
    const result = aggregatePopulationWeighted(data, 2022, { minCoverage: 0 });
    expect(result?.value).toBe(80);
    expect(result?.membersWithData).toBe(1);
    expect(result?.membersTotal).toBe(2);
  });

  it('counts a member listed in the group but absent from both maps in membersTotal only', () => {
    const data = group({ A: pop(2022, 80) }, { A: pop(2022, 10) }, ['A', 'ZZZ']);
    const result = aggregatePopulationWeighted(data, 2022, { minCoverage: 0 });
    expect(result?.membersTotal).toBe(2);
    expect(result?.membersWithData).toBe(1);
  });

  it('counts a member listed twice once', () => {
    const data = group({ A: pop(2022, 80) }, { A: pop(2022, 10) }, ['A', 'A']);
    expect(aggregatePopulationWeighted(data, 2022)?.membersTotal).toBe(1);
  });

  it('returns null when no member has a value', () => {
    const data = group({}, { A: pop(2022, 10) });
    expect(aggregatePopulationWeighted(data, 2022, { minCoverage: 0 })).toBeNull();
  });

  it('says "no gap filling" when the window is zero', () => {
    const data = group({ A: pop(2022, 80) }, { A: pop(2022, 10) });
    expect(aggregatePopulationWeighted(data, 2022, { gapWindowYears: 0 })?.method).toBe(
      'population-weighted mean; no gap filling; coverage 1.00',
    );
  });

  it('refuses a series with two values for one year', () => {
    const data = group(
      {
        A: [
          { year: 2022, value: 1 },
          { year: 2022, value: 2 },
        ],
      },
      { A: pop(2022, 10) },
    );
    expect(() => aggregatePopulationWeighted(data, 2022)).toThrow(/two values for 2022/);
  });

  it('refuses a coverage threshold outside 0–1', () => {
    const data = group({ A: pop(2022, 80) }, { A: pop(2022, 10) });
    expect(() => aggregatePopulationWeighted(data, 2022, { minCoverage: 1.5 })).toThrow(RangeError);
  });
});

describe('aggregatePopulationWeightedSeries', () => {
  const populations = {
    A: [2018, 2019, 2020, 2021, 2022, 2023, 2024].map((year) => ({ year, value: 1 })),
    B: [2018, 2019, 2020, 2021, 2022, 2023, 2024].map((year) => ({ year, value: 1 })),
  };

  it('computes every year in which a member reported, and no year in which none did', () => {
    const data = group(
      {
        A: [
          { year: 2018, value: 10 },
          { year: 2020, value: 30 },
        ],
        B: [
          { year: 2018, value: 20 },
          { year: 2020, value: 40 },
        ],
      },
      populations,
    );
    const series = aggregatePopulationWeightedSeries(data);
    // 2019 has no report from anyone and 2021–2022 would be borrowed values only: not aggregates.
    expect(series.map((a) => [a.year, a.value])).toEqual([
      [2018, 15],
      [2020, 35],
    ]);
  });

  it('skips years below the coverage threshold and respects the year span', () => {
    const data = group(
      {
        A: [2018, 2019, 2020].map((year) => ({ year, value: 50 })),
        B: [{ year: 2020, value: 70 }],
      },
      populations,
    );
    const series = aggregatePopulationWeightedSeries(data, { gapWindowYears: 0, minCoverage: 0.9, fromYear: 2019 });
    expect(series.map((a) => a.year)).toEqual([2020]);
  });

  it('returns an empty series for a group without any value', () => {
    expect(aggregatePopulationWeightedSeries(group({}, populations))).toEqual([]);
  });
});

describe('aggregatePopulationWeighted properties', () => {
  const year = 2020;
  const member = fc.record({
    value: fc.double({ min: 0, max: 100, noNaN: true }),
    population: fc.double({ min: 1, max: 2e9, noNaN: true }),
  });
  const members = fc.array(member, { minLength: 1, maxLength: 40 });

  function toGroup(list: readonly { value: number; population: number }[]): GroupData {
    const codes = list.map((_, i) => `M${i}`);
    return {
      members: codes,
      values: new Map(codes.map((code, i) => [code, [{ year, value: list[i]!.value }]])),
      population: new Map(codes.map((code, i) => [code, [{ year, value: list[i]!.population }]])),
    };
  }

  it('lies between the smallest and largest member value', () => {
    fc.assert(
      fc.property(members, (list) => {
        const result = aggregatePopulationWeighted(toGroup(list), year);
        const values = list.map((m) => m.value);
        const tolerance = 1e-9;
        expect(result).not.toBeNull();
        expect(result!.value).toBeGreaterThanOrEqual(Math.min(...values) - tolerance);
        expect(result!.value).toBeLessThanOrEqual(Math.max(...values) + tolerance);
      }),
    );
  });

  it('equals the member value for a group of one', () => {
    fc.assert(
      fc.property(member, (m) => {
        expect(aggregatePopulationWeighted(toGroup([m]), year)?.value).toBeCloseTo(m.value, 9);
      }),
    );
  });

  it('does not change when every population is scaled by the same factor', () => {
    fc.assert(
      fc.property(members, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (list, factor) => {
        const scaled = list.map((m) => ({ value: m.value, population: m.population * factor }));
        const base = aggregatePopulationWeighted(toGroup(list), year)!.value;
        expect(aggregatePopulationWeighted(toGroup(scaled), year)!.value).toBeCloseTo(base, 7);
      }),
    );
  });
});
