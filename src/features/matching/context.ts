/**
 * What the engine needs besides the records, read from the features that own
 * it and kept in memory per data version (one cheap query per request knows
 * whether an import changed anything):
 * - the vocabulary hierarchy (reference: topics with their DigComp areas,
 *   DigComp areas and competences with their ESCO descriptors, ESCO skills
 *   with their broader skills);
 * - each country's groups (the capacity vocabulary) and measured connectivity
 *   (the indicators engine's country profile: latest internet use, 4G
 *   coverage, broadband price and GNI per capita);
 * - the names of everything an explanation may mention, in six languages.
 */
import type { Connectivity, CountryContext, Figure, Taxonomy, TermList } from '../../core/matching/index.js';
import { CONTROLLED_LISTS } from '../../core/reference/controlled-lists.js';
import { INDICATOR_CATALOGUE } from '../../core/indicators/index.js';
import type { Db } from '../../db/database.js';
import type { Localised } from '../../shared/localised.js';
import { vocabulary, type Vocabulary } from '../capacity/index.js';
import { dataVersion, VersionedCache } from '../imports/index.js';
import { countryProfile } from '../indicators/index.js';
import { exportTaxonomy, listGroups } from '../reference/index.js';

type Term = Awaited<ReturnType<typeof exportTaxonomy>>[number];

/** The indicators a country's connectivity is read from. */
export const CONNECTIVITY_INDICATORS: Readonly<Record<keyof Connectivity, string>> = {
  internetUse: 'internet-use',
  coverage4g: 'mobile-coverage-4g',
  broadbandPrice: 'broadband-affordability',
  gniPerCapita: 'gni-per-capita',
};

export interface Reference {
  readonly taxonomy: Taxonomy;
  /** Names per list and code, for explanations. */
  readonly labels: ReadonlyMap<TermList, ReadonlyMap<string, Partial<Localised>>>;
  /** UMC dimensions with the indicators that measure them. */
  readonly umcDimensions: readonly { code: string; indicators: readonly string[] }[];
}

const referenceCaches = new WeakMap<Db, VersionedCache<Reference>>();
const connectivityCaches = new WeakMap<Db, VersionedCache<Connectivity>>();

function cacheOf<T>(caches: WeakMap<Db, VersionedCache<T>>, db: Db, size: number): VersionedCache<T> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new VersionedCache<T>(size)));
  return cache;
}

const optional = (name: string, db: Db) => exportTaxonomy(db, name).catch((): Term[] => []);

function buildTaxonomy(topics: readonly Term[], digcomp: readonly Term[], esco: readonly Term[]): Taxonomy {
  const escoByUri = new Map(esco.flatMap((t) => (t.uri ? [[t.uri, t.code] as const] : [])));
  const escoDigcomp = new Map<string, string[]>();
  for (const term of digcomp) {
    const skill = term.uri ? escoByUri.get(term.uri) : undefined;
    if (skill) escoDigcomp.set(skill, [...(escoDigcomp.get(skill) ?? []), term.code]);
  }
  return {
    topicAreas: new Map(topics.map((t) => [t.code, t.related?.['digcomp'] ?? []])),
    competenceArea: new Map(digcomp.flatMap((t) => (t.parent ? [[t.code, t.parent] as const] : []))),
    escoBroader: new Map(esco.flatMap((t) => (t.related?.['broader']?.length ? [[t.code, t.related['broader']] as const] : []))),
    escoDigcomp,
  };
}

const termLabels = (list: readonly Term[]) => new Map(list.map((t) => [t.code, t.labels as Partial<Localised>]));

const listLabels = (name: string) =>
  new Map<string, Partial<Localised>>(CONTROLLED_LISTS.find((l) => l.name === name)?.terms.map((t) => [t.code, t.labels] as const) ?? []);

async function loadReference(db: Db): Promise<Reference> {
  const [topics, digcomp, esco, umc, groups, vocab] = await Promise.all([
    optional('topics', db),
    optional('digcomp', db),
    optional('esco-digital', db),
    optional('umc-dimensions', db),
    listGroups(db),
    vocabulary(db),
  ]);
  const labels = new Map<TermList, ReadonlyMap<string, Partial<Localised>>>([
    ['topics', termLabels(topics)],
    ['digcomp', termLabels(digcomp)],
    ['esco', termLabels(esco)],
    ['umc-dimensions', termLabels(umc)],
    ['audiences', listLabels('audiences')],
    ['target-groups', listLabels('target-groups')],
    ['levels', listLabels('levels')],
    ['modalities', listLabels('modalities')],
    ['bandwidth', listLabels('bandwidth')],
    ['indicators', new Map(INDICATOR_CATALOGUE.map((i) => [i.code, i.name]))],
    ['countries', new Map([...vocab.countries.values()].map((c) => [c.iso3, c.names]))],
    ['groups', new Map(groups.map((g) => [g.code, g.names]))],
  ]);
  return {
    taxonomy: buildTaxonomy(topics, digcomp, esco),
    labels,
    umcDimensions: umc.map((t) => ({ code: t.code, indicators: t.related?.['indicators'] ?? [] })),
  };
}

/**
 * @param version the data version when the caller has it already (saves a query)
 * @example const { taxonomy } = await reference(db)
 */
export async function reference(db: Db, version?: string): Promise<Reference> {
  return cacheOf(referenceCaches, db, 1).get(version ?? (await dataVersion(db)), 'reference', () => loadReference(db));
}

async function loadConnectivity(db: Db, iso3: string): Promise<Connectivity> {
  const profile = await countryProfile(db, iso3).catch(() => undefined);
  const latest = (code: string): Figure | null => {
    const found = profile?.indicators.find((i) => i.code === code)?.latest;
    return found ? { value: found.value, year: found.year } : null;
  };
  return {
    internetUse: latest(CONNECTIVITY_INDICATORS.internetUse),
    coverage4g: latest(CONNECTIVITY_INDICATORS.coverage4g),
    broadbandPrice: latest(CONNECTIVITY_INDICATORS.broadbandPrice),
    gniPerCapita: latest(CONNECTIVITY_INDICATORS.gniPerCapita),
  };
}

/**
 * Each country's groups and measured connectivity (countries the vocabulary does not know are left out).
 * @param known the data version and vocabulary when the caller has read them already (saves a round trip)
 * @example (await countryContexts(db, ['NER'])).get('NER')?.connectivity.internetUse // { value: 23.2, year: 2023 }
 */
export async function countryContexts(
  db: Db,
  iso3s: readonly string[],
  knownVersion?: string,
  knownVocabulary?: Vocabulary,
): Promise<Map<string, CountryContext>> {
  const [vocab, version] = await Promise.all([knownVocabulary ?? vocabulary(db), knownVersion ?? dataVersion(db)]);
  const cache = cacheOf(connectivityCaches, db, 400);
  const result = new Map<string, CountryContext>();
  await Promise.all(
    [...new Set(iso3s)].map(async (iso3) => {
      const facts = vocab.countries.get(iso3);
      if (!facts) return;
      const connectivity = await cache.get(version, iso3, () => loadConnectivity(db, iso3));
      result.set(iso3, { iso3, groups: facts.groups, connectivity });
    }),
  );
  return result;
}
