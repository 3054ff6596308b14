/**
 * The taxonomies offerings, needs and profiles are described in: DigComp 2.2,
 * the ESCO digital-skills collection, the SDGs and the platform's controlled lists.
 */
import { cellError, type Table, type TableRow } from '../../shared/table.js';
import { buildTopics } from './build-topics.js';
import { CONTROLLED_LISTS } from './controlled-lists.js';
import { SDGS } from './sdgs.js';
import type { Taxonomy, TaxonomyTerm } from './types.js';

export const DIGCOMP_COLUMNS = ['level', 'code', 'area_code', 'title_en', 'esco_concept_uri', 'esco_description'] as const;
export const ESCO_COLUMNS = ['conceptUri', 'preferredLabel', 'description', 'status'] as const;

const EC_LICENCE = '© European Union, reuse with attribution (Commission Decision 2011/833/EU; DigComp 2.2 CC BY 4.0)';

/**
 * @example buildTaxonomies(digcompTable, escoTable, topicsTable).map((t) => t.name)
 * // ['digcomp', 'esco-digital', 'sdg', 'topics', 'audiences', ...]
 */
export function buildTaxonomies(digcomp: Table, esco: Table, topics: Table): Taxonomy[] {
  const digcompTerms = digcomp.rows.map((row) => digcompTerm(digcomp, row));
  const areas = new Set(digcompTerms.filter((term) => term.parentCode === null).map((term) => term.code));
  return [
    {
      name: 'digcomp',
      labels: {
        ar: 'إطار الكفاءة الرقمية DigComp 2.2',
        zh: 'DigComp 2.2 数字能力框架',
        en: 'DigComp 2.2 digital competence framework',
        fr: 'Cadre de compétences numériques DigComp 2.2',
        ru: 'Рамка цифровых компетенций DigComp 2.2',
        es: 'Marco de competencias digitales DigComp 2.2',
      },
      source: 'DigComp 2.2 (JRC128415, 2022) with ESCO v1.2.0 descriptors',
      licence: EC_LICENCE,
      terms: digcompTerms,
    },
    {
      name: 'esco-digital',
      labels: {
        ar: 'مهارات ESCO الرقمية',
        zh: 'ESCO 数字技能',
        en: 'ESCO digital skills',
        fr: 'Compétences numériques ESCO',
        ru: 'Цифровые навыки ESCO',
        es: 'Competencias digitales ESCO',
      },
      source: 'ESCO v1.2.0 digital skills collection',
      licence: EC_LICENCE,
      terms: escoTerms(esco),
    },
    {
      name: 'sdg',
      labels: {
        ar: 'أهداف التنمية المستدامة',
        zh: '可持续发展目标',
        en: 'Sustainable Development Goals',
        fr: 'Objectifs de développement durable',
        ru: 'Цели в области устойчивого развития',
        es: 'Objetivos de Desarrollo Sostenible',
      },
      source: 'United Nations',
      licence: 'United Nations',
      terms: SDGS.map(({ code, labels }) => ({
        code,
        parentCode: null,
        labels,
        description: null,
        uri: `https://sdgs.un.org/goals/goal${code}`,
        related: null,
      })),
    },
    buildTopics(topics, areas),
    ...CONTROLLED_LISTS.map((list) => ({
      name: list.name,
      labels: list.labels,
      source: 'Digital Cooperation Platform',
      licence: 'CC BY 4.0',
      terms: list.terms.map((term) => ({
        code: term.code,
        parentCode: term.parentCode ?? null,
        labels: term.labels,
        description: null,
        uri: null,
        related: term.related ?? null,
      })),
    })),
  ];
}

function digcompTerm(t: Table, row: TableRow): TaxonomyTerm {
  const v = row.values;
  const level = v['level'];
  const code = v['code'] ?? '';
  if (level !== 'area' && level !== 'competence') throw cellError(t, row, 'level', `"${level}" must be "area" or "competence"`);
  if (!/^\d(\.\d{1,2})?$/.test(code)) throw cellError(t, row, 'code', `"${code}" must be an area (1) or competence (1.1) code`);
  if (!v['title_en']) throw cellError(t, row, 'title_en', 'is required');
  return {
    code,
    parentCode: level === 'competence' ? (v['area_code'] ?? null) : null,
    labels: { en: v['title_en'] },
    description: v['esco_description'] ? { en: v['esco_description'] } : null,
    uri: v['esco_concept_uri'] || null,
    related: null,
  };
}

const ESCO_SKILL_URI = /^http:\/\/data\.europa\.eu\/esco\/skill\/([0-9a-f-]{36})$/;

/**
 * ESCO skills of the digital collection. A skill's broader skills that are in
 * the collection too (`broaderConceptUri`, `|`-separated; ISCED fields and skills
 * outside the collection are left out) become `related.broader`: ESCO is a
 * polyhierarchy, so they are links, not one parent.
 */
function escoTerms(t: Table): TaxonomyTerm[] {
  const seen = new Set<string>();
  const inCollection = new Set(t.rows.map((row) => ESCO_SKILL_URI.exec(row.values['conceptUri'] ?? '')?.[1]).filter(Boolean));
  return t.rows.map((row) => {
    const uri = row.values['conceptUri'] ?? '';
    const match = ESCO_SKILL_URI.exec(uri);
    if (!match?.[1]) throw cellError(t, row, 'conceptUri', `"${uri}" is not an ESCO skill URI`);
    if (seen.has(match[1])) throw cellError(t, row, 'conceptUri', `${uri} appears twice`);
    seen.add(match[1]);
    const label = row.values['preferredLabel'] ?? '';
    if (!label) throw cellError(t, row, 'preferredLabel', 'is required');
    const description = row.values['description'];
    const broader = (row.values['broaderConceptUri'] ?? '')
      .split('|')
      .map((u) => ESCO_SKILL_URI.exec(u.trim())?.[1])
      .filter((code): code is string => code !== undefined && code !== match[1] && inCollection.has(code));
    return {
      code: match[1],
      parentCode: null,
      labels: { en: label },
      description: description ? { en: description } : null,
      uri,
      related: broader.length > 0 ? { broader: [...new Set(broader)] } : null,
    };
  });
}
