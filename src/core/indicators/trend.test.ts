import { describe, expect, it } from 'vitest';
import { fitTrend, onTrack, targetOutlook, valueOnTrend, yearsToTarget } from './trend.js';
import type { YearValue } from './types.js';

const internet = { kind: 'at-least', value: 100 } as const;
const percent = { min: 0, max: 100 } as const;

function series(points: Record<number, number>): YearValue[] {
  return Object.entries(points).map(([year, value]) => ({ year: Number(year), value }));
}

// Hand computation for 2019–2023 = 50, 55, 58, 63, 66:
// mean year 2021, mean value 58.4; Σ(x−x̄)(y−ȳ) = (−2)(−8.4) + (−1)(−3.4) + 0 + (1)(4.6) + (2)(7.6) = 40;
// Σ(x−x̄)² = 10; slope = 4; fitted 2030 = 58.4 + 9 × 4 = 94.4; line reaches 95 at 2021 + 36.6/4 = 2030.15.
const steady = series({ 2019: 50, 2020: 55, 2021: 58, 2022: 63, 2023: 66 });

describe('fitTrend', () => {
  it('fits ordinary least squares to the last five reported years', () => {
    const trend = fitTrend(steady, { bounds: percent })!;
    expect(trend.slope).toBeCloseTo(4, 12);
    expect(trend.intercept + trend.slope * 2021).toBeCloseTo(58.4, 9);
    expect(trend.yearsUsed).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(trend.latest).toEqual({ year: 2023, value: 66 });
    expect(trend.projectionYear).toBe(2030);
    expect(trend.projected).toBeCloseTo(94.4, 9);
  });

  it('uses only the most recent points and ignores years before the ten-year span', () => {
    // 2010 is outside 2014–2023; of the rest only the last five count: 2017, 2019, 2020, 2022, 2023.
    const trend = fitTrend(series({ 2010: 0, 2014: 99, 2016: 99, 2017: 10, 2019: 20, 2020: 25, 2022: 35, 2023: 40 }))!;
    expect(trend.yearsUsed).toEqual([2017, 2019, 2020, 2022, 2023]);
    // x̄ = 2020.2, ȳ = 26; Sxy = (−3.2)(−16) + (−1.2)(−6) + (−0.2)(−1) + (1.8)(9) + (2.8)(14) = 114
    // Sxx = 10.24 + 1.44 + 0.04 + 3.24 + 7.84 = 22.8; slope = 5
    expect(trend.slope).toBeCloseTo(5, 12);
  });

  it('keeps a point exactly ten years before the latest out of the span', () => {
    // 2013 is L − 10 for L = 2023: outside 2014–2023, leaving two points, too few for a trend.
    expect(fitTrend(series({ 2013: 0, 2015: 10, 2023: 50 }))).toBeNull();
    expect(fitTrend(series({ 2014: 0, 2015: 10, 2023: 50 }))?.yearsUsed).toEqual([2014, 2015, 2023]);
  });

  it('clamps the 2030 projection to the natural bounds', () => {
    const fast = series({ 2019: 70, 2020: 75, 2021: 80, 2022: 85, 2023: 90 });
    expect(fitTrend(fast, { bounds: percent })!.projected).toBe(100);
    expect(fitTrend(fast)!.projected).toBeCloseTo(125, 9);
    const falling = series({ 2021: 10, 2022: 6, 2023: 2 });
    expect(fitTrend(falling, { bounds: percent })!.projected).toBe(0);
  });

  it('returns null with fewer than three points in the span', () => {
    expect(fitTrend(series({ 2012: 5, 2022: 50, 2023: 55 }))).toBeNull();
    expect(fitTrend([])).toBeNull();
  });

  it('accepts two points when the caller asks for it', () => {
    expect(fitTrend(series({ 2022: 50, 2023: 55 }), { minPoints: 2 })!.slope).toBeCloseTo(5, 12);
  });

  it('ignores non-finite values and refuses duplicate years', () => {
    expect(fitTrend([...steady, { year: 2024, value: Number.NaN }])!.latest.year).toBe(2023);
    expect(() => fitTrend([...steady, { year: 2023, value: 1 }])).toThrow(/two values for 2023/);
  });

  it('reads values on the fitted line, clamped', () => {
    const trend = fitTrend(steady, { bounds: percent })!;
    expect(valueOnTrend(trend, 2025)).toBeCloseTo(74.4, 9);
    expect(valueOnTrend(trend, 2040)).toBe(100);
  });
});

