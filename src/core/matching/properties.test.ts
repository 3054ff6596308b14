/**
 * Properties of the matching engine over generated needs and offerings (the
 * real vocabulary in miniature, test/support/matching.ts): a fitting attribute
 * never lowers a score, a broken hard constraint always excludes, rankings are
 * deterministic, scores stay in [0, 1] and the explanation adds up to the score.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_DIGCOMP, ESCO, FRANCE, matchContext, NIGER, testTaxonomy, TOPICS, UNMEASURED } from '../../../test/support/matching.js';
import { violations } from './constraints.js';
import { prepareDemand, rankDemands, rankSupplies, scorePair } from './engine.js';
import { linkStrength, type TermRef } from './taxonomy.js';
import type { Demand, Supply } from './types.js';
import { LEVELS } from './weights.js';

const context = matchContext();
const AUDIENCES = ['policymakers-regulators', 'public-servants', 'enterprises-smes', 'educators', 'individuals'];
const GROUPS = ['women-girls', 'youth', 'older-persons', 'persons-with-disabilities'];
const MODALITIES = ['self-paced-online', 'live-online', 'in-person', 'blended'];
const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es', 'sw'];
const ESCOS = Object.values(ESCO);
const some = <T>(values: readonly T[], max = 3) => fc.uniqueArray(fc.constantFrom(...values), { maxLength: max });
const atLeastOne = <T>(values: readonly T[], max = 3) => fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: max });
const day = fc.integer({ min: 0, max: 700 }).map((n) => new Date(Date.UTC(2026, 11, 1) + n * 86_400_000).toISOString().slice(0, 10));
const money = fc.record({ amount: fc.integer({ min: 0, max: 5000 }), currency: fc.constantFrom('USD', 'EUR') });

const demandArb: fc.Arbitrary<Demand> = fc
  .record({
    id: fc.uuid(),
    country: fc.constantFrom(NIGER, FRANCE, UNMEASURED),
    languages: atLeastOne(LANGS),
    topics: atLeastOne(TOPICS),
    digcomp: some(ALL_DIGCOMP, 2),
    esco: some(ESCOS, 1),
    audiences: atLeastOne(AUDIENCES),
    targetGroups: some(GROUPS, 2),
    peopleCount: fc.option(fc.integer({ min: 1, max: 2000 })),
    level: fc.option(fc.constantFrom(...LEVELS)),
    preferredModality: fc.option(fc.constantFrom(...MODALITIES)),
    dates: fc.tuple(fc.option(day), fc.option(day)),
    budget: fc.option(money),
  })
  .map(({ dates: [a, b], ...rest }) => ({
    ...rest,
    startDate: a !== null && b !== null && b < a ? b : a,
    endDate: a !== null && b !== null && b < a ? a : b,
  }));

const supplyArb: fc.Arbitrary<Supply> = fc
  .record({
    id: fc.uuid(),
    kind: fc.constantFrom('training', 'course', 'programme', 'advisory-service', 'toolkit-guide'),
    providerId: fc.uuid(),
    languages: atLeastOne(LANGS),
    topics: atLeastOne(TOPICS),
    digcomp: some(ALL_DIGCOMP, 3),
    esco: some(ESCOS, 2),
    audiences: atLeastOne(AUDIENCES),
    targetGroups: some(GROUPS, 2),
    levels: some(LEVELS, 2),
    accessibility: some(['captions', 'transcripts', 'screen-reader'], 2),
    modality: fc.option(fc.constantFrom(...MODALITIES)),
    bandwidth: fc.option(fc.constantFrom('offline', 'low', 'high')),
    eligibleCountries: some(['NER', 'FRA', 'MLI', 'XKX'], 2),
    eligibleGroups: some(['WLD', 'LDC', '150', '011', 'SIDS'], 2),
    fee: fc.option(money),
    waivers: fc.boolean(),
    rolling: fc.boolean(),
    dates: fc.tuple(day, fc.integer({ min: 0, max: 120 })),
    seats: fc.option(fc.integer({ min: 1, max: 300 })),
    seatsTaken: fc.integer({ min: 0, max: 300 }),
    trackRecord: fc.option(
      fc
        .record({ completed: fc.integer({ min: 0, max: 50 }), ratings: fc.integer({ min: 0, max: 40 }) })
        .chain(({ completed, ratings }) =>
          fc.integer({ min: ratings, max: 5 * ratings }).map((ratingSum) => ({ completed, ratings, ratingSum })),
        ),
    ),
    textRank: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ rolling, dates: [start, days], textRank: _t, ...rest }) => {
    const end = new Date(Date.parse(`${start}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    return { ...rest, rolling, startDate: rolling ? null : start, endDate: rolling ? null : end };
  });

const textRank = fc.double({ min: 0, max: 1, noNaN: true });

function judge(need: Demand, offering: Supply, rank: number) {
  const allowed = violations(need, offering, context.today).length === 0;
  return { allowed, score: scorePair(prepareDemand(need, context), offering, rank).score };
}

/** Ways to give an offering one more attribute the need asks for. */
const FITTING_SUPPLY_CHANGES: Record<string, (need: Demand, o: Supply) => Supply> = {
  'a language the need accepts': (n, o) => ({ ...o, languages: [...new Set([...o.languages, n.languages[0]!])] }),
  'a topic the need asks for': (n, o) => ({ ...o, topics: [...new Set([...o.topics, n.topics[0]!])] }),
  'a competence the need asks for': (n, o) => ({ ...o, digcomp: [...new Set([...o.digcomp, ...n.digcomp.slice(0, 1)])] }),
  'an ESCO skill the need asks for': (n, o) => ({ ...o, esco: [...new Set([...o.esco, ...n.esco.slice(0, 1)])] }),
  'an audience the need asks for': (n, o) => ({ ...o, audiences: [...new Set([...o.audiences, n.audiences[0]!])] }),
  'a target group the need asks for': (n, o) => ({ ...o, targetGroups: [...new Set([...o.targetGroups, ...n.targetGroups.slice(0, 1)])] }),
  'the level the need asks for': (n, o) => (n.level ? { ...o, levels: [...new Set([...o.levels, n.level])] } : o),
  'the preferred modality, where none was stated': (n, o) => (o.modality === null ? { ...o, modality: n.preferredModality } : o),
  'offline use': (_, o) => ({ ...o, bandwidth: 'offline' }),
  'a stated low bandwidth, where none was stated': (_, o) => (o.bandwidth === null ? { ...o, bandwidth: 'low' } : o),
  'an accessibility feature': (_, o) => ({ ...o, accessibility: [...new Set([...o.accessibility, 'captions'])] }),
  'fee waivers': (_, o) => ({ ...o, waivers: true }),
  'no fee': (_, o) => ({ ...o, fee: null }),
  'more seats': (_, o) => ({ ...o, seats: o.seats === null ? null : o.seats + 50 }),
  'the need’s country in its eligibility': (n, o) => ({ ...o, eligibleCountries: [...new Set([...o.eligibleCountries, n.country.iso3])] }),
  'a completed match rated 5': (_, o) => {
    const r = o.trackRecord ?? { completed: 0, ratings: 0, ratingSum: 0 };
    return { ...o, trackRecord: { completed: r.completed + 1, ratings: r.ratings + 1, ratingSum: r.ratingSum + 5 } };
  },
  'rolling dates': (_, o) => ({ ...o, rolling: true, startDate: null, endDate: null }),
};

