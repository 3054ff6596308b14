import { describe, expect, it } from 'vitest';
import { bigrams, configurationFor, lexiconWords, queryTerms, splitCjk } from './text.js';

describe('search text', () => {
  it('indexes Chinese as bigrams, so a word is found inside a longer one', () => {
    const document = bigrams('国家网络安全战略');
    const query = bigrams('网络安全');
    expect(document).toEqual(['国家', '家网', '网络', '络安', '安全', '全战', '战略']);
    // The query's bigrams all appear in the document, here consecutively.
    const start = document.indexOf(query[0]!);
    expect(document.slice(start, start + query.length)).toEqual(query);
  });

  it('keeps a single CJK character as itself', () => {
    expect(bigrams('网')).toEqual(['网']);
  });

  it('separates CJK runs from words in other scripts without moving them', () => {
    const { rest, runs } = splitCjk('5G与网络安全 policy');
    expect(runs).toEqual(['与网络安全']);
    expect(rest.trim().split(/\s+/)).toEqual(['5G', 'policy']);
  });

  it('cuts a query into words and runs, dropping operators and punctuation', () => {
    expect(queryTerms('Cybersécurité: "AI" -ethics | 国家网络安全 OR <-> !')).toEqual({
      words: ['Cybersécurité', 'AI', 'ethics', 'OR'],
      runs: ['国家网络安全'],
    });
    expect(queryTerms("l'intelligence artificielle").words).toEqual(['l', 'intelligence', 'artificielle']);
    expect(queryTerms('e-government e-government E-Government').words).toEqual(['e-government']);
  });

  it('bounds a query to twelve terms', () => {
    expect(queryTerms(Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ')).words).toHaveLength(12);
  });

  it('reads Arabic, Cyrillic and accented words as words', () => {
    expect(queryTerms('الأمن السيبراني кибербезопасность ciberseguridad').words).toEqual([
      'الأمن',
      'السيبراني',
      'кибербезопасность',
      'ciberseguridad',
    ]);
  });

  it('collects lexicon words of three letters or more, lower-cased, without CJK or numbers', () => {
    expect(lexiconWords(['Cyber hygiene for CIRTs, 2027 — 网络安全 5G', 'cyber IA'])).toEqual(['cyber', 'hygiene', 'for', 'cirts']);
  });

  it('chooses the stemmed configuration of the six UN languages but Chinese, and simple for the rest', () => {
    expect(['en', 'fr', 'es', 'ru', 'ar', 'zh', 'sw'].map(configurationFor)).toEqual([
      'dcp_en',
      'dcp_fr',
      'dcp_es',
      'dcp_ru',
      'dcp_ar',
      'dcp_simple',
      'dcp_simple',
    ]);
  });
});
