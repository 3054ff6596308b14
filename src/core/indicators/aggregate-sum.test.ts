import { describe, expect, it } from 'vitest';
import { sumSeries } from './aggregate-sum.js';

describe('sumSeries', () => {
  const values = new Map([
    [
      'A',
      [
        { year: 2020, value: 2 },
        { year: 2021, value: 4 },
      ],
    ],
    ['B', [{ year: 2020, value: 3 }]],
    ['C', [{ year: 2020, value: 5 }]],
  ]);

  it('adds the members that reported each year', () => {
    expect(sumSeries(['A', 'B', 'C'], values)[0]).toMatchObject({ year: 2020, value: 10, coverage: 1, membersWithData: 3 });
  });

  it('leaves out a year where too few members reported, rather than publishing a partial total', () => {
    expect(sumSeries(['A', 'B', 'C'], values).map((s) => s.year)).toEqual([2020]);
    expect(sumSeries(['A', 'B', 'C'], values, 0.3).find((s) => s.year === 2021)).toMatchObject({ value: 4, membersWithData: 1 });
  });

  it('ignores values of countries outside the group', () => {
    expect(sumSeries(['B'], values)).toEqual([
      { year: 2020, value: 3, coverage: 1, membersWithData: 1, membersTotal: 1, method: 'sum of reported member values; 1 of 1 members' },
    ]);
  });
});