/** Ways to give a need one more attribute the offering has. */
const FITTING_DEMAND_CHANGES: Record<string, (n: Demand, o: Supply) => Demand> = {
  'a language the offering is given in': (n, o) => ({ ...n, languages: [...new Set([...n.languages, o.languages[0]!])] }),
  'a topic the offering covers': (n, o) => ({ ...n, topics: [...new Set([...n.topics, o.topics[0]!])] }),
  'an audience the offering serves': (n, o) => ({ ...n, audiences: [...new Set([...n.audiences, o.audiences[0]!])] }),
};

describe('matching properties', () => {
  for (const [what, change] of Object.entries(FITTING_SUPPLY_CHANGES)) {
    it(`never scores an offering lower for having ${what}`, () => {
      fc.assert(
        fc.property(demandArb, supplyArb, textRank, (need, offering, rank) => {
          const before = judge(need, offering, rank);
          const after = judge(need, change(need, offering), rank);
          expect(after.score).toBeGreaterThanOrEqual(before.score - 1e-9);
          expect(!before.allowed || after.allowed, 'a pair that was allowed stays allowed').toBe(true);
        }),
        { numRuns: 300 },
      );
    });
  }

  for (const [what, change] of Object.entries(FITTING_DEMAND_CHANGES)) {
    it(`never scores a pair lower when the need adds ${what}`, () => {
      fc.assert(
        fc.property(demandArb, supplyArb, textRank, (need, offering, rank) => {
          const before = judge(need, offering, rank);
          const after = judge(change(need, offering), offering, rank);
          expect(after.score).toBeGreaterThanOrEqual(before.score - 1e-9);
          expect(!before.allowed || after.allowed, 'a pair that was allowed stays allowed').toBe(true);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('never scores an offering lower for a higher text rank', () => {
    fc.assert(
      fc.property(demandArb, supplyArb, textRank, textRank, (need, offering, a, b) => {
        expect(judge(need, offering, Math.max(a, b)).score).toBeGreaterThanOrEqual(judge(need, offering, Math.min(a, b)).score);
      }),
    );
  });

  const BREAKERS: Record<string, (n: Demand, o: Supply) => Supply> = {
    language: (n, o) => ({ ...o, languages: ['xh', 'zu'].filter((l) => !n.languages.includes(l)) }),
    eligibility: (n, o) => ({ ...o, eligibleCountries: ['ZZZ'], eligibleGroups: ['ZZ1'].filter((g) => !n.country.groups.includes(g)) }),
    dates: (_, o) => ({ ...o, rolling: false, startDate: '2026-12-01', endDate: '2027-03-01' }),
    seats: (_, o) => ({ ...o, seats: 10, seatsTaken: 10 }),
    kind: (_, o) => ({ ...o, kind: 'infrastructure-pledge' }),
  };

  for (const [constraint, breakIt] of Object.entries(BREAKERS)) {
    it(`always excludes an offering that breaks the ${constraint} constraint, however well it scores`, () => {
      fc.assert(
        fc.property(demandArb, fc.array(supplyArb, { minLength: 1, maxLength: 6 }), textRank, (need, offerings, rank) => {
          const broken = breakIt(need, offerings[0]!);
          const ranking = rankSupplies(
            need,
            [broken, ...offerings.slice(1)].map((record) => ({ record, textRank: rank })),
            context,
          );
          expect(ranking.ranked.some((m) => m.id === broken.id)).toBe(false);
          const excluded = ranking.excluded.find((e) => e.id === broken.id);
          expect(excluded?.violations.map((v) => v.constraint)).toContain(constraint);
        }),
        { numRuns: 200 },
      );
    });
  }

  it('ranks deterministically: the same candidates in any order give the same ranking, by score then id', () => {
    fc.assert(
      fc.property(demandArb, fc.array(fc.tuple(supplyArb, textRank), { maxLength: 12 }), fc.integer(), (need, pairs, seed) => {
        const candidates = pairs.map(([record, rank]) => ({ record, textRank: rank }));
        const shuffled = candidates.toSorted(
          (a, b) => ((a.record.id.charCodeAt(seed & 7) ^ seed) & 15) - ((b.record.id.charCodeAt(seed & 7) ^ seed) & 15),
        );
        const first = rankSupplies(need, candidates, context);
        expect(rankSupplies(need, shuffled, context)).toEqual(first);
        for (let i = 1; i < first.ranked.length; i += 1) {
          const [a, b] = [first.ranked[i - 1]!, first.ranked[i]!];
          expect(a.score > b.score || (a.score === b.score && a.id <= b.id)).toBe(true);
        }
      }),
    );
  });

  it('keeps every score in [0, 1], every component within its weight, and the points adding up to the score', () => {
    fc.assert(
      fc.property(demandArb, supplyArb, textRank, (need, offering, rank) => {
        const { score, explanation } = scorePair(prepareDemand(need, context), offering, rank);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        for (const e of explanation) {
          expect(e.fit).toBeGreaterThanOrEqual(0);
          expect(e.fit).toBeLessThanOrEqual(1);
          expect(e.points).toBeLessThanOrEqual(e.weight);
        }
        expect(Math.abs(explanation.reduce((s, e) => s + e.points, 0) - score)).toBeLessThan(1e-9);
      }),
      { numRuns: 500 },
    );
  });

  it('scores a pair the same whether the need or the offering asks', () => {
    fc.assert(
      fc.property(demandArb, supplyArb, textRank, (need, offering, rank) => {
        const a = rankSupplies(need, [{ record: offering, textRank: rank }], context);
        const b = rankDemands(offering, [{ record: need, textRank: rank }], context);
        expect(a.ranked.map((m) => m.score)).toEqual(b.ranked.map((m) => m.score));
        expect(a.excluded.map((e) => e.violations)).toEqual(b.excluded.map((e) => e.violations));
      }),
    );
  });

  it('links vocabulary terms symmetrically, so a candidate found from either side is the same', () => {
    const tax = testTaxonomy();
    const term: fc.Arbitrary<TermRef> = fc.oneof(
      fc.constantFrom(...TOPICS).map((topics) => ({ topics })),
      fc.constantFrom(...ALL_DIGCOMP).map((digcomp) => ({ digcomp })),
      fc.constantFrom(...ESCOS).map((esco) => ({ esco })),
    );
    fc.assert(
      fc.property(term, term, (a, b) => {
        expect(linkStrength(tax, a, b)).toBe(linkStrength(tax, b, a));
      }),
      { numRuns: 2000 },
    );
  });
});
