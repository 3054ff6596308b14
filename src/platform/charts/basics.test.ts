/**
 * The pure pieces every chart stands on: escaping, ids, number formatting in the six
 * languages, scales and ticks, text fitting, mirroring anchors.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/localised.js';
import { assertChartId, escapeText } from './escape.js';
import { formatEdge, formatTicks, formatValue, formatYear, tickDecimals } from './format.js';
import { anchorAt, r1 } from './frame.js';
import { valueAxis, yearAxis } from './scales.js';
import { fitText, textWidth } from './text.js';
import { CHART_WORDS } from './words.js';

describe('escaping', () => {
  it('escapes the five XML specials so text can never open a tag or close an attribute', () => {
    expect(escapeText(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
  });
  it('leaves other text, Arabic and Chinese included, as it is', () => {
    expect(escapeText('كينيا 中国 Côte d’Ivoire')).toBe('كينيا 中国 Côte d’Ivoire');
  });
  it('accepts ids that are safe inside id= and url(#…), refuses others', () => {
    expect(() => assertChartId('trend-it-user-2')).not.toThrow();
    for (const bad of ['', 'Trend', '1trend', 'a b', 'a"b', 'x'.repeat(41), 'a)b'])
      expect(() => assertChartId(bad), bad).toThrow(RangeError);
  });
});

describe('numbers in the reader’s language', () => {
  it('formats values with exactly the indicator’s decimals, as Intl does for each language', () => {
    expect(formatValue('en', 1234.56, 1)).toBe('1,234.6');
    expect(formatValue('fr', 1234.56, 1)).toBe('1\u202f234,6');
    expect(formatValue('en', 35, 1)).toBe('35.0');
    for (const lang of LANGUAGES) {
      expect(formatValue(lang, 1234.5, 1)).toBe(
        new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(1234.5),
      );
    }
  });
  it('writes years without grouping in every language', () => {
    for (const lang of LANGUAGES) {
      const year = formatYear(lang, 2024);
      expect(year).toBe(new Intl.NumberFormat(lang, { useGrouping: false }).format(2024));
      expect(year).not.toMatch(/[,.\s\u202f\u00a0]/);
    }
  });
  it('gives ticks the decimals their step needs and no more', () => {
    expect(tickDecimals(20)).toBe(0);
    expect(tickDecimals(2.5)).toBe(1);
    expect(tickDecimals(0.25)).toBe(2);
    expect(tickDecimals(0.1 + 0.2)).toBe(1); // float noise does not ask for 17 decimals
    expect(formatTicks('en', [0, 0.5, 1])).toEqual(['0.0', '0.5', '1.0']);
    expect(formatTicks('en', [])).toEqual([]);
    expect(() => tickDecimals(0)).toThrow(RangeError);
  });
  it('shortens ticks from a million up with the language’s compact form', () => {
    expect(formatTicks('en', [0, 2e9, 4e9])).toEqual(['0', '2B', '4B']);
    expect(formatTicks('zh', [0, 5e8])).toEqual(['0', '5亿']);
    expect(formatTicks('en', [0, 20000, 40000])).toEqual(['0', '20,000', '40,000']);
  });
  it('prints class edges without decimals they do not need', () => {
    expect(formatEdge('en', 50, 1)).toBe('50');
    expect(formatEdge('fr', 12.25, 1)).toBe('12,3');
  });
});

describe('scales', () => {
  it('always shows zero and every value, with round ticks', () => {
    const axis = valueAxis([3, 47], [180, 20], 4);
    expect(axis.scale.domain()).toEqual([0, 50]);
    expect(axis.ticks[0]).toBe(0);
    expect(axis.ticks.at(-1)).toBe(50);
  });
  it('widens a wanted domain to hold the data instead of cutting it off', () => {
    const axis = valueAxis([20, 123.4], [100, 0], 5, [0, 100]);
    expect(axis.scale.domain()[1]).toBeGreaterThanOrEqual(123.4);
    expect(valueAxis([20, 60], [100, 0], 5, [0, 100]).scale.domain()).toEqual([0, 100]);
  });
  it('reaches below zero for negative values and stays usable when all values are zero', () => {
    expect(valueAxis([-3, 5], [100, 0], 4).scale.domain()[0]).toBeLessThan(0);
    const flat = valueAxis([0, 0], [100, 0], 4);
    expect(flat.scale.domain()[1]).toBeGreaterThan(0);
  });
  it('puts year ticks on whole years only, and centres a single year', () => {
    const axis = yearAxis([2019, 2020, 2021], [0, 300], 10);
    expect(axis.ticks.every(Number.isInteger)).toBe(true);
    expect(axis.ticks).toEqual([2019, 2020, 2021]);
    const single = yearAxis([2022], [0, 100], 4);
    expect(single.scale(2022)).toBe(50);
    expect(yearAxis([2000, 2024], [0, 100], 3).ticks.length).toBeLessThanOrEqual(3);
    expect(() => yearAxis([2020.5], [0, 1], 2)).toThrow(RangeError);
  });
});

describe('layout helpers', () => {
  it('maps a visual side to the text-anchor that means it under each direction', () => {
    expect(anchorAt('left', 'ltr')).toBe('start');
    expect(anchorAt('right', 'ltr')).toBe('end');
    expect(anchorAt('left', 'rtl')).toBe('end');
    expect(anchorAt('right', 'rtl')).toBe('start');
  });
  it('rounds coordinates to one decimal without a trailing zero or a negative zero', () => {
    expect(r1(12.345)).toBe('12.3');
    expect(r1(12.0)).toBe('12');
    expect(r1(-0.04)).toBe('0');
  });
  it('measures wide scripts wider and shortens only what does not fit', () => {
    expect(textWidth('中国', 10)).toBeGreaterThan(textWidth('ab', 10));
    expect(fitText('Kenya', 100, 11)).toBe('Kenya');
    const short = fitText('Bosnia and Herzegovina', 60, 11);
    expect(short.endsWith('…')).toBe(true);
    expect(textWidth(short, 11)).toBeLessThanOrEqual(60);
  });
  it('has every chart word in the six languages from the catalogue, with the ranges and counts filled in', () => {
    for (const lang of LANGUAGES) {
      const words = CHART_WORDS[lang];
      expect(words.table.length, lang).toBeGreaterThan(0);
      expect(words.between('10', '20'), lang).toMatch(/10.*20/);
      expect(words.atLeast('95'), lang).toContain('95');
      expect(words.areas(7), lang).toMatch(/7/);
    }
    expect(CHART_WORDS.en.between('50', '75')).toBe('50 to under 75');
    expect(CHART_WORDS.ru.areas(5)).toBe('5 стран или территорий');
    expect(CHART_WORDS.fr.areas(1)).toBe('1 pays ou zone');
  });
});
