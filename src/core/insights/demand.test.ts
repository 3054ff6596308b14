import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUNNEL, firstFailingStep, median, thinnest } from './demand.js';

describe('why a need has no fitting offering', () => {
  it('names the first step no offering passes', () => {
    expect(firstFailingStep({ topic: false, language: false, eligibility: false, dates: false })).toBe('topic');
    expect(firstFailingStep({ topic: true, language: true, eligibility: false, dates: false })).toBe('eligibility');
    expect(firstFailingStep({ topic: true, language: true, eligibility: true, dates: true })).toBeNull();
  });

  it('never names a step after one that failed (property: passes are cumulative)', () => {
    fc.assert(
      fc.property(fc.nat({ max: FUNNEL.length }), (passed) => {
        const passes = Object.fromEntries(FUNNEL.map((step, i) => [step, i < passed])) as Record<(typeof FUNNEL)[number], boolean>;
        expect(firstFailingStep(passes)).toBe(FUNNEL[passed] ?? null);
      }),
    );
  });
});

describe('thin supply', () => {
  it('puts what is never offered first, then the most needs per offering', () => {
    const rows = thinnest([
      { code: 'fr', needs: 4, offerings: 1 },
      { code: 'en', needs: 3, offerings: 30 },
      { code: 'ar', needs: 2, offerings: 0 },
      { code: 'ru', needs: 0, offerings: 5 },
      { code: 'zh', needs: 5, offerings: 0 },
    ]);
    expect(rows.map((r) => [r.code, r.needsPerOffering])).toEqual([
      ['zh', null],
      ['ar', null],
      ['fr', 4],
      ['en', 0.1],
    ]);
  });

  it('is deterministic whatever the input order (property)', () => {
    const row = fc.record({ code: fc.constantFrom('a', 'b', 'c', 'd', 'e'), needs: fc.nat({ max: 20 }), offerings: fc.nat({ max: 20 }) });
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => r.code }), (rows) => {
        expect(thinnest(rows.toReversed())).toEqual(thinnest(rows));
      }),
    );
  });

  it('takes the median of days', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 4, 2])).toBe(3);
  });
});
