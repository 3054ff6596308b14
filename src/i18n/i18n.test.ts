import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../shared/localised.js';
import { compileMessage, type ArgumentKind } from './icu.js';
import { CATALOGUES, NAMESPACES, direction, formatNumber, negotiate, t, type MessageKey } from './i18n.js';

const ENGLISH_KEYS = Object.keys(CATALOGUES.en) as MessageKey[];
const OTHERS = LANGUAGES.filter((l) => l !== 'en');

/** Each argument of a message and how it is used, e.g. { count: 'plural', name: 'simple' }. */
const argumentKinds = (lang: Language, key: MessageKey) => Object.fromEntries(compileMessage(CATALOGUES[lang][key], lang).arguments);

/** Text without its spaces, so "1 234" in French compares digit for digit. */
const digits = (text: string) => text.replace(/[\s\u00a0\u202f]/g, '');

/** Parameters that satisfy a message: a number for counts, text for the rest. */
function sampleParams(key: MessageKey, count: number): Record<string, string | number> {
  const kinds: Record<string, ArgumentKind> = argumentKinds('en', key);
  return Object.fromEntries(Object.entries(kinds).map(([name, kind]) => [name, kind === 'simple' ? `‹${name}›` : count]));
}

describe('interface catalogues', () => {
  it.each(LANGUAGES)('%s has, in every namespace, exactly the keys of the English file, each non-empty', (lang) => {
    for (const ns of NAMESPACES) {
      const messages: Readonly<Record<string, string>> = ns.messages[lang];
      expect(Object.keys(messages).toSorted(), `${lang}/${ns.name}.json`).toEqual(Object.keys(ns.messages.en).toSorted());
      for (const [key, text] of Object.entries(messages)) expect(text.trim(), `${lang}/${ns.name}.json ${key}`).not.toBe('');
    }
  });

  it('gives each key to one namespace only, so no file silently overrides another', () => {
    const owners = new Map<string, string[]>();
    for (const ns of NAMESPACES) for (const key of Object.keys(ns.messages.en)) owners.set(key, [...(owners.get(key) ?? []), ns.name]);
    expect([...owners].filter(([, names]) => names.length > 1)).toEqual([]);
  });

  it.each(LANGUAGES)('%s: every message is valid ICU MessageFormat', (lang) => {
    const broken = ENGLISH_KEYS.flatMap((key) => {
      try {
        compileMessage(CATALOGUES[lang][key], lang);
        return [];
      } catch (error) {
        return [`${key}: ${(error as Error).message}`];
      }
    });
    expect(broken).toEqual([]);
  });

  it.each(OTHERS)('%s uses the same arguments as English, each the same way (a count stays a plural)', (lang) => {
    for (const key of ENGLISH_KEYS) expect(argumentKinds(lang, key), key).toEqual(argumentKinds('en', key));
  });

  it.each(LANGUAGES)('%s: every plural spells out each category CLDR gives the language, and no category it lacks', (lang) => {
    const problems: string[] = [];
    for (const key of ENGLISH_KEYS) {
      for (const arg of compileMessage(CATALOGUES[lang][key], lang).uses) {
        if (arg.kind !== 'plural' && arg.kind !== 'selectordinal') continue;
        const type = arg.kind === 'plural' ? 'cardinal' : 'ordinal';
        const required: readonly string[] = new Intl.PluralRules(lang, { type }).resolvedOptions().pluralCategories;
        const missing = required.filter((c) => !arg.options.includes(c));
        const extra = arg.options.filter((o) => !o.startsWith('=') && !required.includes(o));
        if (missing.length > 0) problems.push(`${key} {${arg.name}} lacks ${missing.join(', ')}`);
        if (extra.length > 0) problems.push(`${key} {${arg.name}} has ${extra.join(', ')}, which ${lang} does not use`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has the six CLDR categories of Arabic and the four of Russian to check against', () => {
    // The test above is only as good as Node's CLDR data: make sure it is the full one.
    expect(new Intl.PluralRules('ar').resolvedOptions().pluralCategories.toSorted()).toEqual(
      ['few', 'many', 'one', 'other', 'two', 'zero'].toSorted(),
    );
    expect(new Intl.PluralRules('ru').resolvedOptions().pluralCategories.toSorted()).toEqual(['few', 'many', 'one', 'other'].toSorted());
  });

  it('formats every message of every language with any count, never throwing and never leaving an argument unfilled', () => {
    const counted = ENGLISH_KEYS.filter((key) => Object.values(argumentKinds('en', key)).some((k) => k !== 'simple'));
    expect(counted.length, 'plural messages exist to check').toBeGreaterThan(5);
    const anyMessage = [fc.constantFrom(...LANGUAGES), fc.constantFrom(...counted)] as const;
    fc.assert(
      fc.property(...anyMessage, fc.nat({ max: 2_000_000 }), (lang, key, n) => {
        expect(t(lang, key, sampleParams(key, n))).not.toMatch(/\{\w+(, ?\w+)?\}/);
      }),
      { numRuns: 300 },
    );
    // Zero, one and two may be words ("سنة واحدة", "سنتين"); from three on the count itself is shown.
    fc.assert(
      fc.property(...anyMessage, fc.integer({ min: 3, max: 2_000_000 }), (lang, key, n) => {
        expect(digits(t(lang, key, sampleParams(key, n)))).toContain(digits(formatNumber(lang, n)));
      }),
      { numRuns: 300 },
    );
  });

  it('translates rather than copies English in the other five languages', () => {
    // A few strings are rightly the same (French "Organisations", "Sources", unit symbols);
    // a catalogue that copies more than 3 % of its keys from English has not been translated.
    for (const lang of OTHERS) {
      const same = ENGLISH_KEYS.filter((k) => CATALOGUES[lang][k] === CATALOGUES.en[k] && /[a-z]{4}/.test(CATALOGUES.en[k]));
      expect(same.length, `${lang} copies English in: ${same.join(', ')}`).toBeLessThanOrEqual(Math.ceil(ENGLISH_KEYS.length * 0.03));
    }
  });
});

describe('t()', () => {
  it('fills placeholders with numbers formatted for the language', () => {
    expect(t('en', 'countries.shown', { count: 1234 })).toContain('1,234');
    expect(t('fr', 'countries.shown', { count: 1234 })).toMatch(/1\s234/);
    expect(t('ar', 'countries.shown', { count: 5 })).toMatch(/[٥5]/);
    expect(t('en', 'connect.rank', { rank: 3, of: 1500, group: 'Africa', from: '2022', to: '2024' })).toBe(
      '3 of 1,500, Africa (2022–2024)',
    );
  });

  it('chooses the plural form each language needs: never "1 countries" or "5 страна"', () => {
    expect(t('en', 'home.explore', { count: 1 })).toBe('Explore 1 country or area');
    expect(t('en', 'home.explore', { count: 249 })).toBe('Explore 249 countries and areas');
    expect([1, 2, 5, 11, 21, 22, 25].map((n) => t('ru', 'connect.outlook.years', { years: n }))).toEqual([
      'цель примерно через 1 год',
      'цель примерно через 2 года',
      'цель примерно через 5 лет',
      'цель примерно через 11 лет',
      'цель примерно через 21 год',
      'цель примерно через 22 года',
      'цель примерно через 25 лет',
    ]);
    const arabic = [0, 1, 2, 3, 11, 100].map((n) => t('ar', 'connect.outlook.years', { years: n }));
    expect(new Set(arabic).size, 'six different Arabic forms').toBe(6);
    expect(arabic[1]).toContain('سنة واحدة');
    expect(arabic[2]).toContain('سنتين');
  });

  it('leaves a forgotten text parameter visible instead of dropping it, and refuses a forgotten count', () => {
    expect(t('en', 'org.edit.title')).toBe('Edit {name}');
    expect(() => t('en', 'countries.shown')).toThrow(/count/);
  });

  it('sets left-to-right text apart in right-to-left messages, so an address is not scrambled', () => {
    expect(t('ar', 'accounts.account.emailCurrent', { email: 'user-1@example.org' })).toBe(
      'العنوان الحالي: \u2068user-1@example.org\u2069',
    );
    expect(t('ar', 'org.edit.title', { name: 'وزارة' })).not.toContain('\u2068');
    expect(t('en', 'accounts.account.emailCurrent', { email: 'user-1@example.org' })).toBe('Current address: user-1@example.org');
  });

  it('keeps escaped braces as text', () => {
    expect(t('en', 'api.conventions.lists')).toContain('{ data, next }');
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

  it('chooses a select branch by its Latin keyword in Arabic too, isolating only the values it shows', () => {
    expect(t('ar', 'matches.status', { status: 'shortlisted' })).toBe(
      CATALOGUES.ar['matches.status'].split('shortlisted {')[1]!.split('}')[0],
    );
    expect(t('ar', 'matches.open', { status: 'Shortlisted' })).toContain('\u2068Shortlisted\u2069');
  });

  it('formats numbers through Intl', () => {
    expect(formatNumber('es', 1234567.5)).toBe(new Intl.NumberFormat('es').format(1234567.5));
  });
});
