/**
 * Use cases of the reference data: list and look up countries, groups and
 * taxonomies. Routes and pages call these; they never query directly.
 */
import { z } from '@hono/zod-openapi';
import type { Db } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import { decodeCursor, paginate } from '../../http/pagination.js';
import { dataVersion, VersionedCache } from '../imports/index.js';
import * as repo from './repository.js';
import { presentCountry, presentCountrySummary, presentGroup, presentTerm } from './presenters.js';
import type { Country, CountrySummary } from './schemas.js';

export interface CountryQuery {
  region?: string | undefined;
  group?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

type CountryPage = { data: CountrySummary[]; next: string | null };
/** Pages already presented, per database handle, until the next import (any instance) changes the data version. */
const countryPages = new WeakMap<Db, VersionedCache<CountryPage>>();

/**
 * A page of countries in M49 order, filtered by region and group. Served from memory while the
 * data version stands: the list is read far more often than it changes, and building a page
 * (two queries, ~600 JSON name objects) costs twenty times a plain round trip.
 */
export async function listCountries(db: Db, query: CountryQuery): Promise<CountryPage> {
  let cache = countryPages.get(db);
  if (!cache) countryPages.set(db, (cache = new VersionedCache<CountryPage>(200)));
  const key = JSON.stringify([query.region?.toUpperCase() ?? null, query.group?.toUpperCase() ?? null, query.limit, query.cursor ?? null]);
  return cache.get(await dataVersion(db), key, () => buildCountryPage(db, query));
}

async function buildCountryPage(db: Db, query: CountryQuery): Promise<CountryPage> {
  const groups = [query.region, query.group].filter((g): g is string => Boolean(g)).map((g) => g.toUpperCase());
  for (const code of groups) {
    if (!(await repo.findGroup(db, code))) throw new AppError('not-found', `No group with code "${code}"; see /api/v1/groups`);
  }
  const after = decodeCursor(query.cursor, z.string().regex(/^\d{3}$/));
  const rows = await repo.listCountries(db, { groups, ...(after ? { after } : {}), limit: query.limit + 1 });
  const { items, next } = paginate(rows, query.limit, (r) => r.m49);
  const memberships = await repo.groupsOfCountries(
    db,
    items.map((r) => r.m49),
  );
  return { data: items.map((r) => presentCountrySummary(r, memberships.get(r.m49) ?? [])), next };
}

/** Every country matching the filter, for pages (no paging: at most 248 rows). */
export async function allCountries(db: Db, filter: { region?: string; group?: string }): Promise<Country[]> {
  const groups = [filter.region, filter.group].filter((g): g is string => Boolean(g));
  const rows = await repo.listCountries(db, { groups });
  const memberships = await repo.groupsOfCountries(
    db,
    rows.map((r) => r.m49),
  );
  return rows.map((r) => presentCountry(r, memberships.get(r.m49) ?? []));
}

export async function getCountry(db: Db, code: string): Promise<Country> {
  const row = await repo.findCountry(db, code);
  if (!row) throw new AppError('not-found', `No country or area with code "${code}"; use an ISO alpha-3 code such as KEN`);
  const memberships = await repo.groupsOfCountries(db, [row.m49]);
  return presentCountry(row, memberships.get(row.m49) ?? []);
}

/**
 * The M49 code of the country with this ISO alpha-3 code, or undefined; for
 * features that store a country by its M49 key (organisations).
 * @example await m49OfIso3(db, 'KEN') // '404'
 */
export async function m49OfIso3(db: Db, iso3: string): Promise<string | undefined> {
  if (!/^[A-Za-z]{3}$/.test(iso3)) return undefined;
  return (await repo.findCountry(db, iso3))?.m49;
}

export async function listGroups(db: Db, kind?: string) {
  const rows = await repo.listGroups(db, kind ? { kinds: [kind] } : {});
  return rows.map(presentGroup);
}

/** One group without its members, or undefined. */
export async function findGroupSummary(db: Db, code: string) {
  const [group] = await repo.listGroups(db, { code: code.toUpperCase() });
  return group ? presentGroup(group) : undefined;
}

export async function getGroup(db: Db, code: string) {
  const upper = code.toUpperCase();
  const group = await findGroupSummary(db, upper);
  if (!group) throw new AppError('not-found', `No group with code "${code}"; see /api/v1/groups`);
  const members = await repo.listCountries(db, { groups: [upper] });
  return { ...group, members: members.map((m) => ({ m49: m.m49, iso3: m.iso3, names: m.names })) };
}

export async function listTaxonomies(db: Db) {
  const rows = await repo.listTaxonomies(db);
  return rows.map((r) => ({ name: r.name, labels: r.labels, source: r.source, licence: r.licence, termCount: Number(r.term_count ?? 0) }));
}

export async function getTaxonomyTerms(
  db: Db,
  name: string,
  query: { limit: number; cursor?: string | undefined; parent?: string | undefined },
) {
  const taxonomy = await repo.findTaxonomy(db, name);
  if (!taxonomy) throw new AppError('not-found', `No taxonomy named "${name}"; see /api/v1/taxonomies`);
  const after = decodeCursor(query.cursor, z.number().int().min(0));
  const rows = await repo.listTerms(db, name, {
    limit: query.limit + 1,
    ...(after !== undefined ? { afterPosition: after } : {}),
    ...(query.parent !== undefined ? { parent: query.parent } : {}),
  });
  const { items, next } = paginate(rows, query.limit, (r) => r.position);
  return {
    taxonomy: { name: taxonomy.name, labels: taxonomy.labels, source: taxonomy.source, licence: taxonomy.licence },
    data: items.map(presentTerm),
    next,
  };
}

export async function countCountries(db: Db): Promise<number> {
  return repo.countCountries(db);
}

/** Every country, for bulk export. */
export async function exportCountries(db: Db): Promise<Country[]> {
  return allCountries(db, {});
}

/** Every group with its member M49 codes, for bulk export. */
export async function exportGroups(db: Db) {
  const groups = await repo.listGroups(db);
  const members = await repo.groupMembers(db);
  return groups.map((g) => ({ ...presentGroup(g), members: members.get(g.code) ?? [] }));
}

/** Every term of a taxonomy, for bulk export. */
export async function exportTaxonomy(db: Db, name: string) {
  const taxonomy = await repo.findTaxonomy(db, name);
  if (!taxonomy) throw new AppError('not-found', `No taxonomy named "${name}"`);
  return (await repo.listTerms(db, name, { limit: 100_000 })).map(presentTerm);
}

/** ISO alpha-2, alpha-3 and M49 codes of one country or area. */
export interface CountryCodes {
  readonly m49: string;
  readonly iso2: string | null;
  readonly iso3: string | null;
}

/**
 * The codes of every country or area, for features that key data by M49 (indicators) and
 * importers that meet ISO2, ISO3 and M49 codes alike.
 * @example (await countryCodes(db)).find((c) => c.iso3 === 'KEN') // { m49: '404', iso2: 'KE', iso3: 'KEN' }
 */
export async function countryCodes(db: Db): Promise<CountryCodes[]> {
  return repo.countryCodeRows(db);
}

/**
 * Member M49 codes per group: of the named groups (unknown codes are absent from the map), or of
 * every group when none are named. Every known group is in the map, even without members.
 * @example (await groupMemberships(db, ['LDC'])).get('LDC')?.length // 45
 */
export async function groupMemberships(db: Db, codes?: readonly string[]): Promise<Map<string, string[]>> {
  const known = await repo.groupCodes(db);
  const wanted = codes === undefined ? known : known.filter((code) => codes.includes(code));
  const members = await repo.groupMembers(db, wanted);
  return new Map(wanted.map((code) => [code, members.get(code) ?? []]));
}
