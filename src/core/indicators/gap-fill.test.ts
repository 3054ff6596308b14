import { describe, expect, it } from 'vitest';
import { estimateGap, fillGap, regionChange } from './gap-fill.js';

const series = (points: Record<number, number>) => new Map(Object.entries(points).map(([y, v]) => [Number(y), v]));
const ctx = { window: 2, bounds: { min: 0, max: 100 } };

describe('estimateGap', () => {
  const growing = series({ 2018: 30, 2019: 34, 2020: 38, 2021: 42 });

  it('nearest carries the nearest reported value, the earlier on a tie', () => {
    expect(estimateGap('nearest', growing, 2023, ctx)).toEqual({ value: 42, method: 'nearest', kind: 'trailing', distance: 2 });
    expect(estimateGap('nearest', series({ 2019: 10, 2021: 20 }), 2020, ctx)?.value).toBe(10);
  });

  it('interpolate draws the line between the reported years around the gap, and only inside the series', () => {
    expect(estimateGap('interpolate', series({ 2019: 10, 2022: 40 }), 2021, { ...ctx, window: 2 })).toMatchObject({
      value: 30,
      kind: 'interior',
      distance: 1,
    });
    expect(estimateGap('interpolate', growing, 2022, ctx)).toBeNull();
  });

  it("own-trend continues the member's recent slope from its nearest value, within the natural bounds", () => {
    expect(estimateGap('own-trend', growing, 2023, ctx)?.value).toBeCloseTo(50, 10);
    expect(estimateGap('own-trend', growing, 2016, ctx)?.value).toBeCloseTo(22, 10);
    expect(estimateGap('own-trend', series({ 2019: 90, 2020: 95, 2021: 99 }), 2023, ctx)?.value).toBe(100);
    expect(estimateGap('own-trend', series({ 2020: 10, 2021: 12 }), 2022, ctx)).toBeNull(); // two points make no trend
  });

  it("region-trend moves the member's value by its region's change over the same years", () => {
    expect(estimateGap('region-trend', growing, 2022, { ...ctx, regionChange: (from, to) => (to - from) * 2.5 })?.value).toBe(44.5);
    expect(estimateGap('region-trend', growing, 2022, ctx)).toBeNull();
  });

  it('never estimates further from a reported value than the window', () => {
    for (const method of ['nearest', 'interpolate', 'own-trend', 'region-trend'] as const) {
      expect(estimateGap(method, growing, 2024, { ...ctx, regionChange: () => 1 })).toBeNull();
    }
  });
});

describe('fillGap', () => {
  it('uses the policy of the kind of gap and falls back to nearest where the method cannot estimate', () => {
    const policy = { interior: 'interpolate', trailing: 'own-trend', leading: 'own-trend' } as const;
    expect(fillGap(policy, series({ 2019: 10, 2021: 20 }), 2020, ctx)).toMatchObject({ value: 15, method: 'interpolate' });
    expect(fillGap(policy, series({ 2020: 10, 2021: 12 }), 2022, ctx)).toMatchObject({ value: 12, method: 'nearest' });
    expect(fillGap(policy, series({ 2010: 10 }), 2022, ctx)).toBeNull();
  });
});

describe('regionChange', () => {
  it('is the population-weighted mean change of the other members that reported both years', () => {
    const values = new Map([
      ['A', series({ 2020: 10, 2022: 20 })],
      ['B', series({ 2020: 50, 2022: 54 })],
      ['C', series({ 2022: 70 })],
    ]);
    const population = new Map([
      ['A', series({ 2022: 1 })],
      ['B', series({ 2022: 3 })],
      ['C', series({ 2022: 5 })],
    ]);
    const change = regionChange(['A', 'B', 'C'], values, population);
    expect(change('C', 2020, 2022)).toBeCloseTo((10 * 1 + 4 * 3) / 4, 12);
    expect(change('A', 2020, 2022)).toBeCloseTo(4, 12);
    expect(change('A', 2019, 2022)).toBeNull();
  });
});
