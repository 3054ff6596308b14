import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoPerson, demoProject, type PeopleDemoContext } from './demo.js';
import { roleFit, WEIGHTS, type CandidateFacts, type RoleRequirements } from './role-fit.js';
import { digcompCodes, digcompLevelTokens, languageTokens, LANGUAGE_LEVELS } from './skills.js';
import {
  audiencesOf,
  effectiveVisibility,
  partsSeenBy,
  PROFILE_PARTS,
  VISIBILITIES,
  type PartVisibility,
  type Visibility,
} from './visibility.js';

const all = (v: Visibility): PartVisibility => Object.fromEntries(PROFILE_PARTS.map((p) => [p, v])) as PartVisibility;

describe('profile visibility', () => {
  it('never shows a part more widely than the basics', () => {
    const chosen = { ...all('public'), basics: 'members' as const };
    expect(effectiveVisibility(chosen).skills).toBe('members');
    expect(audiencesOf(chosen)).toEqual([0, 1]);
    expect([...partsSeenBy(chosen, 2)]).toEqual([]);
    expect(partsSeenBy(chosen, 1).has('skills')).toBe(true);
  });

  it('keeps one search row per audience that sees the person, each holding only what that audience may see', () => {
    const visibility = fc.constantFrom(...VISIBILITIES);
    const parts = fc.record(
      Object.fromEntries(PROFILE_PARTS.map((p) => [p, visibility])) as Record<keyof PartVisibility, typeof visibility>,
    );
    fc.assert(
      fc.property(parts, (chosen) => {
        for (const audience of [0, 1, 2] as const) {
          const seen = partsSeenBy(chosen, audience);
          // A row exists for an audience exactly when it sees the basics.
          expect(audiencesOf(chosen).includes(audience)).toBe(seen.has('basics'));
          // A narrower audience (lower rank) sees at least what a wider one sees.
          const narrower = audience > 0 ? partsSeenBy(chosen, (audience - 1) as 0 | 1) : seen;
          for (const part of seen) expect(narrower.has(part)).toBe(true);
        }
      }),
    );
  });
});

describe('skill tokens', () => {
  it('expands a language level into every level it reaches', () => {
    expect(languageTokens([{ code: 'fr', level: 'B2' }])).toEqual(['fr>=A1', 'fr>=A2', 'fr>=B1', 'fr>=B2']);
    expect(languageTokens([{ code: 'ar', level: 'native' }])).toHaveLength(LANGUAGE_LEVELS.length);
  });

  it('lists a competence with its area, and areas take their best competence', () => {
    expect(
      digcompCodes([
        { code: '4.2', level: 5 },
        { code: '4.1', level: 2 },
        { code: '1.1', level: 1 },
      ]),
    ).toEqual(['1', '1.1', '4', '4.1', '4.2']);
    const tokens = digcompLevelTokens([
      { code: '4.2', level: 3 },
      { code: '4.1', level: 6 },
    ]);
    expect(tokens).toContain('4>=6');
    expect(tokens).toContain('4.2>=3');
    expect(tokens).not.toContain('4.2>=4');
  });
});

