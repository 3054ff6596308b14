import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import { readTable } from '../../formats/csv/read-table.js';
import { FormatError } from '../../formats/csv/format-error.js';
import { LANGUAGES } from '../../shared/localised.js';
import { buildTopics, TOPIC_COLUMNS } from './build-topics.js';

const file = path.join(loadConfig({}).dataDir!, 'topics.csv');
const areas = new Set(['1', '2', '3', '4', '5']);

describe('the platform’s topics', () => {
  const topics = buildTopics(readTable(file, readFileSync(file, 'utf8'), TOPIC_COLUMNS), areas);

  it('are the 20 topics of topics.csv, each named and described in the six UN languages', () => {
    expect(topics.terms).toHaveLength(20);
    for (const term of topics.terms) {
      for (const lang of LANGUAGES) {
        expect(term.labels[lang], `${term.code} ${lang}`).toBeTruthy();
        expect(term.description?.[lang], `${term.code} ${lang}`).toBeTruthy();
      }
    }
    expect(topics.terms.find((t) => t.code === 'cybersecurity')?.labels).toEqual({
      en: 'Cybersecurity',
      ar: 'الأمن السيبراني',
      zh: '网络安全',
      fr: 'Cybersécurité',
      ru: 'Кибербезопасность',
      es: 'Ciberseguridad',
    });
  });

  it('have distinct names within each language', () => {
    for (const lang of LANGUAGES) expect(new Set(topics.terms.map((t) => t.labels[lang])).size, lang).toBe(20);
  });

  it('link to the DigComp areas the file gives', () => {
    expect(topics.terms.find((t) => t.code === 'digital-literacy')?.related).toEqual({ digcomp: ['1', '2', '3'] });
    expect(topics.terms.find((t) => t.code === 'spectrum-management')?.related).toBeNull();
  });

  it('refuse an unknown DigComp area, naming file, line and column', () => {
    const text = 'code,name_en,description_en,digcomp_areas\nnew-topic,New,Something,1;9\n';
    expect(() => buildTopics(readTable('t.csv', text, TOPIC_COLUMNS), areas)).toThrow(FormatError);
    expect(() => buildTopics(readTable('t.csv', text, TOPIC_COLUMNS), areas)).toThrow(
      't.csv:2:4 (digcomp_areas): "9" is not a DigComp 2.2 area (1–5)',
    );
  });

  it('keep a topic the translations do not know yet in English, rather than refusing the file', () => {
    const text = 'code,name_en,description_en,digcomp_areas\nspace-tech,Space technology,Satellites,\n';
    expect(buildTopics(readTable('t.csv', text, TOPIC_COLUMNS), areas).terms[0]?.labels).toEqual({ en: 'Space technology' });
  });
});
