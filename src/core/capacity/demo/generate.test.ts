import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Localised } from '../../../shared/localised.js';
import { demoNeed, demoOffering, PHRASES, type DemoContext } from './generate.js';

const names = (en: string, fr: string): Localised => ({ ar: `${en} (ar)`, zh: `${en}（中）`, en, fr, ru: `${en} (ru)`, es: en });
const context: DemoContext = {
  countries: [
    { iso3: 'NER', m49: '562', names: names('Niger', 'Niger'), groups: ['WLD', '002', '202', '011', 'LDC', 'LLDC', 'LIC'] },
    { iso3: 'KEN', m49: '404', names: names('Kenya', 'Kenya'), groups: ['WLD', '002', '202', '014', 'LMC'] },
    { iso3: 'FJI', m49: '242', names: names('Fiji', 'Fidji'), groups: ['WLD', '009', '054', 'SIDS', 'UMC'] },
  ],
  places: [
    { code: '011', names: names('Western Africa', 'Afrique de l’Ouest') },
    { code: 'LDC', names: names('Least Developed Countries', 'Pays les moins avancés') },
  ],
  topics: new Map([
    ['cybersecurity', ['4']],
    ['digital-health', []],
    ['spectrum-management', []],
  ]),
  competences: new Map([['4', ['4.1', '4.2']]]),
};

describe('demo data generator', () => {
  it('makes the same record for the same seed and index, whatever else is generated', () => {
    expect(demoOffering(7, 12, context)).toEqual(demoOffering(7, 12, context));
    expect(demoNeed(7, 3, context)).toEqual(demoNeed(7, 3, context));
    expect(demoOffering(8, 12, context).id).not.toBe(demoOffering(7, 12, context).id);
  });

  it('writes in all six UN languages and labels every description as generated in its language', () => {
    const offerings = Array.from({ length: 300 }, (_, i) => demoOffering(1, i, context));
    expect(new Set(offerings.map((o) => o.body['language']))).toEqual(new Set(LANGUAGES));
    for (const o of offerings) {
      const language = o.body['language'] as keyof typeof PHRASES;
      expect(String(o.body['description']).endsWith(PHRASES[language].demoOffering)).toBe(true);
    }
    const needs = Array.from({ length: 100 }, (_, i) => demoNeed(1, i, context));
    for (const n of needs) expect(String(n.body['description']).endsWith(PHRASES[n.body['language'] as 'en'].demoNeed)).toBe(true);
  });

  it('gives translations that are the same title in another language', () => {
    const translated = Array.from({ length: 200 }, (_, i) => demoOffering(2, i, context)).filter(
      (o) =>
        (o.body['translations'] as unknown[]).length > 0 &&
        o.body['kind'] !== 'financing-pledge' &&
        o.body['kind'] !== 'infrastructure-pledge',
    );
    expect(translated.length).toBeGreaterThan(20);
    for (const o of translated) {
      const topic = (o.body['topics'] as string[])[0]!;
      const own = PHRASES[o.body['language'] as 'en'].topics[topic]!.titles;
      const variant = own.findIndex((t) => String(o.body['title']).startsWith(t));
      expect(variant).toBeGreaterThanOrEqual(0);
      for (const t of o.body['translations'] as { language: 'en'; title: string }[]) {
        expect(t.title.startsWith(PHRASES[t.language].topics[topic]!.titles[variant]!)).toBe(true);
      }
    }
  });

  it('names the country or region an offering is limited to, and opens the others to the world', () => {
    for (let i = 0; i < 200; i += 1) {
      const { body } = demoOffering(3, i, context);
      const countries = body['eligibleCountries'] as string[];
      const groups = body['eligibleGroups'] as string[];
      const country = context.countries.find((c) => c.iso3 === countries[0]);
      const named = country ? String(body['title']).includes(country.names[body['language'] as 'en']) : groups.length === 1;
      expect(named, String(body['title'])).toBe(true);
    }
  });

  it('has a parallel set of phrases for every topic in every language', () => {
    const topics = Object.keys(PHRASES.en.topics).toSorted();
    expect(topics).toHaveLength(20);
    for (const lang of LANGUAGES) {
      expect(Object.keys(PHRASES[lang].topics).toSorted()).toEqual(topics);
      for (const phrases of Object.values(PHRASES[lang].topics)) {
        expect([...phrases.titles, phrases.summary, phrases.need].every((text) => text.length >= 5)).toBe(true);
      }
    }
  });
});
