import { describe, expect, it } from 'vitest';
import { INDICATOR_CATALOGUE, findIndicator, getIndicator, resolveBreakdownValue, resolveIndicatorCode } from './catalogue.js';
import { LANGUAGES } from '../../shared/localised.js';

const REQUIRED = [
  'internet-use',
  'mobile-subscriptions',
  'fixed-broadband-subscriptions',
  'gni-per-capita',
  'population',
  'mobile-coverage-2g',
  'mobile-coverage-3g',
  'mobile-coverage-4g',
  'mobile-ownership',
  'mobile-ownership-gender-parity',
  'gni-per-capita-monthly',
];

describe('indicator catalogue', () => {
  it('holds every indicator the Connect pillar needs', () => {
    const codes = INDICATOR_CATALOGUE.map((entry) => entry.code);
    for (const code of REQUIRED) expect(codes).toContain(code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('uses short kebab-case codes', () => {
    for (const entry of INDICATOR_CATALOGUE) expect(entry.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('names and defines every indicator in all six languages, one sentence each', () => {
    for (const entry of INDICATOR_CATALOGUE) {
      for (const lang of LANGUAGES) {
        expect(entry.name[lang].trim(), `${entry.code} name ${lang}`).not.toBe('');
        const definition = entry.definition[lang];
        expect(definition, `${entry.code} definition ${lang}`).toMatch(/[.。]$/);
        expect(definition.slice(0, -1), `${entry.code} definition ${lang} is one sentence`).not.toMatch(/[.。] /);
      }
      // A copy-paste slip would leave the English text in another language.
      for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
        expect(entry.definition[lang], `${entry.code} ${lang}`).not.toBe(entry.definition.en);
      }
    }
  });

  it('writes Arabic, Chinese and Russian in their own scripts', () => {
    for (const entry of INDICATOR_CATALOGUE) {
      expect(entry.name.ar).toMatch(/\p{Script=Arabic}/u);
      expect(entry.name.zh).toMatch(/\p{Script=Han}/u);
      expect(entry.name.ru).toMatch(/\p{Script=Cyrillic}/u);
    }
  });

  it('gives each target a direction that agrees with it and a reference to cite', () => {
    const directionFor = { 'at-least': 'higher-is-better', 'at-most': 'lower-is-better', between: null } as const;
    for (const entry of INDICATOR_CATALOGUE.filter((e) => e.target !== null)) {
      expect(entry.targetReference, entry.code).not.toBeNull();
      expect(entry.direction, entry.code).toBe(entry.target === null ? undefined : directionFor[entry.target.kind]);
    }
  });

  it('carries the 2030 targets of the product brief', () => {
    expect(getIndicator('internet-use').target).toEqual({ kind: 'at-least', value: 100 });
    expect(getIndicator('mobile-ownership').target).toEqual({ kind: 'at-least', value: 100 });
    expect(getIndicator('fixed-broadband-10mbps-share').target).toEqual({ kind: 'at-least', value: 100 });
    expect(getIndicator('broadband-affordability').target).toEqual({ kind: 'at-most', value: 2 });
    expect(getIndicator('mobile-ownership-gender-parity').target).toEqual({
      kind: 'between',
      lower: 0.98,
      upper: 1.02,
    });
  });

  it('aggregates shares and per-capita values by population, counts by sum, ratios not at all', () => {
    expect(getIndicator('internet-use').aggregation).toBe('population-weighted');
    expect(getIndicator('gni-per-capita').aggregation).toBe('population-weighted');
    expect(getIndicator('population').aggregation).toBe('sum');
    expect(getIndicator('mobile-ownership-gender-parity').aggregation).toBe('none');
  });

  it('derives only from indicators that are in the catalogue', () => {
    for (const entry of INDICATOR_CATALOGUE) {
      for (const code of entry.derivedFrom) expect(() => getIndicator(code), `${entry.code} ← ${code}`).not.toThrow();
    }
  });

  it('states a source and a licence for every indicator', () => {
    for (const entry of INDICATOR_CATALOGUE) {
      expect(entry.source.name).not.toBe('');
      expect(entry.source.licence).toBe('CC-BY-4.0');
    }
  });
});

describe('resolveIndicatorCode', () => {
  it.each([
    ['IT.NET.USER.ZS', 'internet-use'],
    ['IT_USE_ii99', 'internet-use'],
    ['internet_users_pct', 'internet-use'],
    ['it.cel.sets.p2', 'mobile-subscriptions'],
    ['IT_NET_BBP', 'fixed-broadband-subscriptions'],
    ['fixed_broadband_subs_per_100', 'fixed-broadband-subscriptions'],
    ['NY.GNP.PCAP.CD', 'gni-per-capita'],
    ['gni_per_capita_atlas_usd', 'gni-per-capita'],
    ['SP.POP.TOTL', 'population'],
    ['IT_MOB_4GNTWK', 'mobile-coverage-4g'],
    ['IT_MOB_OWN', 'mobile-ownership'],
    [' internet-use ', 'internet-use'],
  ])('resolves %s to %s', (alias, code) => {
    expect(resolveIndicatorCode(alias)).toBe(code);
  });

  it('returns null for a series the catalogue does not hold', () => {
    expect(resolveIndicatorCode('NY.GDP.MKTP.CD')).toBeNull();
    expect(findIndicator('')).toBeNull();
  });
});

describe('getIndicator and resolveBreakdownValue', () => {
  it('throws for an alias or unknown code, so only platform codes pass', () => {
    expect(() => getIndicator('IT.NET.USER.ZS')).toThrow(/unknown indicator code/);
    expect(() => getIndicator('internet-usage')).toThrow(/unknown indicator code/);
  });

  it('maps source breakdown codes to the platform ones', () => {
    const broadband = getIndicator('fixed-broadband-subscriptions');
    expect(resolveBreakdownValue(broadband, 'speed', '10mbps')).toBe('10mbps-plus');
    expect(resolveBreakdownValue(broadband, 'speed', 'anys')).toBe('any');
    expect(resolveBreakdownValue(getIndicator('mobile-ownership'), 'sex', 'bothsex')).toBe('total');
    expect(resolveBreakdownValue(broadband, 'sex', 'female')).toBeNull();
  });
});