describe('role fit', () => {
  const role: RoleRequirements = {
    topics: ['cybersecurity'],
    digcomp: [{ code: '4.2', level: 6 }],
    esco: [],
    languages: [{ code: 'fr', level: 'B2' }],
    timeShare: 50,
    from: '2027-01-01',
    to: '2027-12-31',
    countries: ['KEN'],
  };
  const places: Record<string, { subRegion: string; region: string }> = {
    KEN: { subRegion: '202', region: '002' },
    UGA: { subRegion: '202', region: '002' },
    EGY: { subRegion: '015', region: '002' },
    FRA: { subRegion: '155', region: '150' },
  };
  const placeOf = (iso3: string) => places[iso3];
  const station = (iso3: string) => ({ iso3, ...places[iso3]! });
  const perfect: CandidateFacts = {
    topics: ['cybersecurity'],
    digcomp: [{ code: '4.2', level: 7 }],
    esco: [],
    languages: [{ code: 'fr', level: 'C1' }],
    availability: [{ share: 50, from: '2026-01-01', to: null }],
    dutyStation: station('KEN'),
  };

  it('gives 1 to someone who has everything the role asks, with one entry per component', () => {
    const fit = roleFit(role, perfect, placeOf, '2026-06-01');
    expect(fit.score).toBe(1);
    expect(fit.explanation.map((e) => [e.component, e.points])).toEqual([
      ['skills', WEIGHTS.skills],
      ['languages', WEIGHTS.languages],
      ['availability', WEIGHTS.availability],
      ['dutyStation', WEIGHTS.dutyStation],
    ]);
  });

  it('gives part of the skill credit for a lower level and half for another competence of the same area', () => {
    const lower = roleFit(role, { ...perfect, digcomp: [{ code: '4.2', level: 3 }] }, placeOf, '2026-06-01');
    expect(lower.explanation[0]).toMatchObject({ matched: ['topic:cybersecurity'], partial: ['digcomp:4.2'], points: 0.338 });
    const sameArea = roleFit(role, { ...perfect, digcomp: [{ code: '4.1', level: 8 }] }, placeOf, '2026-06-01');
    expect(sameArea.explanation[0]).toMatchObject({ partial: ['digcomp:4.2'], points: 0.338 });
    const none = roleFit(role, { ...perfect, digcomp: [{ code: '1.1', level: 8 }] }, placeOf, '2026-06-01');
    expect(none.explanation[0]).toMatchObject({ missing: ['digcomp:4.2'], points: 0.225 });
  });

  it('measures availability over the role’s period and share of time', () => {
    const half = roleFit(role, { ...perfect, availability: [{ share: 25, from: '2027-01-01', to: '2027-12-31' }] }, placeOf, '2026-06-01');
    expect(half.explanation[2]).toMatchObject({ coveredShare: 0.5, offeredShare: 25, points: 0.1 });
    const partOfYear = roleFit(role, { ...perfect, availability: [{ share: 100, from: '2027-07-02', to: null }] }, placeOf, '2026-06-01');
    expect(partOfYear.explanation[2]).toMatchObject({ coveredShare: 0.501 });
  });

  it('prefers a duty station in the country, then the sub-region, then the region', () => {
    const points = ['KEN', 'UGA', 'EGY', 'FRA'].map(
      (iso3) => roleFit(role, { ...perfect, dutyStation: station(iso3) }, placeOf, '2026-06-01').explanation[3]!.points,
    );
    expect(points).toEqual([0.1, 0.06, 0.03, 0]);
  });

  it('scores hidden parts as absent, and says so', () => {
    const hidden = roleFit(role, { ...perfect, topics: null, digcomp: null, esco: null, languages: null }, placeOf, '2026-06-01');
    expect(hidden.explanation[0]).toMatchObject({ points: 0, hidden: true });
    expect(hidden.explanation[1]).toMatchObject({ points: 0, hidden: true });
    expect(hidden.score).toBe(0.3);
  });

  it('always scores between 0 and 1, and more of a skill never lowers the score', () => {
    const level = fc.integer({ min: 1, max: 8 });
    fc.assert(
      fc.property(level, level, (a, b) => {
        const low = roleFit(role, { ...perfect, digcomp: [{ code: '4.2', level: Math.min(a, b) as 1 }] }, placeOf, '2026-06-01').score;
        const high = roleFit(role, { ...perfect, digcomp: [{ code: '4.2', level: Math.max(a, b) as 1 }] }, placeOf, '2026-06-01').score;
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeLessThanOrEqual(1);
        expect(high).toBeGreaterThanOrEqual(low);
      }),
    );
  });
});

describe('demo people and projects', () => {
  const context: PeopleDemoContext = {
    countries: [
      { iso3: 'NER', names: { ar: 'النيجر', zh: '尼日尔', en: 'Niger', fr: 'Niger', ru: 'Нигер', es: 'Níger' }, groups: ['LDC', 'LLDC'] },
      { iso3: 'PER', names: { ar: 'بيرو', zh: '秘鲁', en: 'Peru', fr: 'Pérou', ru: 'Перу', es: 'Perú' }, groups: ['UMC'] },
      { iso3: 'CHN', names: { ar: 'الصين', zh: '中国', en: 'China', fr: 'Chine', ru: 'Китай', es: 'China' }, groups: ['UMC'] },
    ],
    topics: new Map([['cybersecurity', { names: { en: 'Cybersecurity', fr: 'Cybersécurité' }, areas: ['4'] }]]),
    competences: new Map([['4', ['4.1', '4.2', '4.3', '4.4']]]),
    esco: ['5d1e5ba2-3b59-4d72-8f31-0c2a9a7cf2e3'],
  };

  it('makes the same person for the same seed and index, whatever else is generated', () => {
    expect(demoPerson(7, 3, context)).toEqual(demoPerson(7, 3, context));
    expect(demoPerson(7, 3, context)).not.toEqual(demoPerson(8, 3, context));
    expect(demoProject(7, 1, context, 50)).toEqual(demoProject(7, 1, context, 50));
  });

  it('labels every generated bio and project as generated, in its own language', () => {
    const bios = Array.from({ length: 30 }, (_, i) => demoPerson(1, i, context).profile['bio'] as { text: string; language: string });
    expect(new Set(bios.map((b) => b.language))).toEqual(new Set(['fr', 'es', 'zh']));
    for (const bio of bios) expect(bio.text).toMatch(/generado|généré|生成/);
    expect(String(demoProject(1, 0, context, 10).body['description'])).toMatch(/generado|généré|生成|Generated/);
  });
});
