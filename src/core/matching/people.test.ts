/**
 * People for an advisory need (people.ts), over generated needs and profiles with the real
 * vocabulary in miniature: a fitting attribute never lowers a score, a broken hard constraint
 * always excludes, rankings are deterministic, scores stay in [0, 1] and add up, and a hidden
 * part neither excludes nor scores.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_DIGCOMP, ESCO, testTaxonomy, TOPICS } from '../../../test/support/matching.js';
import { LANGUAGE_LEVELS, PROFICIENCY_LEVELS } from '../people/skills.js';
import { advisoryTimeframe, personViolations, rankPeople, scorePerson, type AdvisoryNeed, type PersonSupply } from './people.js';

const context = { taxonomy: testTaxonomy(), today: '2027-01-15' };
const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es', 'sw'];
const PLACES = [
  { iso3: 'NER', subRegion: '202', region: '002' },
  { iso3: 'MLI', subRegion: '202', region: '002' },
  { iso3: 'EGY', subRegion: '015', region: '002' },
  { iso3: 'FRA', subRegion: '155', region: '150' },
];
const day = fc.integer({ min: 0, max: 500 }).map((n) => new Date(Date.UTC(2026, 11, 1) + n * 86_400_000).toISOString().slice(0, 10));
const ordered = (a: string | null, b: string | null) =>
  (a !== null && b !== null && b < a ? [b, a] : [a, b]) as [string | null, string | null];
const some = <T>(values: readonly T[], max = 3) => fc.uniqueArray(fc.constantFrom(...values), { maxLength: max });

const needArb: fc.Arbitrary<AdvisoryNeed> = fc
  .record({
    id: fc.uuid(),
    place: fc.constantFrom(...PLACES),
    languages: fc.uniqueArray(fc.constantFrom(...LANGS), { minLength: 1, maxLength: 2 }),
    topics: fc.uniqueArray(fc.constantFrom(...TOPICS), { minLength: 1, maxLength: 2 }),
    digcomp: some(ALL_DIGCOMP, 2),
    esco: some(Object.values(ESCO), 1),
    dates: fc.tuple(fc.option(day), fc.option(day)),
  })
  .map(({ dates, ...rest }) => {
    const [startDate, endDate] = ordered(...dates);
    return { ...rest, startDate, endDate };
  });

const period = fc
  .record({ share: fc.integer({ min: 1, max: 100 }), from: day, to: fc.option(day) })
  .map((p) => (p.to !== null && p.to < p.from ? { ...p, to: p.from } : p));
const languageArb = fc.record({ code: fc.constantFrom(...LANGS), level: fc.constantFrom(...LANGUAGE_LEVELS) });

const personArb: fc.Arbitrary<PersonSupply> = fc.record({
  id: fc.uuid(),
  topics: fc.option(some(TOPICS, 3)),
  digcomp: fc.option(
    fc.uniqueArray(fc.record({ code: fc.constantFrom(...ALL_DIGCOMP), level: fc.constantFrom(...PROFICIENCY_LEVELS) }), {
      maxLength: 3,
      selector: (c) => c.code,
    }),
  ),
  esco: fc.option(some(Object.values(ESCO), 2)),
  languages: fc.option(fc.uniqueArray(languageArb, { maxLength: 3, selector: (l) => l.code })),
  availability: fc.option(fc.array(period, { maxLength: 2 })),
  dutyStation: fc.option(fc.constantFrom(...PLACES)),
});

describe('people for an advisory need', () => {
  it('keeps scores in [0, 1], the points adding up to the score (property)', () => {
    fc.assert(
      fc.property(needArb, personArb, (need, person) => {
        const { score, explanation } = scorePerson(need, person, context);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(Math.abs(explanation.reduce((s, e) => s + e.points, 0) - score)).toBeLessThan(1e-3);
      }),
    );
  });

  it('never lowers a score when a fitting attribute is added: a need’s topic, language, period or its country (property)', () => {
    fc.assert(
      fc.property(needArb, personArb, fc.nat(), (need, person, pick) => {
        const before = scorePerson(need, person, context).score;
        const frame = advisoryTimeframe(need, context.today);
        const additions: PersonSupply[] = [
          { ...person, topics: [...new Set([...(person.topics ?? []), need.topics[pick % need.topics.length]!])] },
          {
            ...person,
            languages: [
              ...(person.languages ?? []).filter((l) => l.code !== need.languages[0]),
              { code: need.languages[0]!, level: 'native' },
            ],
          },
          { ...person, availability: [...(person.availability ?? []), { share: 1 + (pick % 100), from: frame.from, to: frame.to }] },
          { ...person, dutyStation: need.place },
        ];
        for (const added of additions) {
          if (personViolations(need, added, context.today).length > 0) continue;
          expect(scorePerson(need, added, context).score).toBeGreaterThanOrEqual(before - 1e-9);
        }
      }),
    );
  });

  it('always excludes a person who breaks a hard constraint, and never for a hidden part (property)', () => {
    fc.assert(
      fc.property(needArb, fc.array(personArb, { maxLength: 6 }), (need, people) => {
        const { ranked, excluded } = rankPeople(need, people, context);
        const out = new Set(excluded.map((e) => e.id));
        for (const person of people) {
          const broken = personViolations(need, person, context.today);
          expect(out.has(person.id)).toBe(broken.length > 0);
          const constraints = broken.map((b) => b.constraint);
          expect(person.languages !== null || !constraints.includes('language')).toBe(true);
          expect(person.availability !== null || !constraints.includes('availability')).toBe(true);
        }
        expect(ranked.every((m) => !out.has(m.id))).toBe(true);
        // Speaking none of the need's languages always excludes.
        const silent: PersonSupply = {
          id: 'x',
          topics: need.topics,
          digcomp: null,
          esco: null,
          languages: [{ code: 'xx', level: 'native' }],
          availability: null,
          dutyStation: need.place,
        };
        expect(rankPeople(need, [silent], context).ranked).toEqual([]);
      }),
    );
  });

  it('ranks deterministically, whatever the order people come in (property)', () => {
    fc.assert(
      fc.property(needArb, fc.uniqueArray(personArb, { maxLength: 8, selector: (p) => p.id }), (need, people) => {
        const a = rankPeople(need, people, context);
        const b = rankPeople(need, people.toReversed(), context);
        expect(b).toEqual(a);
        for (let i = 1; i < a.ranked.length; i++) expect(a.ranked[i - 1]!.score).toBeGreaterThanOrEqual(a.ranked[i]!.score);
      }),
    );
  });

  it('prefers the adviser in the need’s region who speaks its language and is free in its timeframe, and says why', () => {
    const need: AdvisoryNeed = {
      id: 'n',
      place: PLACES[0]!,
      languages: ['fr'],
      topics: [TOPICS[0]!],
      digcomp: [],
      esco: [],
      startDate: '2027-03-01',
      endDate: '2027-05-31',
    };
    const base: PersonSupply = {
      id: 'a',
      topics: [TOPICS[0]!],
      digcomp: [],
      esco: [],
      languages: [{ code: 'fr', level: 'C2' }],
      availability: [{ share: 20, from: '2027-01-01', to: null }],
      dutyStation: PLACES[1]!,
    };
    const far = { ...base, id: 'b', dutyStation: PLACES[3]!, languages: [{ code: 'fr', level: 'B1' as const }] };
    const busy = { ...base, id: 'c', availability: [{ share: 50, from: '2027-09-01', to: null }] };
    const hiddenSkills = { ...base, id: 'd', topics: null, digcomp: null, esco: null };
    const { ranked, excluded } = rankPeople(need, [far, busy, base, hiddenSkills], context);
    expect(ranked.map((m) => m.id)).toEqual(['a', 'b', 'd']);
    expect(excluded).toEqual([{ id: 'c', violations: [expect.objectContaining({ constraint: 'availability' })] }]);
    const station = ranked[0]!.explanation.find((e) => e.component === 'duty-station')!;
    expect(station).toMatchObject({ fit: 0.6, messages: [{ key: 'matching.person.station.subRegion' }] });
    expect(ranked[2]!.explanation[0]!.messages).toEqual([{ key: 'matching.person.hidden', params: {} }]);
  });
});
