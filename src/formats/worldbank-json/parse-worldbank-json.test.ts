import { describe, expect, it } from 'vitest';
import { FormatError } from '../csv/format-error.js';
import { nextWorldBankPage, parseWorldBankJson, WORLD_BANK_SKIPPED } from './parse-worldbank-json.js';

// Shaped like https://api.worldbank.org/v2/country/KEN;WLD;XX/indicator/IT.NET.USER.ZS?format=json
// (values from WDI, Nov 2024 vintage).
const row = (country: [string, string], iso3: string, date: string, value: number | null, extra = {}) => ({
  indicator: { id: 'IT.NET.USER.ZS', value: 'Individuals using the Internet (% of population)' },
  country: { id: country[0], value: country[1] },
  countryiso3code: iso3,
  date,
  value,
  unit: '',
  obs_status: '',
  decimal: 1,
  ...extra,
});

const PAGE = JSON.stringify([
  { page: 1, pages: 2, per_page: 6, total: 9, sourceid: '2', lastupdated: '2024-10-24' },
  [
    row(['KE', 'Kenya'], 'KEN', '2023', null),
    row(['KE', 'Kenya'], 'KEN', '2022', 40.8137),
    row(['KE', 'Kenya'], 'KEN', '2021', 38.2459, { obs_status: 'E' }),
    row(['1W', 'World'], 'WLD', '2023', 67.4),
    row(['XX', 'Not classified'], '', '2023', 5),
    row(['1W', 'World'], 'WLD', '2023Q1', 66.9),
  ],
]);

const at = (i: number) => ({ field: `[1][${i}].value` });

function problemOf(text: string): string {
  try {
    parseWorldBankJson(text, 'wb.json');
  } catch (error) {
    if (error instanceof FormatError) return error.message;
    throw error;
  }
  throw new Error('expected a FormatError');
}

describe('parseWorldBankJson', () => {
  it('reads page information, including the vintage', () => {
    expect(parseWorldBankJson(PAGE).info).toEqual({
      page: 1,
      pages: 2,
      perPage: 6,
      total: 9,
      sourceId: '2',
      lastUpdated: '2024-10-24',
    });
  });

  it('turns rows with a value into annual observations keyed by ISO3 code', () => {
    const { observations } = parseWorldBankJson(PAGE);
    expect(observations).toEqual([
      { indicator: 'IT.NET.USER.ZS', area: 'KEN', year: 2022, value: 40.8137, estimate: false, note: null, breakdown: {}, at: at(1) },
      { indicator: 'IT.NET.USER.ZS', area: 'KEN', year: 2021, value: 38.2459, estimate: true, note: null, breakdown: {}, at: at(2) },
      { indicator: 'IT.NET.USER.ZS', area: 'WLD', year: 2023, value: 67.4, estimate: false, note: null, breakdown: {}, at: at(3) },
    ]);
  });

  it('counts null values, rows without an ISO3 code and sub-annual dates instead of guessing', () => {
    expect(parseWorldBankJson(PAGE).skipped).toEqual({
      [WORLD_BANK_SKIPPED.noValue]: 1,
      [WORLD_BANK_SKIPPED.noAreaCode]: 1,
      [WORLD_BANK_SKIPPED.notAnnual]: 1,
    });
  });

  it('keeps an unusual status or a unit as a note', () => {
    const body = JSON.stringify([
      { page: 1, pages: 1, per_page: 50, total: 1 },
      [row(['KE', 'Kenya'], 'KEN', '2022', 1, { obs_status: 'F', unit: 'thousands' })],
    ]);
    expect(parseWorldBankJson(body).observations[0]?.note).toBe('obs_status F; unit thousands');
  });

  it('accepts per_page as a numeric string and a null row list for an empty result', () => {
    const body = JSON.stringify([{ page: 1, pages: 0, per_page: '50', total: 0, sourceid: '2', lastupdated: '2024-10-24' }, null]);
    const page = parseWorldBankJson(body);
    expect(page.info.perPage).toBe(50);
    expect(page.observations).toEqual([]);
  });

  it("tells the API's own error apart from data", () => {
    const body = '[{"message":[{"id":"120","key":"Invalid value","value":"The provided parameter value is not valid"}]}]';
    expect(problemOf(body)).toBe(
      'wb.json (body): the API returned an error instead of data: 120 Invalid value The provided parameter value is not valid',
    );
  });

  it.each([
    ['<html>Service unavailable</html>', /not valid JSON/],
    ['{"page":1}', /expected an array \[page info, rows\], found an object/],
    ['[{"page":1,"pages":1,"per_page":50,"total":0}]', /expected an array of 2 elements \[page info, rows\], found 1/],
    ['[[],[]]', /\(\[0\]\): expected an object, found an array/],
    ['[{"page":1,"pages":1,"per_page":50},[]]', /\(\[0\]\.total\): expected a whole number, found nothing/],
    ['[{"page":1,"pages":1,"per_page":50,"total":1},{"rows":[]}]', /\(\[1\]\): expected an array of rows, found an object/],
    ['[{"page":1,"pages":1,"per_page":50,"total":1},[42]]', /\(\[1\]\[0\]\): expected an object, found number 42/],
  ])('says what is wrong with a malformed body: %s', (body, expected) => {
    expect(problemOf(body)).toMatch(expected);
  });

  it('points at the row and field that is wrong', () => {
    const info = { page: 1, pages: 1, per_page: 50, total: 2 };
    const ok = row(['KE', 'Kenya'], 'KEN', '2022', 40.8);
    expect(problemOf(JSON.stringify([info, [ok, { ...ok, value: '40.8' }]]))).toBe(
      'wb.json ([1][1].value): expected a finite number or null, found string "40.8"',
    );
    expect(problemOf(JSON.stringify([info, [{ ...ok, date: '22' }]]))).toMatch(/\(\[1\]\[0\]\.date\): expected a year such as "2023"/);
    expect(problemOf(JSON.stringify([info, [{ ...ok, indicator: {} }]]))).toMatch(/\(\[1\]\[0\]\.indicator\.id\): is missing/);
    expect(problemOf(JSON.stringify([info, [{ ...ok, countryiso3code: 404 }]]))).toMatch(
      /countryiso3code\): expected text, found number 404/,
    );
  });
});

