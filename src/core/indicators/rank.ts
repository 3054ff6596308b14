/**
 * Where a country stands among its peers (region, income group, LDCs) for one year. Ties share a
 * rank ("competition ranking": 1, 2, 2, 4) so two countries with the same published value are
 * never shown in an order the data does not support. Values are compared exactly: sources
 * publish fixed decimals, so equal published values are equal numbers.
 */
import type { Direction } from './types.js';

export interface PeerRank {
  /** 1 = best, respecting the indicator's direction. */
  readonly rank: number;
  /** Number of peers with a value (the "m" in "n of m"), the country included. */
  readonly of: number;
  /** How many peers share this rank, the country included (1 when not tied). */
  readonly tiedWith: number;
  /** "3 of 12", or "=3 of 12" when tied. */
  readonly label: string;
}

function better(direction: Direction): (a: number, b: number) => number {
  return direction === 'higher-is-better' ? (a, b) => b - a : (a, b) => a - b;
}

/**
 * Rank every peer that has a finite value. Peers without a value are left out, and so do not
 * count in "of".
 *
 * @example
 * rankPeers(new Map([['KEN', 40.8], ['UGA', 10.3], ['TZA', 40.8], ['RWA', 34.4]]), 'higher-is-better');
 * // KEN → =1 of 4, TZA → =1 of 4, RWA → 3 of 4, UGA → 4 of 4
 */
export function rankPeers(values: ReadonlyMap<string, number | null>, direction: Direction): Map<string, PeerRank> {
  const present = [...values.entries()].filter((entry): entry is [string, number] => {
    const value = entry[1];
    return value !== null && Number.isFinite(value);
  });
  const compare = better(direction);
  const sorted = present.map(([, value]) => value).toSorted(compare);
  const of = sorted.length;
  const ranks = new Map<string, PeerRank>();
  for (const [code, value] of present) {
    const rank = sorted.findIndex((other) => other === value) + 1;
    const tiedWith = sorted.filter((other) => other === value).length;
    const label = `${tiedWith > 1 ? '=' : ''}${rank} of ${of}`;
    ranks.set(code, { rank, of, tiedWith, label });
  }
  return ranks;
}

/**
 * Rank of one country among peers for a year, or `null` when it has no value itself.
 * `peerValues` should include the country.
 *
 * @example
 * rankAmongPeers('RWA', new Map([['KEN', 40.8], ['RWA', 34.4], ['UGA', 10.3]]), 'higher-is-better');
 * // { rank: 2, of: 3, tiedWith: 1, label: '2 of 3' }
 */
export function rankAmongPeers(country: string, peerValues: ReadonlyMap<string, number | null>, direction: Direction): PeerRank | null {
  return rankPeers(peerValues, direction).get(country) ?? null;
}