describe('yearsToTarget and onTrack', () => {
  it('counts whole years after the latest year until the line reaches the met threshold', () => {
    const trend = fitTrend(steady, { bounds: percent })!;
    expect(yearsToTarget(trend, internet)).toBe(8); // 2030.15 − 2023 = 7.15 → 8
    expect(onTrack(trend, internet)).toBe(false); // 94.4 < 95
  });

  it('is 0 when the latest value already meets the target, even if the trend is falling', () => {
    const trend = fitTrend(series({ 2021: 99, 2022: 98, 2023: 97 }), { bounds: percent })!;
    expect(yearsToTarget(trend, internet)).toBe(0);
  });

  it('is null when the trend is flat or moving away from the target', () => {
    expect(yearsToTarget(fitTrend(series({ 2021: 40, 2022: 40, 2023: 40 }))!, internet)).toBeNull();
    expect(yearsToTarget(fitTrend(series({ 2021: 40, 2022: 39, 2023: 38 }))!, internet)).toBeNull();
    const affordability = { kind: 'at-most', value: 2 } as const;
    expect(yearsToTarget(fitTrend(series({ 2021: 3, 2022: 3.5, 2023: 4 }))!, affordability)).toBeNull();
  });

  it('handles a falling price against an at-most target', () => {
    // slope −0.5 a year through 4.0 in 2023 (fitted exactly); 2 is reached 4 years later.
    const trend = fitTrend(series({ 2021: 5, 2022: 4.5, 2023: 4 }))!;
    expect(yearsToTarget(trend, { kind: 'at-most', value: 2 })).toBe(4);
    expect(onTrack(trend, { kind: 'at-most', value: 2 })).toBe(true); // 4 − 0.5 × 7 = 0.5
  });

  it('moves parity towards the band from above as well as from below', () => {
    const parity = { kind: 'between', lower: 0.98, upper: 1.02 } as const;
    const fromBelow = fitTrend(series({ 2021: 0.86, 2022: 0.88, 2023: 0.9 }))!;
    expect(yearsToTarget(fromBelow, parity)).toBe(4); // 0.90 + 0.02 × 4 = 0.98
    const fromAbove = fitTrend(series({ 2021: 1.1, 2022: 1.09, 2023: 1.08 }))!;
    expect(yearsToTarget(fromAbove, parity)).toBe(6); // 1.08 − 0.01 × 6 = 1.02
  });

  it('is at least one year when the line has crossed but the latest value has not', () => {
    // Slope 2, fitted value in 2023 is 95.33 (above 95) while the reported value is 94.
    const trend = fitTrend(series({ 2021: 90, 2022: 96, 2023: 94 }), { bounds: percent })!;
    expect(yearsToTarget(trend, internet)).toBe(1);
  });

  it('summarises latest status, gap, projection and time to target', () => {
    const outlook = targetOutlook(fitTrend(steady, { bounds: percent })!, internet);
    expect(outlook.latest).toEqual({ year: 2023, value: 66 });
    expect(outlook.gap).toBe(34);
    expect(outlook.latestStatus.met).toBe(false);
    expect(outlook.projected).toBeCloseTo(94.4, 9);
    expect(outlook.onTrack).toBe(false);
    expect(outlook.yearsToTarget).toBe(8);
  });
});
