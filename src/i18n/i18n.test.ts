import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../shared/localised.js';
import { en } from './catalogues/en.js';
import { CATALOGUES, direction, formatNumber, negotiate, t } from './i18n.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).toSorted();

describe('interface catalogues', () => {
  it.each(LANGUAGES)('%s has every key of the English catalogue, each non-empty, and no other', (lang) => {
    const catalogue = CATALOGUES[lang];
    expect(Object.keys(catalogue).toSorted()).toEqual(Object.keys(en).toSorted());
    for (const [key, text] of Object.entries(catalogue)) expect(text.trim(), key).not.toBe('');
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s keeps every {placeholder} of the English text', (lang) => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(CATALOGUES[lang][key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('translates rather than copies English in the other five languages', () => {
    // A few strings are rightly the same (French "Organisations", "Sources", unit symbols);
    // a catalogue that copies more than 3 % of its keys from English has not been translated.
    const keys = Object.keys(en) as (keyof typeof en)[];
    for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
      const same = keys.filter((k) => CATALOGUES[lang][k] === en[k] && /[a-z]{4}/.test(en[k]));
      expect(same.length, `${lang} copies English in: ${same.join(', ')}`).toBeLessThanOrEqual(Math.ceil(keys.length * 0.03));
    }
  });
});

describe('t()', () => {
  it('fills placeholders with numbers formatted for the language', () => {
    expect(t('en', 'countries.shown', { count: 1234 })).toContain('1,234');
    expect(t('fr', 'countries.shown', { count: 1234 })).toMatch(/1\s234/);
    expect(t('ar', 'countries.shown', { count: 5 })).toMatch(/[٥5]/);
  });

  it('leaves an unknown placeholder visible instead of dropping it', () => {
    expect(t('en', 'countries.shown')).toContain('{count}');
  });
});

describe('language negotiation', () => {
  it('picks the best of the six languages by quality', () => {
    expect(negotiate('de-DE, fr;q=0.8, en;q=0.5')).toBe('fr');
    expect(negotiate('zh-CN,zh;q=0.9')).toBe('zh');
    expect(negotiate('ar-EG')).toBe('ar');
  });

  it('returns nothing when none of the six is acceptable', () => {
    expect(negotiate('de, it;q=0.5')).toBeUndefined();
    expect(negotiate('fr;q=0')).toBeUndefined();
    expect(negotiate(undefined)).toBeUndefined();
  });

  it('makes Arabic right-to-left and the rest left-to-right', () => {
    expect(LANGUAGES.filter((l) => direction(l) === 'rtl')).toEqual(['ar']);
  });

  it('formats numbers through Intl', () => {
    expect(formatNumber('es', 1234567.5)).toBe(new Intl.NumberFormat('es').format(1234567.5));
  });
});
