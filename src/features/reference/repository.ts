/**
 * Storage of reference data. Writes replace the whole reference set inside the
 * caller's transaction, so an import is all-or-nothing; reads are plain queries.
 */
import { sql } from 'kysely';
import type { Db, WriteTx } from '../../db/database.js';
import type { CountryRow, GroupRow, TaxonomyTermRow } from '../../db/schema.js';
import type { Country, Group, Taxonomy } from '../../core/reference/types.js';

const CHUNK = 500;

/** Upserts countries, groups and taxonomies and removes what the files no longer hold. */
export async function replaceReference(
  tx: WriteTx,
  data: { countries: Country[]; groups: Group[]; taxonomies: Taxonomy[] },
): Promise<void> {
  for (const chunk of chunks(data.countries)) {
    await tx
      .insertInto('countries')
      .values(
        chunk.map((c) => ({
          m49: c.m49,
          iso2: c.iso2,
          iso3: c.iso3,
          names: JSON.stringify(c.names),
          formal_names: c.formalNames ? JSON.stringify(c.formalNames) : null,
          region_code: c.regionCode,
          sub_region_code: c.subRegionCode,
          intermediate_region_code: c.intermediateRegionCode,
          ldc: c.ldc,
          lldc: c.lldc,
          sids: c.sids,
          wb_region: c.wbRegion,
          wb_income_group: c.wbIncomeGroup,
        })),
      )
      .onConflict((oc) =>
        oc.column('m49').doUpdateSet((eb) => ({
          iso2: eb.ref('excluded.iso2'),
          iso3: eb.ref('excluded.iso3'),
          names: eb.ref('excluded.names'),
          formal_names: eb.ref('excluded.formal_names'),
          region_code: eb.ref('excluded.region_code'),
          sub_region_code: eb.ref('excluded.sub_region_code'),
          intermediate_region_code: eb.ref('excluded.intermediate_region_code'),
          ldc: eb.ref('excluded.ldc'),
          lldc: eb.ref('excluded.lldc'),
          sids: eb.ref('excluded.sids'),
          wb_region: eb.ref('excluded.wb_region'),
          wb_income_group: eb.ref('excluded.wb_income_group'),
          updated_at: sql`now()`,
        })).where(sql<boolean>`(countries.iso2, countries.iso3, countries.names, countries.formal_names, countries.region_code,
          countries.sub_region_code, countries.intermediate_region_code, countries.ldc, countries.lldc, countries.sids,
          countries.wb_region, countries.wb_income_group)
        is distinct from (excluded.iso2, excluded.iso3, excluded.names, excluded.formal_names, excluded.region_code,
          excluded.sub_region_code, excluded.intermediate_region_code, excluded.ldc, excluded.lldc, excluded.sids,
          excluded.wb_region, excluded.wb_income_group)`),
      )
      .execute();
  }
  const m49s = data.countries.map((c) => c.m49);
  await tx.deleteFrom('countries').where('m49', 'not in', m49s).execute();

  // Groups are derived from the countries: replace them wholesale.
  await tx.deleteFrom('group_members').execute();
  await tx.updateTable('groups').set({ parent_code: null }).execute();
  await tx
    .deleteFrom('groups')
    .where(
      'code',
      'not in',
      data.groups.map((g) => g.code),
    )
    .execute();
  await tx
    .insertInto('groups')
    .values(
      data.groups.map((g) => ({ code: g.code, kind: g.kind, names: JSON.stringify(g.names), parent_code: null, position: g.position })),
    )
    .onConflict((oc) =>
      oc
        .column('code')
        .doUpdateSet((eb) => ({ kind: eb.ref('excluded.kind'), names: eb.ref('excluded.names'), position: eb.ref('excluded.position') })),
    )
    .execute();
  for (const g of data.groups.filter((group) => group.parentCode)) {
    await tx.updateTable('groups').set({ parent_code: g.parentCode }).where('code', '=', g.code).execute();
  }
  const members = data.groups.flatMap((g) => g.members.map((m49) => ({ group_code: g.code, m49 })));
  for (const chunk of chunks(members)) await tx.insertInto('group_members').values(chunk).execute();

  for (const taxonomy of data.taxonomies) {
    await tx
      .insertInto('taxonomies')
      .values({ name: taxonomy.name, labels: JSON.stringify(taxonomy.labels), source: taxonomy.source, licence: taxonomy.licence })
      .onConflict((oc) =>
        oc.column('name').doUpdateSet((eb) => ({
          labels: eb.ref('excluded.labels'),
          source: eb.ref('excluded.source'),
          licence: eb.ref('excluded.licence'),
        })),
      )
      .execute();
    await tx.deleteFrom('taxonomy_terms').where('taxonomy', '=', taxonomy.name).execute();
    const rows = taxonomy.terms.map((term, position) => ({
      taxonomy: taxonomy.name,
      code: term.code,
      parent_code: term.parentCode,
      labels: JSON.stringify(term.labels),
      description: term.description ? JSON.stringify(term.description) : null,
      uri: term.uri,
      position,
      related: term.related ? JSON.stringify(term.related) : null,
    }));
    for (const chunk of chunks(rows)) await tx.insertInto('taxonomy_terms').values(chunk).execute();
  }
}

/** Records a finished import with the files it read (name, hash, rows). */
export async function recordImport(
  tx: WriteTx,
  kind: string,
  files: { name: string; sha256: string; rows: number }[],
  summary: Record<string, number>,
): Promise<void> {
  await tx
    .insertInto('import_runs')
    .values({ kind, files: JSON.stringify(files), summary: JSON.stringify(summary) })
    .execute();
}

