import { describe, expect, it } from 'vitest';
import { readTable } from '../csv/read-table.js';
import { parseLong, parseWide } from './index.js';
import { EMPTY_CELL } from './parse-number.js';

const wide = (text: string) =>
  parseWide(readTable('ict.csv', text, ['iso3', 'year']), {
    areaColumn: 'iso3',
    yearColumn: 'year',
    indicators: { internet_users_pct: 'internet-use', population: 'population' },
  });
const long = (text: string) =>
  parseLong(readTable('wdi.csv', text, ['country_code', 'year', 'value']), {
    indicator: { code: 'internet-use' },
    areaColumns: ['country_code'],
    yearColumn: 'year',
    valueColumn: 'value',
  });

describe('indicator CSV layouts', () => {
  it('keep where each value came from, so later checks can name line and column', () => {
    const parsed = wide('iso3,year,internet_users_pct,population\nKEN,2023,40.8,55100000\n');
    expect(parsed.observations.map((o) => o.at)).toEqual([
      { line: 2, column: 3, field: 'internet_users_pct' },
      { line: 2, column: 4, field: 'population' },
    ]);
  });

  it('count every empty cell, so the summary accounts for every value slot', () => {
    expect(wide('iso3,year,internet_users_pct,population\nKEN,2023,,55100000\nUGA,2023,,\n').skipped).toEqual({ [EMPTY_CELL]: 3 });
    expect(long('country_code,year,value\nKEN,2023,\nKEN,2022,38\n').skipped).toEqual({ [EMPTY_CELL]: 1 });
  });

  it('refuse a number no double can hold (1e400 would become Infinity) and NaN, naming file, line, column and field', () => {
    expect(() => wide('iso3,year,internet_users_pct\nKEN,2023,1e400\n')).toThrow(
      'ict.csv:2:3 (internet_users_pct): "1e400" is not a finite number',
    );
    expect(() => long('country_code,year,value\nKEN,2023,NaN\n')).toThrow('wdi.csv:2:3 (value): "NaN" is not a number');
  });

  it('refuse a wide file whose columns match none of the indicators, instead of importing nothing', () => {
    expect(() => wide('iso3,year,gdp\nKEN,2023,1\n')).toThrow(
      'ict.csv:1: no indicator column: expected at least one of internet_users_pct, population',
    );
  });

  it('refuse a row without an area code', () => {
    expect(() => long('country_code,year,value\n,2023,5\n')).toThrow('wdi.csv:2:1 (country_code): an observation needs an area code');
  });
});
