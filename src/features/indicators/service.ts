/**
 * Use cases of the indicators API and pages: the catalogue, observations, aggregates and a
 * country's profile. Codes and aliases resolve here, once; unknown codes are not-found
 * problems; country and group profiles are cached per data version (see imports/data-version.ts).
 */
import { z } from '@hono/zod-openapi';
import { findIndicator, INDICATOR_CATALOGUE, type IndicatorDefinition, type YearValue } from '../../core/indicators/index.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import { decodeCursor, paginate } from '../../http/pagination.js';
import { dataVersion, VersionedCache } from '../imports/index.js';
import { countryCodes, findGroupSummary, getCountry, groupMemberships } from '../reference/index.js';
import { computeGroupProfile, computeProfile, rankWindows, type RankGroup } from './profile.js';
import { presentAggregate, presentIndicator, presentObservation } from './presenters.js';
import * as repo from './repository.js';
import type { CountryCodes } from '../reference/index.js';
import type { AggregateItem, CountryProfile, GroupProfile, Indicator, ObservationItem } from './schemas.js';

type Page<T> = { data: T[]; next: string | null };
type YearSpan = { from: number; to: number };

/** The catalogue entry for a code or any source alias, else a not-found problem. */
export function resolveIndicator(code: string): IndicatorDefinition {
  const indicator = findIndicator(code);
  if (!indicator) throw new AppError('not-found', `No indicator with code or alias "${code}"; see /api/v1/indicators`);
  return indicator;
}

export async function listIndicators(db: Db): Promise<Indicator[]> {
  const stats = await repo.observationStats(db);
  return INDICATOR_CATALOGUE.map((d) => presentIndicator(d, stats.get(d.code)));
}

export async function getIndicator(db: Db, code: string): Promise<Indicator> {
  const indicator = resolveIndicator(code);
  const stats = await repo.observationStats(db);
  return presentIndicator(indicator, stats.get(indicator.code));
}

