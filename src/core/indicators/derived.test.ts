import { describe, expect, it } from 'vitest';
import { affordabilityShare, combineByYear, genderParityIndex, gniPerCapitaMonthly, mapSeries, shareOfTotal } from './derived.js';

describe('genderParityIndex', () => {
  it('divides the female value by the male value', () => {
    expect(genderParityIndex(83.0695, 92.62223)).toBeCloseTo(0.8969, 4); // Algeria 2018, SDG 5.b.1
    expect(genderParityIndex(50, 50)).toBe(1);
  });

  it('is null when the male value is 0 or either value is missing', () => {
    expect(genderParityIndex(10, 0)).toBeNull();
    expect(genderParityIndex(10, null)).toBeNull();
    expect(genderParityIndex(undefined, 10)).toBeNull();
    expect(genderParityIndex(Number.NaN, 10)).toBeNull();
  });
});

describe('gniPerCapitaMonthly', () => {
  it('is a twelfth of the annual figure, null when missing', () => {
    expect(gniPerCapitaMonthly(2_400)).toBe(200);
    expect(gniPerCapitaMonthly(null)).toBeNull();
  });
});

describe('affordabilityShare', () => {
  it('is the monthly price as a percentage of monthly GNI per capita', () => {
    expect(affordabilityShare(5, 200)).toBe(2.5);
  });

  it('is null when income is zero, negative or missing', () => {
    expect(affordabilityShare(5, 0)).toBeNull();
    expect(affordabilityShare(5, -10)).toBeNull();
    expect(affordabilityShare(undefined, 200)).toBeNull();
  });
});

describe('shareOfTotal', () => {
  it('is the part as a percentage of the total, unknown when the part is missing', () => {
    expect(shareOfTotal(36.21, 41.11)).toBeCloseTo(88.08, 2); // Germany 2018, ≥ 10 Mbit/s
    expect(shareOfTotal(null, 0.72)).toBeNull(); // Kenya 2018 reports no ≥ 10 Mbit/s tier
    expect(shareOfTotal(1, 0)).toBeNull();
  });
});

describe('combineByYear and mapSeries', () => {
  it('combines only the years both series have, in year order', () => {
    const female = [
      { year: 2018, value: 45 },
      { year: 2017, value: 40 },
      { year: 2016, value: 30 },
    ];
    const male = [
      { year: 2017, value: 50 },
      { year: 2018, value: 50 },
      { year: 2019, value: 55 },
    ];
    expect(combineByYear(female, male, genderParityIndex)).toEqual([
      { year: 2017, value: 0.8 },
      { year: 2018, value: 0.9 },
    ]);
  });

  it('drops years where the derivation has no value', () => {
    expect(combineByYear([{ year: 2018, value: 4 }], [{ year: 2018, value: 0 }], genderParityIndex)).toEqual([]);
    expect(mapSeries([{ year: 2023, value: 2_400 }], gniPerCapitaMonthly)).toEqual([{ year: 2023, value: 200 }]);
  });
});
