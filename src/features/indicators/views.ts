/**
 * What the Connect pages read (country profile with context, group page, indicator page,
 * comparison): the same repository and the same profiles as the API, shaped as series per
 * indicator for the charts. Everything here changes only with an import, so each read is kept
 * per data version (VersionedCache), like the profiles in service.ts.
 */
import type { Db } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import type { Localised } from '../../shared/localised.js';
import { dataVersion, VersionedCache } from '../imports/index.js';
import { exportCountries, listGroups, type Country } from '../reference/index.js';
import * as repo from './repository.js';
import { countryProfile, groupProfile } from './service.js';
import type { CountryProfile, GroupProfile } from './schemas.js';

/** One year of a series as the charts take it, with the aggregate's coverage (0–1) where it is one. */
export interface SeriesYear {
  readonly year: number;
  readonly value: number;
  readonly estimate?: boolean;
  readonly coverage?: number;
}

/** Indicator code → its years, ascending. */
export type SeriesByIndicator = ReadonlyMap<string, readonly SeriesYear[]>;

export interface GroupRef {
  readonly code: string;
  readonly kind: string;
  readonly names: Localised;
}

export interface ContextGroup extends GroupRef {
  readonly series: SeriesByIndicator;
}

export interface CountryView {
  readonly country: Country;
  readonly profile: CountryProfile;
  readonly series: SeriesByIndicator;
  /** The region (its sub-region where it has one) and the income group, for context on each chart. */
  readonly context: readonly ContextGroup[];
}

/** Per data version: the promise of a value per key. */
function cacheOf<T>(size: number) {
  const caches = new WeakMap<Db, VersionedCache<T>>();
  return async (db: Db, key: string, compute: () => Promise<T>): Promise<T> => {
    let cache = caches.get(db);
    if (!cache) caches.set(db, (cache = new VersionedCache<T>(size)));
    return cache.get(await dataVersion(db), key, compute);
  };
}

const aggregateCache = cacheOf<SeriesByIndicator>(100);

/** A group's computed aggregate series (total breakdown), every indicator, with coverage per year. */
export function groupSeries(db: Db, code: string): Promise<SeriesByIndicator> {
  return aggregateCache(db, code, async () => {
    const rows = await repo.groupAggregates(db, code);
    return bySeries(rows.map((r) => ({ code: r.indicator_code, year: r.year, value: r.value, coverage: r.coverage })));
  });
}

function bySeries(rows: readonly (SeriesYear & { code: string })[]): SeriesByIndicator {
  const result = new Map<string, SeriesYear[]>();
  for (const { code, ...point } of rows) {
    if (!Number.isFinite(point.value)) continue;
    const list = result.get(code);
    if (list) list.push(point);
    else result.set(code, [point]);
  }
  for (const list of result.values()) list.sort((a, b) => a.year - b.year);
  return result;
}

const REGIONAL_KINDS = ['sub-region', 'region'] as const;

/**
 * A country's profile with its own series and its region's and income group's aggregates.
 * @example const view = await countryView(db, 'KEN'); view.context.map((g) => g.code) // ['202', 'LMC']
 */
export async function countryView(db: Db, country: Country): Promise<CountryView> {
  if (!country.iso3) throw new AppError('not-found', `No profile for ${country.m49}: it has no ISO alpha-3 code`);
  const [profile, rows] = await Promise.all([countryProfile(db, country.iso3), repo.countrySeries(db, country.m49)]);
  const series = bySeries(rows.map((r) => ({ code: r.indicator_code, year: r.year, value: r.value, estimate: r.estimate })));
  // The sub-region where there is one (Sub-Saharan Africa says more about Kenya than Africa does), else the region.
  const regional = REGIONAL_KINDS.map((kind) => country.groups.find((g) => g.kind === kind)).find((g) => g !== undefined);
  const income = country.groups.find((g) => g.kind === 'income');
  const refs = [regional, income].filter((g) => g !== undefined);
  const context = await Promise.all(
    refs.map(async (g) => ({ code: g.code, kind: g.kind, names: g.names, series: await groupSeries(db, g.code) })),
  );
  return { country, profile, series, context };
}

/** One country's total value of one indicator in one year. */
export interface AreaValue {
  readonly year: number;
  readonly value: number;
  readonly estimate: boolean;
}

const yearCache = cacheOf<ReadonlyMap<string, ReadonlyMap<number, AreaValue>>>(40);

/** Every country's total values of one indicator: M49 → year → value. */
export function valuesByCountry(db: Db, indicator: string): Promise<ReadonlyMap<string, ReadonlyMap<number, AreaValue>>> {
  return yearCache(db, indicator, async () => {
    const rows = await repo.listObservations(db, { indicator, breakdown: '' });
    const result = new Map<string, Map<number, AreaValue>>();
    for (const r of rows) {
      if (!Number.isFinite(r.value)) continue;
      const years = result.get(r.m49) ?? new Map<number, AreaValue>();
      years.set(r.year, { year: r.year, value: r.value, estimate: r.estimate });
      result.set(r.m49, years);
    }
    return result;
  });
}

const countriesCache = cacheOf<readonly Country[]>(2);

/** Every country and area with names and groups (reference data), kept per data version. */
export function everyCountry(db: Db): Promise<readonly Country[]> {
  return countriesCache(db, 'all', () => exportCountries(db));
}

type GroupSummary = Awaited<ReturnType<typeof listGroups>>[number];
const groupsCache = cacheOf<readonly GroupSummary[]>(2);

/** Every group (world, regions, sub-regions, LDC / LLDC / SIDS, income), kept per data version. */
export function everyGroup(db: Db): Promise<readonly GroupSummary[]> {
  return groupsCache(db, 'all', () => listGroups(db));
}

export interface GroupView {
  readonly profile: GroupProfile;
  readonly series: SeriesByIndicator;
  readonly members: readonly Country[];
}

/** A group's profile, its aggregate series and its members (with names). */
export async function groupView(db: Db, code: string): Promise<GroupView> {
  const upper = code.toUpperCase();
  const [profile, series, countries] = await Promise.all([groupProfile(db, upper), groupSeries(db, upper), everyCountry(db)]);
  const members = countries.filter((c) => c.groups.some((g) => g.code === upper));
  return { profile, series, members };
}
