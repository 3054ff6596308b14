/**
 * The shared vocabulary profiles and project roles are checked against, searched with and
 * explained in: topics (names in six languages), DigComp 2.2 (areas and their competences), the
 * ESCO digital skills, countries with their regions, and groups. Read from the reference feature
 * and kept in memory per data version (one cheap query per request tells whether an import, by
 * any instance, changed it). The search vectors of labels many records share are computed once here.
 */
import type { Problem } from '../../core/capacity/plausibility.js';
import type { Db } from '../../db/database.js';
import { precomputeVectors, type SearchField } from '../../platform/search/index.js';
import { LANGUAGES, type Localised } from '../../shared/localised.js';
import { dataVersion, VersionedCache } from '../imports/index.js';
import { exportCountries, exportTaxonomy, listGroups } from '../reference/index.js';

export interface Place {
  readonly iso3: string;
  readonly names: Localised;
  readonly region: string | null;
  readonly subRegion: string | null;
  /** Codes of every group it belongs to (WLD, its regions, LDC …). */
  readonly groups: readonly string[];
}

export interface PeopleVocabulary {
  readonly topics: ReadonlyMap<string, Partial<Localised>>;
  /** DigComp code → its English title and parent area (null for an area). */
  readonly digcomp: ReadonlyMap<string, { readonly title: string; readonly area: string | null }>;
  /** ESCO skill UUID → its English preferred label. */
  readonly esco: ReadonlyMap<string, string>;
  readonly countries: ReadonlyMap<string, Place>;
  /** Group code → ISO alpha-3 codes of its members. */
  readonly groups: ReadonlyMap<string, readonly string[]>;
  /** tsvector text of the labels, weight C, to append to records that carry the code. */
  readonly vectors: {
    readonly topics: ReadonlyMap<string, string>;
    readonly digcomp: ReadonlyMap<string, string>;
    readonly esco: ReadonlyMap<string, string>;
    readonly countries: ReadonlyMap<string, string>;
  };
}

function nameFields(names: Partial<Localised>): SearchField[] {
  return LANGUAGES.flatMap((lang): SearchField[] => (names[lang] ? [{ text: names[lang], language: lang, weight: 'C' }] : []));
}

const caches = new WeakMap<Db, VersionedCache<PeopleVocabulary>>();

/** @example (await peopleVocabulary(db)).digcomp.get('4.2')?.area // '4' */
export async function peopleVocabulary(db: Db): Promise<PeopleVocabulary> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new VersionedCache<PeopleVocabulary>(1)));
  return cache.get(await dataVersion(db), 'vocabulary', () => load(db));
}

async function load(db: Db): Promise<PeopleVocabulary> {
  const [topics, digcomp, esco, countries, groups] = await Promise.all([
    exportTaxonomy(db, 'topics').catch(() => []),
    exportTaxonomy(db, 'digcomp').catch(() => []),
    exportTaxonomy(db, 'esco-digital').catch(() => []),
    exportCountries(db),
    listGroups(db),
  ]);
  const members = new Map<string, string[]>(groups.map((g) => [g.code, []]));
  const places = new Map<string, Place>();
  for (const country of countries) {
    if (!country.iso3) continue;
    const codes = country.groups.map((g) => g.code);
    places.set(country.iso3, {
      iso3: country.iso3,
      names: country.names,
      region: country.region,
      subRegion: country.subRegion,
      groups: codes,
    });
    for (const code of codes) members.get(code)?.push(country.iso3);
  }
  const [topicVectors, digcompVectors, escoVectors, countryVectors] = await Promise.all([
    precomputeVectors(
      db,
      topics.map((t) => ({ key: t.code, fields: nameFields(t.labels) })),
    ),
    precomputeVectors(
      db,
      digcomp.map((t) => ({ key: t.code, fields: nameFields(t.labels) })),
    ),
    precomputeVectors(
      db,
      esco.map((t) => ({ key: t.code, fields: nameFields(t.labels) })),
    ),
    precomputeVectors(
      db,
      [...places.values()].map((c) => ({ key: c.iso3, fields: nameFields(c.names) })),
    ),
  ]);
  return {
    topics: new Map(topics.map((t) => [t.code, t.labels])),
    digcomp: new Map(digcomp.map((t) => [t.code, { title: t.labels.en ?? t.code, area: t.parent }])),
    esco: new Map(esco.map((t) => [t.code, t.labels.en ?? t.code])),
    countries: places,
    groups: members,
    vectors: { topics: topicVectors, digcomp: digcompVectors, esco: escoVectors, countries: countryVectors },
  };
}

/** Coded values a profile or a role holds; each list optional. */
export interface CodedValues {
  readonly topics?: readonly string[];
  readonly digcomp?: readonly { readonly code: string }[];
  readonly esco?: readonly string[];
  readonly country?: string | null;
  readonly countries?: readonly string[];
}

/**
 * Codes that are not in the vocabulary, as problems at their place. DigComp must name
 * competences when `competencesOnly` (a person holds competences; a role may ask for an area).
 * @example vocabularyProblems(vocab, { digcomp: [{ code: '4' }] }, { competencesOnly: true }) // [{ path: ['digcomp', 0, 'code'], … }]
 */
export function vocabularyProblems(vocab: PeopleVocabulary, values: CodedValues, options: { competencesOnly: boolean }): Problem[] {
  const problems: Problem[] = [];
  values.topics?.forEach((code, i) => {
    if (!vocab.topics.has(code)) problems.push({ path: ['topics', i], message: `"${code}" is not a topic; see /api/v1/taxonomies/topics` });
  });
  values.digcomp?.forEach(({ code }, i) => {
    const term = vocab.digcomp.get(code);
    if (!term)
      problems.push({ path: ['digcomp', i, 'code'], message: `"${code}" is not a DigComp 2.2 code; see /api/v1/taxonomies/digcomp` });
    else if (options.competencesOnly && term.area === null)
      problems.push({ path: ['digcomp', i, 'code'], message: `"${code}" is an area; name its competences (${code}.1, ${code}.2 …)` });
  });
  values.esco?.forEach((code, i) => {
    if (!vocab.esco.has(code))
      problems.push({
        path: ['esco', i],
        message: `"${code}" is not a skill of the ESCO digital collection; see /api/v1/taxonomies/esco-digital`,
      });
  });
  if (values.country !== undefined && values.country !== null && !vocab.countries.has(values.country))
    problems.push({ path: ['dutyStation', 'country'], message: `"${values.country}" is not a country’s ISO alpha-3 code` });
  values.countries?.forEach((code, i) => {
    if (!vocab.countries.has(code)) problems.push({ path: ['countries', i], message: `"${code}" is not a country’s ISO alpha-3 code` });
  });
  return problems;
}

/** A country or the members of a group, or undefined for an unknown code. */
export function countriesOf(vocab: PeopleVocabulary, code: string): readonly string[] | undefined {
  return vocab.countries.has(code) ? [code] : vocab.groups.get(code);
}