describe('parseWorldBankJson on hostile input (issue 8)', () => {
  const info = { page: 1, pages: 1, per_page: 50, total: 1, lastupdated: '2026-07-01' };
  const ok = row(['KE', 'Kenya'], 'KEN', '2022', 40.8);

  it('refuses 1e400, which JSON reads as Infinity', () => {
    const body = JSON.stringify([info, [ok]]).replace('40.8', '1e400');
    expect(problemOf(body)).toBe('wb.json ([1][0].value): expected a finite number or null, found number Infinity');
  });

  it('refuses rows of another indicator than the one asked for (an API answering with GNI for a mobile-subscriptions request)', () => {
    const gni = { ...ok, indicator: { id: 'NY.GNP.PCAP.CD', value: 'GNI per capita' } };
    expect(() => parseWorldBankJson(JSON.stringify([info, [gni]]), 'wb.json', { expectIndicator: 'IT.CEL.SETS.P2' })).toThrow(
      'wb.json ([1][0].indicator.id): the API answered with indicator NY.GNP.PCAP.CD, not the IT.CEL.SETS.P2 asked for',
    );
    expect(parseWorldBankJson(JSON.stringify([info, [ok]]), 'wb.json', { expectIndicator: 'it.net.user.zs' }).observations).toHaveLength(1);
  });

  it('refuses a year outside 1900–2100', () => {
    expect(problemOf(JSON.stringify([info, [{ ...ok, date: '1850' }]]))).toBe('wb.json ([1][0].date): year 1850 is outside 1900–2100');
  });
});

describe('nextWorldBankPage', () => {
  it('asks for the following page until the last one', () => {
    const info = parseWorldBankJson(PAGE).info;
    expect(nextWorldBankPage(info)).toBe(2);
    expect(nextWorldBankPage({ ...info, page: 2 })).toBeNull();
  });
});