export async function countCountries(db: Db): Promise<number> {
  const row = await db
    .selectFrom('countries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface CountryFilter {
  /** Only members of this group (any kind: region, LDC, income group …). */
  readonly groups?: readonly string[];
  /** Start after this M49 code (keyset pagination). */
  readonly after?: string;
  readonly limit?: number;
}

/** Countries ordered by M49 code, filtered by membership of every named group. */
export async function listCountries(db: Db, filter: CountryFilter): Promise<CountryRow[]> {
  let query = db.selectFrom('countries').selectAll().orderBy('m49');
  for (const code of filter.groups ?? []) {
    query = query.where('m49', 'in', db.selectFrom('group_members').select('m49').where('group_code', '=', code));
  }
  if (filter.after) query = query.where('m49', '>', filter.after);
  if (filter.limit) query = query.limit(filter.limit);
  return query.execute();
}

/** A country by ISO alpha-3, ISO alpha-2 or M49 code. */
export async function findCountry(db: Db, code: string): Promise<CountryRow | undefined> {
  const upper = code.toUpperCase();
  return db
    .selectFrom('countries')
    .selectAll()
    .where((eb) => eb.or([eb('iso3', '=', upper), eb('iso2', '=', upper), eb('m49', '=', code)]))
    .executeTakeFirst();
}

/** Groups that each of `m49s` belongs to, in group order. */
export async function groupsOfCountries(db: Db, m49s: readonly string[]): Promise<Map<string, GroupRow[]>> {
  const result = new Map<string, GroupRow[]>();
  if (m49s.length === 0) return result;
  const rows = await db
    .selectFrom('group_members')
    .innerJoin('groups', 'groups.code', 'group_members.group_code')
    .select(['group_members.m49', 'groups.code', 'groups.kind', 'groups.names', 'groups.parent_code', 'groups.position'])
    .where('group_members.m49', 'in', m49s)
    .orderBy('groups.position')
    .execute();
  for (const { m49, ...group } of rows) result.set(m49, [...(result.get(m49) ?? []), group]);
  return result;
}

/** Groups with their member counts: all of them, those of some kinds, or one by code. */
export async function listGroups(
  db: Db,
  filter: { kinds?: readonly string[]; code?: string } = {},
): Promise<(GroupRow & { member_count: number })[]> {
  let query = db
    .selectFrom('groups')
    .selectAll('groups')
    .select((eb) =>
      eb
        .selectFrom('group_members')
        .whereRef('group_members.group_code', '=', 'groups.code')
        .select(eb.fn.countAll<number>().as('n'))
        .as('member_count'),
    )
    .orderBy('position');
  if (filter.kinds && filter.kinds.length > 0) query = query.where('kind', 'in', filter.kinds);
  if (filter.code !== undefined) query = query.where('code', '=', filter.code);
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, member_count: Number(r.member_count ?? 0) }));
}

export async function findGroup(db: Db, code: string): Promise<GroupRow | undefined> {
  return db.selectFrom('groups').selectAll().where('code', '=', code.toUpperCase()).executeTakeFirst();
}

export async function listTaxonomies(db: Db) {
  return db
    .selectFrom('taxonomies')
    .selectAll('taxonomies')
    .select((eb) =>
      eb
        .selectFrom('taxonomy_terms')
        .whereRef('taxonomy_terms.taxonomy', '=', 'taxonomies.name')
        .select(eb.fn.countAll<number>().as('n'))
        .as('term_count'),
    )
    .orderBy('name')
    .execute();
}

export async function findTaxonomy(db: Db, name: string) {
  return db.selectFrom('taxonomies').selectAll().where('name', '=', name).executeTakeFirst();
}

/** Terms of a taxonomy in their file order, after `afterPosition`, optionally under `parent`. */
export async function listTerms(
  db: Db,
  taxonomy: string,
  options: { afterPosition?: number; limit: number; parent?: string },
): Promise<TaxonomyTermRow[]> {
  let query = db.selectFrom('taxonomy_terms').selectAll().where('taxonomy', '=', taxonomy).orderBy('position').limit(options.limit);
  if (options.afterPosition !== undefined) query = query.where('position', '>', options.afterPosition);
  if (options.parent !== undefined) query = query.where('parent_code', '=', options.parent);
  return query.execute();
}

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += CHUNK) yield items.slice(i, i + CHUNK);
}

/** Member M49 codes of every group, or of the named groups only. */
export async function groupMembers(db: Db, codes?: readonly string[]): Promise<Map<string, string[]>> {
  let query = db.selectFrom('group_members').select(['group_code', 'm49']).orderBy('group_code').orderBy('m49');
  if (codes !== undefined) query = query.where('group_code', 'in', codes.length > 0 ? [...codes] : ['']);
  const rows = await query.execute();
  const result = new Map<string, string[]>();
  for (const r of rows) result.set(r.group_code, [...(result.get(r.group_code) ?? []), r.m49]);
  return result;
}

/** The codes of every country or area (M49 order). */
export async function countryCodeRows(db: Db): Promise<{ m49: string; iso2: string | null; iso3: string | null }[]> {
  return db.selectFrom('countries').select(['m49', 'iso2', 'iso3']).orderBy('m49').execute();
}

/** The codes of every group (position order). */
export async function groupCodes(db: Db): Promise<string[]> {
  return (await db.selectFrom('groups').select('code').orderBy('position').execute()).map((r) => r.code);
}
