/**
 * The colours prove themselves: contrast against the background computed here (WCAG 2.1
 * SC 1.4.11 asks 3:1 for graphics that carry meaning), distinct dash and marker pairs, map
 * classes ordered by lightness, and the charts section of app.css saying the same as palette.ts.
 */
import { describe, expect, it } from 'vitest';
import { chartStyles } from './standalone.js';
import { BACKGROUND, contrastRatio, MAP_RAMP, NO_DATA_INK, rampIndexes, relativeLuminance, SERIES_STYLES } from './palette.js';

const css = chartStyles();

describe('palette', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
  it('gives every series a colour of at least 3:1 (and 4.5:1, since labels are drawn in it)', () => {
    for (const s of SERIES_STYLES) {
      expect(contrastRatio(s.colour, BACKGROUND), s.colour).toBeGreaterThanOrEqual(4.5);
    }
  });
  it('never relies on colour alone: every series has its own dash and marker pair', () => {
    const pairs = SERIES_STYLES.map((s) => `${s.dash ?? 'solid'}|${s.marker}`);
    expect(new Set(pairs).size).toBe(SERIES_STYLES.length);
    expect(SERIES_STYLES).toHaveLength(10);
  });
  it('keeps every map class and the no-data hatch at 3:1 or more, ordered from light to dark', () => {
    for (const c of [...MAP_RAMP, NO_DATA_INK]) expect(contrastRatio(c, BACKGROUND), c).toBeGreaterThanOrEqual(3);
    const luminance = MAP_RAMP.map(relativeLuminance);
    for (let i = 1; i < luminance.length; i++) {
      expect(luminance[i]!).toBeLessThan(luminance[i - 1]!);
      // neighbours stay apart, so classes read in greyscale print
      expect(contrastRatio(MAP_RAMP[i]!, MAP_RAMP[i - 1]!)).toBeGreaterThanOrEqual(1.4);
    }
  });
  it('spreads fewer classes over the ramp', () => {
    expect(rampIndexes(5)).toEqual([0, 1, 2, 3, 4]);
    expect(rampIndexes(4)).toEqual([0, 1, 2, 4]);
    expect(rampIndexes(3)).toEqual([0, 2, 4]);
    expect(() => rampIndexes(6)).toThrow(RangeError);
  });
  it('has the chart styles colour the series and classes exactly as palette.ts says', () => {
    SERIES_STYLES.forEach((s, i) => {
      const rule = new RegExp(`\\.s${i} \\{ --c: ${s.colour};${s.dash ? ` --d: ${s.dash};` : ''} \\}`);
      expect(css, `.s${i}`).toMatch(rule);
    });
    MAP_RAMP.forEach((c, i) => expect(css).toContain(`.chart .k${i} { fill: ${c}; }`));
    expect(css).toContain(`stroke: ${NO_DATA_INK}`);
  });
  it('has no chart rule the CSP cannot keep under the CSP (no @import, no url() to elsewhere)', () => {
    expect(css).not.toMatch(/@import|url\(/);
  });
});
