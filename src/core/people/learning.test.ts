import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandwidthFor, raisedLevel, skillGaps } from './learning.js';
import { LANGUAGE_LEVELS, type LanguageLevel } from './skills.js';

const none = { topics: [], digcomp: [], languages: [] };

describe('skillGaps', () => {
  it('finds what a role asks for that the person does not have, with the best they have towards it', () => {
    const person = {
      topics: ['cybersecurity'],
      digcomp: [
        { code: '4.2', level: 3 as const },
        { code: '4.1', level: 6 as const },
        { code: '1.1', level: 2 as const },
      ],
      languages: [{ code: 'fr', level: 'B1' as const }],
    };
    const role = {
      topics: ['cybersecurity', 'digital-health'],
      digcomp: [
        { code: '4', level: 5 as const }, // area 4: 4.1 at 6 meets it
        { code: '4.2', level: 5 as const }, // only 3
        { code: '1.2', level: 2 as const }, // none of that competence
      ],
      languages: [
        { code: 'fr', level: 'B2' as const },
        { code: 'ar', level: 'A2' as const },
      ],
    };
    expect(skillGaps(person, role)).toEqual([
      { kind: 'digcomp', code: '4.2', need: 5, have: 3 },
      { kind: 'digcomp', code: '1.2', need: 2, have: null },
      { kind: 'topic', code: 'digital-health', need: null, have: null },
      { kind: 'language', code: 'fr', need: 'B2', have: 'B1' },
      { kind: 'language', code: 'ar', need: 'A2', have: null },
    ]);
  });

  it('finds no gap when the person has everything at the level asked or above (a property)', () => {
    const level = fc.integer({ min: 1, max: 8 });
    const languageLevel = fc.constantFrom(...LANGUAGE_LEVELS);
    fc.assert(
      fc.property(level, fc.integer({ min: 0, max: 7 }), languageLevel, (need, extra, lang: LanguageLevel) => {
        const have = Math.min(8, need + extra) as 1;
        const role = { topics: ['t'], digcomp: [{ code: '2.3', level: need as 1 }], languages: [{ code: 'es', level: lang }] };
        const person = { topics: ['t'], digcomp: [{ code: '2.3', level: have }], languages: [{ code: 'es', level: 'native' as const }] };
        expect(skillGaps(person, role)).toEqual([]);
        // …and everything is a gap for someone with nothing.
        expect(skillGaps(none, role).map((g) => g.kind)).toEqual(['digcomp', 'topic', 'language']);
      }),
    );
  });
});

describe('bandwidthFor and raisedLevel', () => {
  it('keeps to offline and low-bandwidth offerings where fewer than half use the internet', () => {
    expect(bandwidthFor(31.2)).toEqual(['offline', 'low']);
    expect(bandwidthFor(49.9)).toEqual(['offline', 'low']);
    expect(bandwidthFor(50)).toBeUndefined();
    expect(bandwidthFor(null)).toBeUndefined();
  });
  it('raises a competence to the target, never lowers it', () => {
    expect(raisedLevel(null, 4)).toBe(4);
    expect(raisedLevel(3, 5)).toBe(5);
    expect(raisedLevel(7, 5)).toBe(7);
  });
});
