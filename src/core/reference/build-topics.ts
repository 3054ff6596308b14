/**
 * The platform's 20 digital-development topics (data/topics.csv) as a
 * taxonomy: the English name and description from the file, the other five
 * UN languages from topic-names.ts, and the DigComp 2.2 areas a topic mostly
 * builds as `related.digcomp`. A topic the translations do not know yet keeps
 * its English name (the interface falls back to English), so adding a row to
 * the file never breaks an import; the tests hold all 20 to six languages.
 */
import { cellError, type Table } from '../../shared/table.js';
import { LANGUAGES, type Language } from '../../shared/localised.js';
import { TOPIC_TRANSLATIONS } from './topic-names.js';
import type { Taxonomy, TaxonomyTerm } from './types.js';

export const TOPIC_COLUMNS = ['code', 'name_en', 'description_en', 'digcomp_areas'] as const;

const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * @example buildTopics(topicsTable, new Set(['1', '2', '3', '4', '5'])).terms[8]?.labels.fr // 'Cybersécurité'
 */
export function buildTopics(table: Table, digcompAreas: ReadonlySet<string>): Taxonomy {
  const seen = new Set<string>();
  const terms = table.rows.map((row): TaxonomyTerm => {
    const v = row.values;
    const code = v['code'] ?? '';
    if (!CODE.test(code) || code.length > 60)
      throw cellError(table, row, 'code', `"${code}" must be a kebab-case code such as cybersecurity`);
    if (seen.has(code)) throw cellError(table, row, 'code', `${code} appears twice`);
    seen.add(code);
    const nameEn = v['name_en'] ?? '';
    if (!nameEn) throw cellError(table, row, 'name_en', 'is required');
    const areas = (v['digcomp_areas'] ?? '')
      .split(';')
      .map((a) => a.trim())
      .filter(Boolean);
    for (const area of areas) {
      if (!digcompAreas.has(area)) throw cellError(table, row, 'digcomp_areas', `"${area}" is not a DigComp 2.2 area (1–5)`);
    }
    const translation = TOPIC_TRANSLATIONS[code];
    const labels: TaxonomyTerm['labels'] = { en: nameEn };
    const description: Partial<Record<Language, string>> = v['description_en'] ? { en: v['description_en'] } : {};
    for (const lang of LANGUAGES) {
      if (lang === 'en' || !translation) continue;
      labels[lang] = translation[lang][0];
      description[lang] = translation[lang][1];
    }
    return {
      code,
      parentCode: null,
      labels,
      description: Object.keys(description).length > 0 ? description : null,
      uri: null,
      related: areas.length > 0 ? { digcomp: areas } : null,
    };
  });
  return {
    name: 'topics',
    labels: {
      ar: 'مواضيع التنمية الرقمية',
      zh: '数字发展主题',
      en: 'Digital-development topics',
      fr: 'Thèmes du développement numérique',
      ru: 'Темы цифрового развития',
      es: 'Temas de desarrollo digital',
    },
    source: 'Digital Cooperation Platform (data/topics.csv)',
    licence: 'CC BY 4.0',
    terms,
  };
}
