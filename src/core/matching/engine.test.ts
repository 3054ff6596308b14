import { describe, expect, it } from 'vitest';
import { demand, ESCO, FRANCE, matchContext, NIGER, supply, testTaxonomy, UNMEASURED } from '../../../test/support/matching.js';
import { connectivityLevel } from './connectivity.js';
import { prepareDemand, rankDemands, rankSupplies, scorePair } from './engine.js';
import { linkStrength } from './taxonomy.js';
import { COMPONENTS, type Demand, type Supply } from './types.js';
import { WEIGHTS } from './weights.js';

const context = matchContext();
const one = (need: Demand, offering: Supply, textRank = 0) => rankSupplies(need, [{ record: offering, textRank }], context);
const score = (need: Demand, offering: Supply, textRank = 0) => scorePair(prepareDemand(need, context), offering, textRank).score;
const constraintsOf = (need: Demand, offering: Supply) => one(need, offering).excluded[0]?.violations.map((v) => v.constraint) ?? [];

describe('hard constraints', () => {
  it('excludes an offering in no language the need accepts, and says which languages', () => {
    const ranking = one(demand({ languages: ['fr', 'ha'] }), supply({ languages: ['en', 'es'] }));
    expect(ranking.ranked).toEqual([]);
    expect(ranking.excluded[0]?.violations[0]).toEqual({
      constraint: 'language',
      message: {
        key: 'matching.excluded.language',
        params: { offered: { languages: ['en', 'es'] }, accepted: { languages: ['fr', 'ha'] } },
      },
    });
  });

  it('opens an offering to a country through the country, any of its groups, or the world', () => {
    const need = demand({ country: NIGER });
    for (const eligibility of [
      { eligibleCountries: ['NER'], eligibleGroups: [] },
      { eligibleCountries: [], eligibleGroups: ['LDC'] },
      { eligibleCountries: [], eligibleGroups: ['011'] },
      { eligibleCountries: [], eligibleGroups: ['LIC'] },
      { eligibleCountries: [], eligibleGroups: ['WLD'] },
      { eligibleCountries: [], eligibleGroups: [] },
    ]) {
      expect(one(need, supply(eligibility)).ranked, JSON.stringify(eligibility)).toHaveLength(1);
    }
    expect(constraintsOf(need, supply({ eligibleCountries: ['MLI'], eligibleGroups: ['SIDS', '150'] }))).toEqual(['eligibility']);
  });

  it('keeps to the timeframe: rolling and undated offerings fit, what starts before it opens or ends after it closes does not', () => {
    const need = demand({ startDate: '2027-02-01', endDate: '2027-06-30' });
    expect(one(need, supply({ rolling: true, startDate: null, endDate: null })).ranked).toHaveLength(1);
    expect(one(need, supply({ kind: 'advisory-service', startDate: null, endDate: null })).ranked).toHaveLength(1);
    expect(one(need, supply({ startDate: '2027-02-01', endDate: '2027-06-30' })).ranked).toHaveLength(1);
    const early = one(need, supply({ startDate: '2027-01-20', endDate: '2027-02-20' })).excluded[0]!.violations[0]!;
    expect(early.message).toEqual({
      key: 'matching.excluded.datesEarly',
      params: { start: { date: '2027-01-20' }, from: { date: '2027-02-01' } },
    });
    expect(one(need, supply({ startDate: '2027-06-01', endDate: '2027-07-01' })).excluded[0]!.violations[0]!.message.key).toBe(
      'matching.excluded.datesLate',
    );
  });

  it('never offers what has already started, even to a need with no timeframe', () => {
    const need = demand({ startDate: null, endDate: null });
    expect(constraintsOf(need, supply({ startDate: '2027-01-10', endDate: '2027-03-01' }))).toEqual(['dates']);
    expect(one(need, supply({ startDate: '2027-01-15', endDate: '2027-03-01' })).ranked).toHaveLength(1);
  });

  it('excludes an offering with no seat left, and a pledge, listing every broken constraint in order', () => {
    expect(constraintsOf(demand(), supply({ seats: 25, seatsTaken: 25 }))).toEqual(['seats']);
    const pledge = supply({ kind: 'financing-pledge', languages: ['en'], eligibleGroups: ['SIDS'], seats: 1, seatsTaken: 1 });
    expect(constraintsOf(demand(), pledge)).toEqual(['kind', 'language', 'eligibility', 'seats']);
  });
});

