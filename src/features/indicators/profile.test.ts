import { describe, expect, it } from 'vitest';
import { getIndicator } from '../../core/indicators/index.js';
import { computeGroupProfile, computeProfile, rankWindows } from './profile.js';
import type { AggregateListRow, SeriesPoint } from './repository.js';

const point = (indicator: string, year: number, value: number): SeriesPoint => ({
  indicator_code: indicator,
  year,
  value,
  source: 'S',
  vintage: '2026-03-01',
  estimate: false,
});
const internet = getIndicator('internet-use');
const population = getIndicator('population');
const parity = getIndicator('mobile-ownership-gender-parity');
const yv = (...points: [number, number][]) => points.map(([year, value]) => ({ year, value }));

describe('computeProfile', () => {
  const series = [50, 55, 58, 63, 66].map((v, i) => point('internet-use', 2019 + i, v)).concat([point('population', 2023, 1e6)]);
  // Peers' values in the window 2021–2023: BBB last reported 2022, CCC 2023, DDD 2021; EEE only 2019 (outside).
  const peers = new Map([
    [
      'internet-use',
      new Map([
        ['AAA', yv([2021, 58], [2022, 63], [2023, 66])],
        ['BBB', yv([2022, 80])],
        ['CCC', yv([2021, 40], [2023, 66])],
        ['DDD', yv([2021, 10])],
      ]),
    ],
  ]);
  const [net, pop] = computeProfile({
    m49: 'AAA',
    catalogue: [internet, population],
    series,
    rankGroups: [
      { code: '002', kind: 'region', members: ['AAA', 'BBB', 'CCC', 'DDD', 'EEE'] },
      { code: 'LDC', kind: 'development-status', members: ['AAA', 'DDD'] },
    ],
    peerValues: peers,
  });

  it("gives the latest value, band, gap and the trend model's 2030 outlook", () => {
    expect(net).toMatchObject({
      code: 'internet-use',
      latest: { year: 2023, value: 66 },
      band: 'satisfactory',
      targetMet: false,
      gap: 34,
      onTrack: false,
    });
    // fitTrend's own example: slope 4 a year, 94.4 in 2030, target (95) reached 8 years after 2023.
    expect(net!.trend?.slope).toBeCloseTo(4, 10);
    expect(net!.projected2030).toBeCloseTo(94.4, 10);
    expect(net!.yearsToTarget).toBe(8);
  });

  it("ranks on each peer's latest value in the three years to the country's latest, says the window and who had none", () => {
    expect(net!.ranks).toEqual([
      {
        group: '002',
        kind: 'region',
        year: 2023,
        window: { from: 2021, to: 2023 },
        rank: 2,
        of: 4,
        withoutValue: 1,
        tied: true,
        label: '=2 of 4',
      },
      {
        group: 'LDC',
        kind: 'development-status',
        year: 2023,
        window: { from: 2021, to: 2023 },
        rank: 1,
        of: 2,
        withoutValue: 0,
        tied: false,
        label: '1 of 2',
      },
    ]);
    expect(pop).toMatchObject({ latest: { value: 1e6 }, band: null, trend: null, ranks: [], targetMet: null });
  });

  it('never fails because of one value that is not a finite number: it is left out (issue 8: 1e400 gave a 500)', () => {
    const broken = [...series, point('internet-use', 2024, Number.POSITIVE_INFINITY)];
    const peersWithNaN = new Map([['internet-use', new Map([...peers.get('internet-use')!, ['BBB', yv([2023, Number.NaN])]])]]);
    const [withBad] = computeProfile({
      m49: 'AAA',
      catalogue: [internet],
      series: broken,
      rankGroups: [{ code: '002', kind: 'region', members: ['AAA', 'BBB', 'CCC'] }],
      peerValues: peersWithNaN,
    });
    expect(withBad).toMatchObject({ latest: { year: 2023, value: 66 }, band: 'satisfactory' });
    expect(withBad!.ranks[0]).toMatchObject({ of: 2, withoutValue: 1 });
    const [group] = computeGroupProfile([internet], [row('internet-use', 2022, 60), row('internet-use', 2023, Number.NaN)]);
    expect(group!.latest).toMatchObject({ year: 2022, value: 60 });
  });

  it('says "no data" rather than inventing a value', () => {
    const [empty] = computeProfile({ m49: 'AAA', catalogue: [internet], series: [], rankGroups: [], peerValues: new Map() });
    expect(empty).toMatchObject({
      latest: null,
      band: null,
      gap: null,
      projected2030: null,
      onTrack: null,
      yearsToTarget: null,
      ranks: [],
    });
  });

  it("asks for peer values only for ranked indicators, in the window ending at each one's latest year", () => {
    expect(rankWindows(series, [internet, population])).toEqual([{ indicator: 'internet-use', from: 2021, to: 2023 }]);
  });
});

const row = (indicator: string, year: number, value: number, published: number | null = null): AggregateListRow => ({
  indicator_code: indicator,
  group_code: 'LDC',
  year,
  breakdown: '',
  value,
  coverage: 0.9,
  members_with_data: 40,
  members_gap_filled: 3,
  members_total: 45,
  estimated_share: 0.05,
  method: 'population-weighted mean',
  published_value: published,
  published_source: published === null ? null : 'WB',
  published_vintage: published === null ? null : '2024-11-29',
});

describe('computeGroupProfile', () => {
  const rows = [50, 55, 58, 63, 66]
    .map((v, i) => row('internet-use', 2019 + i, v, i === 4 ? 65 : null))
    .concat([row('population', 2023, 1e9)]);
  const [net, pop, par] = computeGroupProfile([internet, population, parity], rows.toReversed());

  it("fits the country trend model on the aggregate series and shows the latest aggregate with its coverage and the source's figure", () => {
    expect(net).toMatchObject({
      code: 'internet-use',
      aggregation: 'population-weighted',
      latest: {
        year: 2023,
        value: 66,
        coverage: 0.9,
        estimatedShare: 0.05,
        method: 'population-weighted mean',
        members: { withData: 40, gapFilled: 3, total: 45 },
      },
      published: { value: 65, source: 'WB', vintage: '2024-11-29' },
      difference: 1,
      band: 'satisfactory',
      targetMet: false,
      gap: 34,
      onTrack: false,
      yearsToTarget: 8,
    });
    expect(net!.trend?.yearsUsed).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(net!.trend?.slope).toBeCloseTo(4, 10);
    expect(net!.projected2030).toBeCloseTo(94.4, 10);
  });

  it('keeps context indicators without a target, and not-aggregated ones without a value', () => {
    expect(pop).toMatchObject({ latest: { value: 1e9 }, published: null, difference: null, band: null, trend: null, targetMet: null });
    expect(par).toMatchObject({ code: 'mobile-ownership-gender-parity', aggregation: 'none', latest: null, trend: null, gap: null });
  });
});
