import { describe, expect, it } from 'vitest';
import type { Observation } from '../../core/indicators/index.js';
import { areaResolver } from './areas.js';
import { COMPUTED_INDICATORS } from './compute.js';
import { prepareBatch, SKIPPED, type ObservationBatch } from './prepare.js';

const areas = areaResolver(
  [
    { m49: '404', iso2: 'KE', iso3: 'KEN' },
    { m49: '686', iso2: 'SN', iso3: 'SEN' },
  ],
  ['WLD', '002', 'LDC'],
);
const ctx = { areas, computed: COMPUTED_INDICATORS, today: '2026-11-30' };
const obs = (overrides: Partial<Observation> = {}): Observation => ({
  indicator: 'internet-use',
  area: 'KEN',
  year: 2023,
  value: 40,
  estimate: false,
  note: null,
  breakdown: {},
  at: { line: 2, column: 8, field: 'OBS_VALUE' },
  ...overrides,
});
function batch(observations: Observation[], overrides: Partial<ObservationBatch> = {}): ObservationBatch {
  return {
    name: 'in.csv',
    file: '/data/in.csv',
    sha256: 'x',
    rows: observations.length,
    parsed: { observations, deletions: [], skipped: {} },
    source: 'A source',
    vintage: '2026-06-30',
    keepsPublishedAggregates: false,
    ...overrides,
  };
}

describe('prepareBatch', () => {
  it('refuses an implausible value with file, line, column and field (issue 8: −12.5, 250 and 1.2e29 were stored)', () => {
    for (const value of [-12.5, 250, 1.2e29]) {
      expect(() => prepareBatch(batch([obs({ value })]), ctx)).toThrow(
        new RegExp(
          `^/data/in\\.csv:2:8 \\(OBS_VALUE\\): ${String(value).replace(/[.+]/g, '\\$&')} is outside the plausible range 0–100 of internet-use`,
        ),
      );
    }
  });

  it('refuses a duplicate in one input before any write, naming both lines (issue 8: ON CONFLICT … cannot affect row a second time)', () => {
    const twice = [obs(), obs({ area: '404', value: 41, at: { line: 5, column: 8, field: 'OBS_VALUE' } })];
    expect(() => prepareBatch(batch(twice), ctx)).toThrow(
      '/data/in.csv:5:8 (OBS_VALUE): internet-use 404 2023 appears twice in the input (first on line 2)',
    );
  });

  it('refuses a vintage in the future, for the input and for a row carrying its own (issue 8: 2099-01-01 blocked later revisions)', () => {
    expect(() => prepareBatch(batch([obs()], { vintage: '2099-01-01' }), ctx)).toThrow(
      '/data/in.csv (vintage): 2099-01-01 is in the future (today is 2026-11-30)',
    );
    expect(() => prepareBatch(batch([obs({ vintage: '2099-01-01' })]), ctx)).toThrow(
      '/data/in.csv:2 (VINTAGE): 2099-01-01 is in the future',
    );
  });

  it('counts every value left out under its reason and keeps the rest, so that the summary accounts for all of them', () => {
    const input = [
      obs(),
      obs({ area: 'XKX' }),
      obs({ indicator: 'NY.GDP.MKTP.CD' }),
      obs({ indicator: 'gni-per-capita-monthly', value: 100 }),
      obs({ area: '002', value: 35 }),
      obs({ area: 'SEN', indicator: 'mobile-ownership', breakdown: { sex: 'other' } }),
    ];
    const prepared = prepareBatch(
      batch(input, { parsed: { observations: input, deletions: [], skipped: { 'empty cell (no value)': 4 } } }),
      ctx,
    );
    expect(prepared.observations).toHaveLength(1);
    expect(prepared.skipped).toEqual({
      'empty cell (no value)': 4,
      "area not an M49 country or one of the platform's groups (1 code: XKX)": 1,
      'indicator NY.GDP.MKTP.CD not in the catalogue': 1,
      [SKIPPED.computedIndicator]: 1,
      [SKIPPED.groupAggregate]: 1,
      'unknown breakdown of mobile-ownership': 1,
    });
    expect(prepared.values).toBe(10);
  });

  it("keeps a publisher's own group figures for comparison only where the input is such a publication", () => {
    const prepared = prepareBatch(batch([obs({ area: '2', value: 35 })], { keepsPublishedAggregates: true }), ctx);
    expect(prepared.aggregates).toEqual([
      {
        indicator_code: 'internet-use',
        group_code: '002',
        year: 2023,
        breakdown: '',
        value: 35,
        source: 'A source',
        vintage: '2026-06-30',
      },
    ]);
  });

  it('takes the provenance a row carries over the input default', () => {
    const [row] = prepareBatch(batch([obs({ source: 'ITU via WDI', vintage: '2026-03-01' })]), ctx).observations;
    expect(row).toMatchObject({ source: 'ITU via WDI', vintage: '2026-03-01' });
  });

  it('leaves out a known error of the source, counted, and refuses every other implausible value', () => {
    const known = new Map([['internet-use|KEN|2023|', 'a share above 100 %']]);
    const input = [obs({ value: 104 }), obs({ area: 'SEN', value: 50 })];
    expect(prepareBatch(batch(input, { knownErrors: known }), ctx).skipped).toEqual({ [SKIPPED.knownError]: 1 });
    expect(() => prepareBatch(batch([obs({ area: 'SEN', value: 104 })], { knownErrors: known }), ctx)).toThrow(
      /outside the plausible range/,
    );
  });

  it('refuses an input of which nothing can be used, saying why (issue 8: 0 inserted, "skipped": {} and exit 0)', () => {
    expect(() => prepareBatch(batch([obs({ area: 'XKX' }), obs({ area: 'EAS' })]), ctx)).toThrow(
      "/data/in.csv: nothing to import: all 2 values were left out (area not an M49 country or one of the platform's groups (2 codes: EAS, XKX): 2)",
    );
    expect(() => prepareBatch(batch([]), ctx)).toThrow('/data/in.csv: nothing to import: the input holds no values');
  });

  it('turns a deletion into a key, and refuses the same key deleted and given in one input', () => {
    const deletion = { indicator: 'internet-use', area: 'ken', year: 2023, breakdown: {}, at: { line: 3, column: 6, field: 'REF_AREA' } };
    const prepared = prepareBatch(batch([], { parsed: { observations: [], deletions: [deletion], skipped: {} } }), ctx);
    expect(prepared.deletions).toEqual([
      { indicator_code: 'internet-use', m49: '404', year: 2023, breakdown: '', vintage: '2026-06-30', source: 'A source' },
    ]);
    expect(() => prepareBatch(batch([obs()], { parsed: { observations: [obs()], deletions: [deletion], skipped: {} } }), ctx)).toThrow(
      /in\.csv:3:6 \(REF_AREA\): internet-use ken 2023 appears twice/,
    );
  });
});
