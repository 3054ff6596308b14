import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getIndicator, INDICATOR_CATALOGUE } from './catalogue.js';
import { implausibility, plausibleRange } from './plausibility.js';

describe('plausible ranges by unit', () => {
  it('refuse the values of issue 8: internet use of −12.5, 250 and 1.2e29', () => {
    const internet = getIndicator('internet-use');
    for (const value of [-12.5, 250, 1.2e29])
      expect(implausibility(internet, value)).toMatch(/outside the plausible range 0–100 of internet-use/);
    expect(implausibility(internet, 0)).toBeNull();
    expect(implausibility(internet, 100)).toBeNull();
  });

  it('give a percentage 0–100, a parity index 0–5 and subscriptions per 100 people 0–500', () => {
    expect(plausibleRange(getIndicator('mobile-ownership'))).toEqual({ min: 0, max: 100 });
    expect(plausibleRange(getIndicator('mobile-ownership-gender-parity'))).toEqual({ min: 0, max: 5 });
    expect(plausibleRange(getIndicator('mobile-subscriptions'))).toEqual({ min: 0, max: 500 });
    expect(implausibility(getIndicator('mobile-subscriptions'), 416.3)).toBeNull(); // Macao-like, real
    expect(implausibility(getIndicator('population'), -1)).not.toBeNull();
  });

  it('never accept a value that is not a finite number, for any indicator', () => {
    for (const indicator of INDICATOR_CATALOGUE) {
      for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])
        expect(implausibility(indicator, value)).not.toBeNull();
    }
  });

  it('contain every natural bound of the catalogue: no value the catalogue allows is refused', () => {
    expect(() =>
      fc.assert(
        fc.property(fc.constantFrom(...INDICATOR_CATALOGUE), fc.double({ min: 0, max: 100, noNaN: true }), (indicator, value) => {
          const { min, max } = indicator.bounds;
          const inNatural = (min === null || value >= min) && (max === null || value <= max);
          return !inNatural || implausibility(indicator, value) === null || indicator.unit === 'ratio';
        }),
      ),
    ).not.toThrow();
  });
});
