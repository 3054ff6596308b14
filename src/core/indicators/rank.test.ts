import { describe, expect, it } from 'vitest';
import { rankAmongPeers, rankPeers } from './rank.js';

const eastAfrica = new Map<string, number | null>([
  ['KEN', 40.8],
  ['UGA', 10.3],
  ['TZA', 40.8],
  ['RWA', 34.4],
  ['BDI', null],
]);

describe('rankPeers', () => {
  it('ranks higher values first for higher-is-better indicators, ties sharing a rank', () => {
    const ranks = rankPeers(eastAfrica, 'higher-is-better');
    expect(ranks.get('KEN')).toEqual({ rank: 1, of: 4, tiedWith: 2, label: '=1 of 4' });
    expect(ranks.get('TZA')?.rank).toBe(1);
    // Competition ranking: after two at 1 the next is 3, not 2.
    expect(ranks.get('RWA')).toEqual({ rank: 3, of: 4, tiedWith: 1, label: '3 of 4' });
    expect(ranks.get('UGA')?.label).toBe('4 of 4');
  });

  it('ranks lower values first for lower-is-better indicators', () => {
    const prices = new Map([
      ['A', 1.2],
      ['B', 5.8],
      ['C', 2.4],
    ]);
    const ranks = rankPeers(prices, 'lower-is-better');
    expect([...ranks.entries()].map(([code, r]) => [code, r.rank])).toEqual([
      ['A', 1],
      ['B', 3],
      ['C', 2],
    ]);
  });

  it('leaves peers without a finite value out of the ranking and out of the count', () => {
    const ranks = rankPeers(
      new Map([
        ['A', 1],
        ['B', Number.NaN],
        ['C', null],
      ]),
      'higher-is-better',
    );
    expect(ranks.has('B')).toBe(false);
    expect(ranks.has('C')).toBe(false);
    expect(ranks.get('A')?.of).toBe(1);
  });
});

describe('rankAmongPeers', () => {
  it('gives one country\'s rank as "n of m"', () => {
    expect(rankAmongPeers('RWA', eastAfrica, 'higher-is-better')?.label).toBe('3 of 4');
  });

  it('returns null for a country without a value', () => {
    expect(rankAmongPeers('BDI', eastAfrica, 'higher-is-better')).toBeNull();
    expect(rankAmongPeers('XXX', eastAfrica, 'higher-is-better')).toBeNull();
  });
});
