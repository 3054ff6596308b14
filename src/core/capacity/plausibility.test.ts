import { describe, expect, it } from 'vitest';
import {
  hasUnwantedCharacters,
  isCurrencyCode,
  isLanguageCode,
  isPlausibleDate,
  needProblems,
  offeringProblems,
  type OfferingShape,
} from './plausibility.js';

const course: OfferingShape = {
  kind: 'course',
  language: 'en',
  modality: 'blended',
  startDate: '2027-03-01',
  endDate: '2027-04-30',
  rolling: false,
  translations: [],
  pledge: null,
};

describe('plausibility', () => {
  it('refuses control characters and broken Unicode, but keeps line breaks in long text', () => {
    expect(hasUnwantedCharacters('Line one\nLine two\tend', { multiline: true })).toBe(false);
    expect(hasUnwantedCharacters('Line one\nLine two', { multiline: false })).toBe(true);
    expect(hasUnwantedCharacters('nul\u0000byte', { multiline: true })).toBe(true);
    expect(hasUnwantedCharacters('escape\u001b[31m', { multiline: true })).toBe(true);
    expect(hasUnwantedCharacters('C1\u0085', { multiline: true })).toBe(true);
    expect(hasUnwantedCharacters('lone \ud800 surrogate', { multiline: true })).toBe(true);
    expect(hasUnwantedCharacters('الأمن السيبراني 网络安全 😀', { multiline: false })).toBe(false);
  });

  it('knows real language and currency codes only', () => {
    expect(['en', 'sw', 'pt', 'tet', 'ha'].map(isLanguageCode)).toEqual([true, true, true, true, true]);
    expect(['xx', 'EN', 'english', '', 'qaa'].map(isLanguageCode)).toEqual([false, false, false, false, false]);
    expect(['USD', 'XOF', 'EUR'].map(isCurrencyCode)).toEqual([true, true, true]);
    expect(['usd', 'ZZZ', 'US$'].map(isCurrencyCode)).toEqual([false, false, false]);
  });

  it('accepts calendar dates between 2000 and 2100 only', () => {
    expect(['2027-02-28', '2028-02-29', '2000-01-01', '2100-12-31'].map(isPlausibleDate)).toEqual([true, true, true, true]);
    expect(['2027-02-29', '1999-12-31', '2101-01-01', '27-02-01', '2027-13-01', '2027-1-1'].map(isPlausibleDate)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('accepts a dated course and says nothing', () => {
    expect(offeringProblems(course)).toEqual([]);
  });

  it('finds dates out of order, a rolling offering with dates, and a course without dates or modality', () => {
    expect(offeringProblems({ ...course, endDate: '2027-02-01' }).map((p) => p.path.join('.'))).toEqual(['endDate']);
    expect(offeringProblems({ ...course, rolling: true }).map((p) => p.path.join('.'))).toEqual(['startDate']);
    expect(offeringProblems({ ...course, startDate: null, endDate: null }).map((p) => p.path.join('.'))).toEqual(['startDate']);
    expect(offeringProblems({ ...course, modality: null }).map((p) => p.path.join('.'))).toEqual(['modality']);
  });

  it('asks a pledge for its amount or in-kind contribution and its period, and refuses a pledge on a course', () => {
    const pledge = { ...course, kind: 'financing-pledge', modality: null };
    expect(offeringProblems({ ...pledge, pledge: { amount: 1_000_000, currency: 'USD', inKind: null } })).toEqual([]);
    expect(offeringProblems({ ...pledge, pledge: null }).map((p) => p.path.join('.'))).toEqual(['pledge']);
    expect(offeringProblems({ ...pledge, pledge: { amount: null, currency: null, inKind: null } }).map((p) => p.path.join('.'))).toEqual([
      'pledge.amount',
    ]);
    expect(offeringProblems({ ...pledge, pledge: { amount: 5, currency: null, inKind: null } }).map((p) => p.path.join('.'))).toEqual([
      'pledge.currency',
    ]);
    expect(
      offeringProblems({ ...pledge, endDate: null, pledge: { amount: null, currency: null, inKind: 'Towers' } }).map((p) =>
        p.path.join('.'),
      ),
    ).toEqual(['endDate']);
    expect(offeringProblems({ ...course, pledge: { amount: 1, currency: 'USD', inKind: null } }).map((p) => p.path.join('.'))).toEqual([
      'pledge',
    ]);
  });

  it('refuses a translation into the offering’s own language or twice into one language', () => {
    const translations = [{ language: 'en' }, { language: 'fr' }, { language: 'fr' }];
    expect(offeringProblems({ ...course, translations }).map((p) => p.path.join('.'))).toEqual([
      'translations.0.language',
      'translations.2.language',
    ]);
  });

  it('finds a need whose timeframe ends before it starts', () => {
    expect(needProblems({ startDate: '2027-05-01', endDate: '2027-04-01' })).toHaveLength(1);
    expect(needProblems({ startDate: null, endDate: '2027-04-01' })).toEqual([]);
  });
});
