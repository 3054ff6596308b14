/**
 * Builders for the matching engine's inputs, with overrides, and the real
 * vocabulary hierarchy in miniature: DigComp 2.2's five areas and 21
 * competences, the 20 topics with the DigComp areas topics.csv gives them, and
 * a few real ESCO skills (the DigComp descriptors and broader skills of the
 * ESCO v1.2.0 digital collection).
 *
 *   const need = demand({ languages: ['fr'], country: NIGER });
 *   const offering = supply({ languages: ['fr'], bandwidth: 'offline' });
 */
import type { Connectivity, CountryContext, Demand, MatchContext, Supply, Taxonomy } from '../../src/core/matching/index.js';

const COMPETENCES: Record<string, string[]> = {
  '1': ['1.1', '1.2', '1.3'],
  '2': ['2.1', '2.2', '2.3', '2.4', '2.5', '2.6'],
  '3': ['3.1', '3.2', '3.3', '3.4'],
  '4': ['4.1', '4.2', '4.3', '4.4'],
  '5': ['5.1', '5.2', '5.3', '5.4'],
};

/** topics.csv: code → DigComp areas. */
export const TOPIC_AREAS: Record<string, string[]> = {
  'digital-literacy': ['1', '2', '3'],
  'digital-skills-for-work': ['2', '3', '5'],
  'digital-education-edtech': ['2', '3'],
  'digital-inclusion-gender': ['1', '2'],
  'accessibility-ict': ['3', '5'],
  'broadband-policy-regulation': [],
  'spectrum-management': [],
  'emerging-tech-iot-5g': ['5'],
  cybersecurity: ['4'],
  'data-protection-privacy': ['4'],
  'online-safety-child-protection': ['4'],
  'data-governance-statistics': ['1'],
  'ai-policy-ethics': ['1', '4', '5'],
  'e-government-digital-public-services': [],
  'digital-public-infrastructure': [],
  'digital-financial-services': [],
  'e-commerce-trade': [],
  'digital-health': [],
  'climate-green-ict': ['4'],
  'open-source-software': ['3'],
};
export const TOPICS = Object.keys(TOPIC_AREAS);

/** Real ESCO skills: "solve technical problems" describes DigComp 5.1; "identify problems" is one of its broader skills. */
export const ESCO = {
  solveTechnicalProblems: '14832d87-2f2f-4895-b290-e4760ebae42a',
  identifyProblems: 'a628d2d1-f40a-4c37-a357-2801726f2996',
  useEServices: '16a00c69-9c74-4c37-96d7-6301d285e5ce',
} as const;

export function testTaxonomy(): Taxonomy {
  const competenceArea = new Map<string, string>();
  for (const [area, list] of Object.entries(COMPETENCES)) for (const c of list) competenceArea.set(c, area);
  return {
    topicAreas: new Map(Object.entries(TOPIC_AREAS)),
    competenceArea,
    escoBroader: new Map([[ESCO.solveTechnicalProblems, [ESCO.identifyProblems]]]),
    escoDigcomp: new Map([
      [ESCO.solveTechnicalProblems, ['5.1']],
      [ESCO.useEServices, ['2.3']],
    ]),
  };
}

export const ALL_DIGCOMP = Object.entries(COMPETENCES).flatMap(([area, list]) => [area, ...list]);

const NO_FIGURES: Connectivity = { internetUse: null, coverage4g: null, broadbandPrice: null, gniPerCapita: null };

/** Niger as the data has it: internet use 23.2 % (2023), 4G 0 % (2017), GNI US$ 640 (2023). */
export const NIGER: CountryContext = {
  iso3: 'NER',
  groups: ['WLD', '002', '202', '011', 'LDC', 'LLDC', 'LIC'],
  connectivity: {
    internetUse: { value: 23.2, year: 2023 },
    coverage4g: { value: 0, year: 2017 },
    broadbandPrice: null,
    gniPerCapita: { value: 640, year: 2023 },
  },
};

/** France: internet use 88.7 % (2024), 4G 99 % (2018), GNI US$ 45,160. */
export const FRANCE: CountryContext = {
  iso3: 'FRA',
  groups: ['WLD', '150', '155', 'HIC'],
  connectivity: {
    internetUse: { value: 88.7, year: 2024 },
    coverage4g: { value: 99, year: 2018 },
    broadbandPrice: null,
    gniPerCapita: { value: 45160, year: 2023 },
  },
};

export const UNMEASURED: CountryContext = { iso3: 'XKX', groups: ['WLD', '150'], connectivity: NO_FIGURES };

export function demand(overrides: Partial<Demand> = {}): Demand {
  return {
    id: '00000000-0000-4000-8000-00000000d001',
    country: FRANCE,
    languages: ['fr'],
    topics: ['cybersecurity'],
    digcomp: [],
    esco: [],
    audiences: ['public-servants'],
    targetGroups: [],
    peopleCount: 30,
    level: 'intermediate',
    preferredModality: null,
    startDate: '2027-02-01',
    endDate: '2027-12-31',
    budget: null,
    ...overrides,
  };
}

export function supply(overrides: Partial<Supply> = {}): Supply {
  return {
    id: '00000000-0000-4000-8000-00000000s001',
    kind: 'course',
    providerId: '00000000-0000-4000-8000-0000000000p1',
    languages: ['fr'],
    topics: ['cybersecurity'],
    digcomp: [],
    esco: [],
    audiences: ['public-servants'],
    targetGroups: [],
    levels: ['intermediate'],
    accessibility: [],
    modality: 'live-online',
    bandwidth: 'low',
    eligibleCountries: [],
    eligibleGroups: ['WLD'],
    fee: null,
    waivers: false,
    startDate: '2027-03-01',
    endDate: '2027-03-20',
    rolling: false,
    seats: 40,
    seatsTaken: 0,
    trackRecord: null,
    ...overrides,
  };
}

export function matchContext(overrides: Partial<MatchContext> = {}): MatchContext {
  return { taxonomy: testTaxonomy(), today: '2027-01-15', ...overrides };
}
