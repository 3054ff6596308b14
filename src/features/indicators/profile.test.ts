import { describe, expect, it } from 'vitest';
import { getIndicator } from '../../core/indicators/index.js';
import { computeProfile, latestYears } from './profile.js';
import type { SeriesPoint } from './repository.js';

const point = (indicator: string, year: number, value: number): SeriesPoint => ({ indicator_code: indicator, year, value, source: 'S', vintage: '2026-03-01', estimate: false });
const internet = getIndicator('internet-use');
const population = getIndicator('population');

describe('computeProfile', () => {
  const series = [50, 55, 58, 63, 66].map((v, i) => point('internet-use', 2019 + i, v)).concat([point('population', 2023, 1e6)]);
  const peers = new Map([['internet-use', new Map([[2023, new Map([['AAA', 66], ['BBB', 80], ['CCC', 66], ['DDD', 10]])]])]]);
  const [net, pop] = computeProfile({
    m49: 'AAA', catalogue: [internet, population], series,
    rankGroups: [{ code: '002', kind: 'region', members: ['AAA', 'BBB', 'CCC', 'DDD', 'EEE'] }, { code: 'LDC', kind: 'development-status', members: ['AAA', 'DDD'] }],
    peerValues: peers,
  });

  it('gives the latest value, band, gap and the trend model\'s 2030 outlook', () => {
    expect(net).toMatchObject({ code: 'internet-use', latest: { year: 2023, value: 66 }, band: 'satisfactory', targetMet: false, gap: 34, onTrack: false });
    // fitTrend's own example: slope 4 a year, 94.4 in 2030, target (95) reached 8 years after 2023.
    expect(net!.trend?.slope).toBeCloseTo(4, 10);
    expect(net!.projected2030).toBeCloseTo(94.4, 10);
    expect(net!.yearsToTarget).toBe(8);
  });

  it('ranks among the peers with a value that year, ties shared, and leaves context indicators unranked', () => {
    expect(net!.ranks).toEqual([
      { group: '002', kind: 'region', year: 2023, rank: 2, of: 4, tied: true, label: '=2 of 4' },
      { group: 'LDC', kind: 'development-status', year: 2023, rank: 1, of: 2, tied: false, label: '1 of 2' },
    ]);
    expect(pop).toMatchObject({ latest: { value: 1e6 }, band: null, trend: null, ranks: [], targetMet: null });
  });

  it('says "no data" rather than inventing a value', () => {
    const [empty] = computeProfile({ m49: 'AAA', catalogue: [internet], series: [], rankGroups: [], peerValues: new Map() });
    expect(empty).toMatchObject({ latest: null, band: null, gap: null, projected2030: null, onTrack: null, yearsToTarget: null, ranks: [] });
  });

  it('asks for peer values only in each indicator\'s latest year', () => {
    expect(latestYears(series)).toEqual([{ indicator: 'internet-use', year: 2023 }, { indicator: 'population', year: 2023 }]);
  });
});