export interface ObservationListQuery {
  countries?: string[] | undefined;
  groups?: string[] | undefined;
  years?: YearSpan | undefined;
  breakdown?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

const ObservationCursor = z.tuple([z.string().regex(/^\d{3}$/), z.number().int(), z.string().max(60)]);

/**
 * A page of one indicator's observations (or all of them, for downloads: `all`), filtered by
 * countries and by group membership (both given: a country must be in the list and in every group).
 */
export async function listObservations(
  db: Db,
  code: string,
  query: ObservationListQuery,
  all = false,
): Promise<Page<ObservationItem> & { indicator: IndicatorDefinition }> {
  const indicator = resolveIndicator(code);
  const codes = await countryCodes(db);
  const m49s = await areaFilter(db, codes, query.countries, query.groups);
  const after = all ? undefined : decodeCompositeCursor(query.cursor, ObservationCursor);
  const rows = await repo.listObservations(db, {
    indicator: indicator.code,
    ...(m49s ? { m49s } : {}),
    ...(query.years ? { years: query.years } : {}),
    ...(query.breakdown !== undefined ? { breakdown: query.breakdown === 'total' ? '' : query.breakdown } : {}),
    ...(after ? { after } : {}),
    ...(all ? {} : { limit: query.limit + 1 }),
  });
  const { items, next } = all ? { items: rows, next: null } : paginate(rows, query.limit, (r) => keyOf([r.m49, r.year, r.breakdown]));
  const iso3 = new Map(codes.map((c) => [c.m49, c.iso3]));
  return { indicator, data: items.map((row) => presentObservation(row, iso3.get(row.m49) ?? null)), next };
}

/** M49 codes allowed by the country and group filters, or undefined when there is none. */
async function areaFilter(
  db: Db,
  codes: readonly CountryCodes[],
  countries: readonly string[] | undefined,
  groups: readonly string[] | undefined,
): Promise<string[] | undefined> {
  let allowed: Set<string> | undefined;
  if (countries && countries.length > 0) {
    const byIso3 = new Map(codes.flatMap((c) => (c.iso3 ? [[c.iso3, c.m49] as const] : [])));
    const found = new Map(countries.flatMap((c) => (byIso3.has(c) ? [[c, byIso3.get(c)!] as const] : [])));
    const missing = countries.filter((c) => !found.has(c));
    if (missing.length > 0) {
      throw new AppError(
        'not-found',
        `No country or area with ISO code ${missing.map((m) => `"${m}"`).join(', ')}; see /api/v1/countries`,
        [{ field: 'query.countries', message: `unknown: ${missing.join(', ')}` }],
      );
    }
    allowed = new Set(found.values());
  }
  if (groups && groups.length > 0) {
    const members = await groupMemberships(db, groups);
    const missing = groups.filter((g) => !members.has(g));
    if (missing.length > 0) {
      throw new AppError('not-found', `No group with code ${missing.map((m) => `"${m}"`).join(', ')}; see /api/v1/groups`, [
        { field: 'query.groups', message: `unknown: ${missing.join(', ')}` },
      ]);
    }
    for (const list of members.values()) {
      const set = new Set(list);
      allowed = allowed ? new Set([...allowed].filter((m) => set.has(m))) : set;
    }
  }
  return allowed ? [...allowed] : undefined;
}

export interface AggregateListQuery {
  group?: string | undefined;
  year?: YearSpan | undefined;
  limit: number;
  cursor?: string | undefined;
}

const AggregateCursor = z.tuple([z.string().max(4), z.number().int()]);

/** A page of one indicator's computed aggregates, each beside the source's own published figure. */
export async function listAggregates(
  db: Db,
  code: string,
  query: AggregateListQuery,
  all = false,
): Promise<Page<AggregateItem> & { indicator: IndicatorDefinition }> {
  const indicator = resolveIndicator(code);
  const group = query.group?.toUpperCase();
  if (group && !(await groupMemberships(db, [group])).has(group)) {
    throw new AppError('not-found', `No group with code "${group}"; see /api/v1/groups`, [
      { field: 'query.group', message: 'unknown group' },
    ]);
  }
  const after = all ? undefined : decodeCompositeCursor(query.cursor, AggregateCursor);
  const rows = await repo.listAggregates(db, {
    indicator: indicator.code,
    ...(group ? { group } : {}),
    ...(query.year ? { years: query.year } : {}),
    ...(after ? { after } : {}),
    ...(all ? {} : { limit: query.limit + 1 }),
  });
  const { items, next } = all ? { items: rows, next: null } : paginate(rows, query.limit, (r) => keyOf([r.group_code, r.year]));
  return { indicator, data: items.map(presentAggregate), next };
}

/** paginate() encodes a string or number key; a composite key travels as its JSON text. */
function keyOf(key: readonly (string | number)[]): string {
  return JSON.stringify(key);
}

/** Composite cursors are JSON text inside paginate()'s base64url cursor: decode both layers. */
function decodeCompositeCursor<T extends z.ZodType>(cursor: string | undefined, schema: T): z.infer<T> | undefined {
  const text = decodeCursor(cursor, z.string());
  if (text === undefined) return undefined;
  try {
    return schema.parse(JSON.parse(text));
  } catch {
    throw new AppError('validation-failed', 'query.cursor: not a cursor from this list; pass the `next` value of the previous page', [
      { field: 'query.cursor', message: 'not a cursor from this list' },
    ]);
  }
}

const RANK_KINDS = new Set(['region', 'development-status', 'income']);

/** One cache per database handle: the API and the country page share it. */
const profileCaches = new WeakMap<Db, VersionedCache<CountryProfile>>();

/**
 * Every indicator for one country: latest value, trend, target status, 2030 outlook and ranks.
 * Costs one query (the data version) when cached; recomputed after any import.
 */
export async function countryProfile(db: Db, iso3: string): Promise<CountryProfile> {
  const upper = iso3.toUpperCase();
  let cache = profileCaches.get(db);
  if (!cache) profileCaches.set(db, (cache = new VersionedCache<CountryProfile>(500)));
  const version = await dataVersion(db);
  return cache.get(version, upper, () => buildProfile(db, upper, version));
}

async function buildProfile(db: Db, iso3: string, version: string): Promise<CountryProfile> {
  const country = await getCountry(db, iso3);
  if (country.iso3 !== iso3) throw new AppError('not-found', `No country or area with ISO alpha-3 code "${iso3}"`);
  const series = await repo.countrySeries(db, country.m49);
  const rankRefs = country.groups.filter((g) => RANK_KINDS.has(g.kind));
  const members = await groupMemberships(
    db,
    rankRefs.map((g) => g.code),
  );
  const rankGroups: RankGroup[] = rankRefs.map((g) => ({ code: g.code, kind: g.kind, members: members.get(g.code) ?? [] }));
  const peers = [...new Set(rankGroups.flatMap((g) => g.members))];
  const values = await repo.valuesInWindows(db, peers, rankWindows(series, INDICATOR_CATALOGUE));
  const peerValues = new Map<string, Map<string, YearValue[]>>();
  for (const v of values) {
    const byCountry = peerValues.get(v.indicator_code) ?? new Map<string, YearValue[]>();
    byCountry.set(v.m49, [...(byCountry.get(v.m49) ?? []), { year: v.year, value: v.value }]);
    peerValues.set(v.indicator_code, byCountry);
  }
  return {
    country: { iso3, m49: country.m49, names: country.names, region: country.region, groups: country.groups.map((g) => g.code) },
    dataVersion: version,
    indicators: computeProfile({ m49: country.m49, catalogue: INDICATOR_CATALOGUE, series, rankGroups, peerValues }),
  };
}

const groupProfileCaches = new WeakMap<Db, VersionedCache<GroupProfile>>();

/**
 * Every indicator for one group, from its computed aggregates: latest value with coverage and
 * method, the source's own figure for that year, trend, band or target status, 2030 outlook.
 * Cached per data version like the country profile.
 */
export async function groupProfile(db: Db, code: string): Promise<GroupProfile> {
  const upper = code.toUpperCase();
  let cache = groupProfileCaches.get(db);
  if (!cache) groupProfileCaches.set(db, (cache = new VersionedCache<GroupProfile>(200)));
  const version = await dataVersion(db);
  return cache.get(version, upper, () => buildGroupProfile(db, upper, version));
}

async function buildGroupProfile(db: Db, code: string, version: string): Promise<GroupProfile> {
  const group = await findGroupSummary(db, code);
  if (!group) throw new AppError('not-found', `No group with code "${code}"; see /api/v1/groups`);
  const aggregates = await repo.groupAggregates(db, code);
  return {
    group: { code: group.code, kind: group.kind, names: group.names, parent: group.parent, memberCount: group.memberCount },
    dataVersion: version,
    indicators: computeGroupProfile(INDICATOR_CATALOGUE, aggregates),
  };
}
