/**
 * The vocabulary offerings and needs are checked against and searched with,
 * read from the reference feature (topics, DigComp, ESCO, countries, groups)
 * and kept in memory per data version: one cheap query per request knows
 * whether an import (by any instance) changed it.
 */
import type { Db } from '../../db/database.js';
import type { Problem } from '../../core/capacity/plausibility.js';
import { precomputeVectors, type SearchField } from '../../platform/search/index.js';
import { LANGUAGES, type Localised } from '../../shared/localised.js';
import { dataVersion, VersionedCache } from '../imports/index.js';
import { exportCountries, exportTaxonomy, listGroups } from '../reference/index.js';

export interface CountryFacts {
  readonly iso3: string;
  readonly names: Localised;
  /** Codes of every group it belongs to (WLD, its regions, LDC …). */
  readonly groups: readonly string[];
}

export interface Vocabulary {
  /** Topic code → names in the languages available. */
  readonly topics: ReadonlyMap<string, Partial<Localised>>;
  /** DigComp code → its area's competences when it is an area (empty for a competence). */
  readonly digcomp: ReadonlyMap<string, readonly string[]>;
  readonly esco: ReadonlySet<string>;
  /** DigComp code → its official (English) title and, for a competence, its area; in framework order, for the forms. */
  readonly digcompTerms: ReadonlyMap<string, { readonly title: string; readonly area: string | null }>;
  /** ESCO skill UUID → its preferred label (ESCO's digital collection is published in English). */
  readonly escoNames: ReadonlyMap<string, string>;
  readonly countries: ReadonlyMap<string, CountryFacts>;
  /** Group code → ISO alpha-3 codes of its members. */
  readonly groups: ReadonlyMap<string, readonly string[]>;
  /**
   * The search vectors (tsvector text) of each topic's and each country's names in the six
   * languages, weight C: computed once here, appended to every record about them.
   */
  readonly topicVectors: ReadonlyMap<string, string>;
  readonly countryVectors: ReadonlyMap<string, string>;
}

/** Names in six languages as search fields of weight C. */
function nameFields(names: Partial<Localised>): SearchField[] {
  return LANGUAGES.flatMap((lang): SearchField[] => (names[lang] ? [{ text: names[lang], language: lang, weight: 'C' }] : []));
}

const caches = new WeakMap<Db, VersionedCache<Vocabulary>>();

/**
 * The vocabulary at the current data version; a caller that has just read the version passes it
 * (`dataVersion`), which saves the statement that reads it again.
 * @example const vocab = await vocabulary(db); vocab.topics.has('cybersecurity') // true
 */
export async function vocabulary(db: Db, version?: string): Promise<Vocabulary> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new VersionedCache<Vocabulary>(1)));
  return cache.get(version ?? (await dataVersion(db)), 'vocabulary', () => loadVocabulary(db));
}

async function loadVocabulary(db: Db): Promise<Vocabulary> {
  const [topics, digcomp, esco, countries, groups] = await Promise.all([
    exportTaxonomy(db, 'topics').catch(() => []),
    exportTaxonomy(db, 'digcomp').catch(() => []),
    exportTaxonomy(db, 'esco-digital').catch(() => []),
    exportCountries(db),
    listGroups(db),
  ]);
  const competences = new Map<string, string[]>(digcomp.map((t) => [t.code, []]));
  for (const term of digcomp) if (term.parent) competences.get(term.parent)?.push(term.code);
  const members = new Map<string, string[]>(groups.map((g) => [g.code, []]));
  const countryFacts = new Map<string, CountryFacts>();
  for (const country of countries) {
    if (!country.iso3) continue;
    const codes = country.groups.map((g) => g.code);
    countryFacts.set(country.iso3, { iso3: country.iso3, names: country.names, groups: codes });
    for (const code of codes) members.get(code)?.push(country.iso3);
  }
  const [topicVectors, countryVectors] = await Promise.all([
    precomputeVectors(
      db,
      topics.map((t) => ({ key: t.code, fields: nameFields(t.labels) })),
    ),
    precomputeVectors(
      db,
      [...countryFacts.values()].map((c) => ({ key: c.iso3, fields: nameFields(c.names) })),
    ),
  ]);
  return {
    topicVectors,
    countryVectors,
    topics: new Map(topics.map((t) => [t.code, t.labels])),
    digcomp: competences,
    esco: new Set(esco.map((t) => t.code)),
    digcompTerms: new Map(digcomp.map((t) => [t.code, { title: t.labels.en ?? t.code, area: t.parent }])),
    escoNames: new Map(esco.map((t) => [t.code, t.labels.en ?? t.code])),
    countries: countryFacts,
    groups: members,
  };
}

/** What vocabularyProblems checks; each list is optional. */
export interface CodedFields {
  readonly topics?: readonly string[];
  readonly digcomp?: readonly string[];
  readonly esco?: readonly string[];
  readonly eligibleCountries?: readonly string[];
  readonly eligibleGroups?: readonly string[];
  readonly country?: string;
}

/**
 * Codes that are not in the vocabulary, as problems at their place in the record.
 * @example vocabularyProblems(vocab, { topics: ['cyber'] }) // [{ path: ['topics', 0], message: '"cyber" is not a topic; …' }]
 */
export function vocabularyProblems(vocab: Vocabulary, fields: CodedFields): Problem[] {
  const problems: Problem[] = [];
  const check = (key: keyof CodedFields, values: readonly string[] | undefined, known: (v: string) => boolean, what: string) =>
    values?.forEach((value, i) => {
      if (!known(value))
        problems.push({ path: [key, i], message: `"${value}" is not ${what}`, reason: `unknown-${key}`, values: { value } });
    });
  check('topics', fields.topics, (v) => vocab.topics.has(v), 'a topic; see /api/v1/taxonomies/topics');
  check('digcomp', fields.digcomp, (v) => vocab.digcomp.has(v), 'a DigComp 2.2 code; see /api/v1/taxonomies/digcomp');
  check('esco', fields.esco, (v) => vocab.esco.has(v), 'a skill of the ESCO digital collection; see /api/v1/taxonomies/esco-digital');
  check('eligibleCountries', fields.eligibleCountries, (v) => vocab.countries.has(v), 'a country’s ISO alpha-3 code');
  check('eligibleGroups', fields.eligibleGroups, (v) => vocab.groups.has(v), 'a group; see /api/v1/groups');
  if (fields.country !== undefined && !vocab.countries.has(fields.country)) {
    problems.push({
      path: ['country'],
      message: `"${fields.country}" is not a country’s ISO alpha-3 code`,
      reason: 'unknown-country',
      values: { value: fields.country },
    });
  }
  return problems;
}

/**
 * Every code an offering must list in its eligibility to be open to `iso3`: the
 * country itself and each of its groups (its M49 region, sub-region and intermediate
 * region, LDC / LLDC / SIDS, income group and the world).
 * @example eligibilityCodes(vocab, 'NER') // { countries: ['NER'], groups: ['WLD', '002', '202', '011', 'LDC', 'LLDC', 'LIC'] }
 */
export function eligibilityCodes(vocab: Vocabulary, iso3: string): { countries: string[]; groups: string[] } | undefined {
  const country = vocab.countries.get(iso3);
  return country ? { countries: [iso3], groups: [...country.groups] } : undefined;
}