describe('scores and explanations', () => {
  it('explains every component once, in a fixed order, and the points add up to the score', () => {
    const match = one(demand(), supply(), 0.04).ranked[0]!;
    expect(match.explanation.map((e) => e.component)).toEqual([...COMPONENTS]);
    const sum = match.explanation.reduce((s, e) => s + e.points, 0);
    expect(Math.abs(sum - match.score)).toBeLessThan(1e-9);
    for (const e of match.explanation) {
      expect(e.weight).toBe(WEIGHTS[e.component]);
      expect(e.points).toBeCloseTo(e.weight * e.fit, 3);
      expect(e.messages.length).toBeGreaterThan(0);
    }
  });

  it('weighs the components to 1, so a perfect pair scores 1 and the score stays in [0, 1]', () => {
    expect(Object.values(WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const perfect = supply({ trackRecord: { completed: 1000, ratings: 1000, ratingSum: 5000 } });
    expect(score(demand({ preferredModality: 'live-online' }), perfect, 1e9)).toBeGreaterThan(0.98);
  });

  it('scores the same pair the same from both sides', () => {
    const need = demand({ country: NIGER, preferredModality: 'in-person', budget: { amount: 2000, currency: 'USD' } });
    const offering = supply({ fee: { amount: 60, currency: 'USD' }, waivers: true, topics: ['digital-literacy'], modality: 'blended' });
    const fromNeed = rankSupplies(need, [{ record: offering, textRank: 0.03 }], context).ranked[0]!;
    const fromOffering = rankDemands(offering, [{ record: need, textRank: 0.03 }], context).ranked[0]!;
    expect(fromOffering.score).toBe(fromNeed.score);
    expect(fromOffering.explanation).toEqual(fromNeed.explanation);
  });

  it('ranks by score, then by id, whatever order the candidates come in', () => {
    const a = supply({ id: 'a', topics: ['cybersecurity'] });
    const b = supply({ id: 'b', topics: ['cybersecurity'] });
    const c = supply({ id: 'c', topics: ['digital-health'] });
    const forward = rankSupplies(
      demand(),
      [a, b, c].map((record) => ({ record, textRank: 0 })),
      context,
    );
    const backward = rankSupplies(
      demand(),
      [c, b, a].map((record) => ({ record, textRank: 0 })),
      context,
    );
    expect(forward.ranked.map((m) => m.id)).toEqual(['a', 'b', 'c']);
    expect(backward).toEqual(forward);
  });

  it('treats a provider with no record as neutral, and a well-rated one as better', () => {
    const none = one(demand(), supply()).ranked[0]!.explanation.find((e) => e.component === 'track-record')!;
    expect(none.fit).toBe(0.5);
    expect(none.messages[0]!.key).toBe('matching.trackRecord.none');
    const rated = supply({ trackRecord: { completed: 8, ratings: 6, ratingSum: 28 } });
    expect(score(demand(), rated)).toBeGreaterThan(score(demand(), supply()));
    const poor = supply({ trackRecord: { completed: 3, ratings: 3, ratingSum: 4 } });
    expect(score(demand(), poor)).toBeLessThan(score(demand(), supply()));
  });
});

describe('topic and competence overlap through the hierarchy', () => {
  const tax = testTaxonomy();
  it('links a competence to its area, a topic to the areas it builds, and topics sharing an area', () => {
    expect(linkStrength(tax, { digcomp: '4.2' }, { digcomp: '4' })).toBe(0.75);
    expect(linkStrength(tax, { digcomp: '4.2' }, { digcomp: '4.3' })).toBe(0.45);
    expect(linkStrength(tax, { topics: 'cybersecurity' }, { digcomp: '4.2' })).toBe(0.5);
    expect(linkStrength(tax, { topics: 'cybersecurity' }, { topics: 'data-protection-privacy' })).toBe(0.35);
    expect(linkStrength(tax, { topics: 'cybersecurity' }, { topics: 'spectrum-management' })).toBe(0);
  });

  it('links an ESCO skill to its broader skill and to the DigComp competence it describes', () => {
    expect(linkStrength(tax, { esco: ESCO.solveTechnicalProblems }, { esco: ESCO.identifyProblems })).toBe(0.7);
    expect(linkStrength(tax, { esco: ESCO.solveTechnicalProblems }, { digcomp: '5.1' })).toBe(0.8);
    expect(linkStrength(tax, { esco: ESCO.identifyProblems }, { digcomp: '5.1' })).toBeCloseTo(0.56, 10);
    expect(linkStrength(tax, { esco: ESCO.solveTechnicalProblems }, { topics: 'emerging-tech-iot-5g' })).toBeCloseTo(0.4, 10);
  });

  it('scores the same topic above a related one above an unrelated one', () => {
    const need = demand({ topics: ['cybersecurity'] });
    const same = score(need, supply({ topics: ['cybersecurity'] }));
    const viaCompetence = score(need, supply({ topics: ['digital-health'], digcomp: ['4.2'] }));
    const related = score(need, supply({ topics: ['data-protection-privacy'] }));
    const unrelated = score(need, supply({ topics: ['spectrum-management'] }));
    expect(same).toBeGreaterThan(viaCompetence);
    expect(viaCompetence).toBeGreaterThan(related);
    expect(related).toBeGreaterThan(unrelated);
    const topic = one(need, supply({ topics: ['data-protection-privacy'] })).ranked[0]!.explanation[0]!;
    expect(topic.messages[0]).toEqual({
      key: 'matching.topic.related',
      params: { offered: { term: 'topics', code: 'data-protection-privacy' }, asked: { term: 'topics', code: 'cybersecurity' } },
    });
  });

  it('credits a competence asked for when the offering teaches its area or a narrower ESCO descriptor', () => {
    const need = demand({ topics: ['digital-skills-for-work'], digcomp: ['5.1'] });
    const exact = score(need, supply({ topics: ['digital-skills-for-work'], digcomp: ['5.1'] }));
    const esco = score(need, supply({ topics: ['digital-skills-for-work'], esco: [ESCO.solveTechnicalProblems] }));
    const area = score(need, supply({ topics: ['digital-skills-for-work'], digcomp: ['5'] }));
    const none = score(need, supply({ topics: ['digital-skills-for-work'], digcomp: ['1.1'] }));
    expect(exact).toBeGreaterThan(esco);
    expect(esco).toBeGreaterThan(area);
    expect(area).toBeGreaterThan(none);
  });
});

describe('connectivity', () => {
  it('takes the weakest measured figure as the level and names it with its year', () => {
    expect(connectivityLevel(NIGER.connectivity)).toEqual({ level: 0, binding: { name: 'coverage4g', figure: { value: 0, year: 2017 } } });
    const france = connectivityLevel(FRANCE.connectivity);
    expect(france.binding?.name).toBe('internetUse');
    expect(france.level).toBeCloseTo(0.887, 3);
    expect(connectivityLevel(UNMEASURED.connectivity)).toEqual({ level: null, binding: null });
  });

  it('ranks offline, in-person and low-bandwidth offerings above high-bandwidth ones where connectivity is poor, not where it is good', () => {
    const formats: Partial<Supply>[] = [
      { id: 'high', modality: 'live-online', bandwidth: 'high' },
      { id: 'offline', modality: 'self-paced-online', bandwidth: 'offline' },
      { id: 'in-person', modality: 'in-person', bandwidth: null },
      { id: 'low', modality: 'live-online', bandwidth: 'low' },
    ];
    const rank = (country: typeof NIGER) =>
      rankSupplies(
        demand({ country, languages: ['fr'] }),
        formats.map((f) => ({ record: supply(f), textRank: 0 })),
        context,
      ).ranked;
    const niger = rank(NIGER);
    expect(niger.at(-1)!.id).toBe('high');
    const connectivity = niger.find((m) => m.id === 'high')!.explanation.find((e) => e.component === 'connectivity')!;
    expect(connectivity.fit).toBe(0);
    expect(connectivity.messages).toEqual([
      { key: 'matching.connectivity.coverage4g', params: { value: 0, year: '2017' } },
      { key: 'matching.connectivity.unsuitedHigh', params: {} },
    ]);
    const france = rank(FRANCE);
    const fits = france.map((m) => m.explanation.find((e) => e.component === 'connectivity')!.fit);
    expect(new Set(fits)).toEqual(new Set([1]));
  });

  it('prefers no format where the country has no measured figure', () => {
    const ranking = rankSupplies(
      demand({ country: UNMEASURED }),
      [supply({ id: 'x', bandwidth: 'high' }), supply({ id: 'y', bandwidth: 'offline' })].map((record) => ({ record, textRank: 0 })),
      context,
    );
    expect(ranking.ranked.map((m) => m.score)).toEqual([ranking.ranked[0]!.score, ranking.ranked[0]!.score]);
    expect(ranking.ranked[0]!.explanation.find((e) => e.component === 'connectivity')!.messages[0]!.key).toBe(
      'matching.connectivity.unknown',
    );
  });
});

describe('cost', () => {
  it('values fee waivers most in a least developed country, and compares the fee with the budget', () => {
    const paid = supply({ fee: { amount: 100, currency: 'USD' }, waivers: true });
    const costOf = (need: Demand) => one(need, paid).ranked[0]!.explanation.find((e) => e.component === 'cost')!;
    expect(costOf(demand({ country: NIGER })).fit).toBe(0.9);
    expect(costOf(demand({ country: FRANCE })).fit).toBe(0.6);
    const within = costOf(demand({ budget: { amount: 3000, currency: 'USD' }, peopleCount: 30 }));
    expect(within.fit).toBe(0.8);
    const noWaiver = supply({ fee: { amount: 100, currency: 'USD' } });
    const over = one(demand({ budget: { amount: 1500, currency: 'USD' }, peopleCount: 30 }), noWaiver).ranked[0]!.explanation[5]!;
    expect(over.component).toBe('cost');
    expect(over.fit).toBe(0.25);
    expect(over.messages[0]!.key).toBe('matching.cost.overBudget');
  });
});
