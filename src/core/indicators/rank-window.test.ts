import { describe, expect, it } from 'vitest';
import { latestInWindow, rankInWindow, rankWindow } from './rank-window.js';

const s = (...points: [number, number][]) => points.map(([year, value]) => ({ year, value }));

describe('rankWindow', () => {
  it('spans the reference year and the two before it by default', () => {
    expect(rankWindow(2024)).toEqual({ referenceYear: 2024, from: 2022, to: 2024 });
    expect(rankWindow(2024, 1)).toEqual({ referenceYear: 2024, from: 2024, to: 2024 });
  });

  it('refuses a window that is not a whole number of years', () => {
    expect(() => rankWindow(2024, 0)).toThrow(RangeError);
    expect(() => rankWindow(2024, 2.5)).toThrow(RangeError);
  });
});

describe('latestInWindow', () => {
  const series = new Map([
    ['A', s([2019, 1], [2021, 5], [2023, 7])],
    ['B', s([2025, 9])],
    ['C', s([2020, 3])],
    ['D', s([2022, 4], [2024, Number.NaN])],
  ]);

  it("takes each member's latest value inside the window, never one after the reference year", () => {
    const latest = latestInWindow(['A', 'B', 'C', 'D', 'E'], series, rankWindow(2024));
    expect(latest.get('A')).toEqual({ year: 2023, value: 7 });
    expect(latest.get('B')).toBeNull(); // 2025 is newer than the reference year
    expect(latest.get('C')).toBeNull(); // 2020 is before 2022
    expect(latest.get('D')).toEqual({ year: 2022, value: 4 }); // a non-finite value does not count
    expect(latest.get('E')).toBeNull(); // no series at all
  });

  it('includes both edges of the window', () => {
    const edges = new Map([
      ['A', s([2022, 1])],
      ['B', s([2024, 2])],
    ]);
    expect([...latestInWindow(['A', 'B'], edges, rankWindow(2024)).values()]).toEqual([
      { year: 2022, value: 1 },
      { year: 2024, value: 2 },
    ]);
  });
});

describe('rankInWindow', () => {
  // Kenya 2024 at 35; Uganda last reported 2022; Tanzania 2023; Burundi only 2019; Rwanda only 2025.
  const series = new Map([
    ['KEN', s([2022, 40.8], [2024, 35])],
    ['UGA', s([2021, 8], [2022, 10.3])],
    ['TZA', s([2023, 40.8])],
    ['BDI', s([2019, 5])],
    ['RWA', s([2025, 50])],
  ]);
  const members = ['KEN', 'UGA', 'TZA', 'BDI', 'RWA'];

  it("ranks on each peer's latest value in [year − 2, year] and counts the peers left out", () => {
    expect(rankInWindow('KEN', members, series, 2024, 'higher-is-better')).toEqual({
      rank: 2,
      of: 3,
      tiedWith: 1,
      label: '2 of 3',
      window: { referenceYear: 2024, from: 2022, to: 2024 },
      withoutValue: 2,
      members: 5,
    });
  });

  it("uses the country's value in the reference year, not an older better one", () => {
    // Kenya's 40.8 of 2022 would tie Tanzania; its 2024 value is 35.
    expect(rankInWindow('KEN', members, series, 2024, 'higher-is-better')?.tiedWith).toBe(1);
  });

  it('respects the direction and a narrower window', () => {
    expect(rankInWindow('UGA', members, series, 2024, 'lower-is-better')?.label).toBe('1 of 3');
    // A one-year window is the old rule: only Kenya has a 2024 value.
    expect(rankInWindow('KEN', members, series, 2024, 'higher-is-better', 1)).toMatchObject({ label: '1 of 1', withoutValue: 4 });
  });

  it('is null when the country has no value in its window or is not a member', () => {
    expect(rankInWindow('BDI', members, series, 2024, 'higher-is-better')).toBeNull();
    expect(rankInWindow('XXX', members, series, 2024, 'higher-is-better')).toBeNull();
  });
});
