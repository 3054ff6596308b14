/**
 * The only way reference rows leave the server (ENGINEERING.md §3): rows in,
 * public shapes out, the same for the API and the pages.
 */
import type { CountryRow, GroupRow, TaxonomyTermRow } from '../../db/schema.js';
import type { z } from '@hono/zod-openapi';
import type { Country, CountrySummary, GroupSchema, TermSchema } from './schemas.js';

export function presentGroupRef(group: Pick<GroupRow, 'code' | 'kind' | 'names'>): Country['groups'][number] {
  return { code: group.code, kind: group.kind as Country['groups'][number]['kind'], names: group.names };
}

export function presentCountry(row: CountryRow, groups: readonly GroupRow[]): Country {
  return {
    m49: row.m49,
    iso2: row.iso2,
    iso3: row.iso3,
    names: row.names,
    formalNames: row.formal_names,
    region: row.region_code,
    subRegion: row.sub_region_code,
    intermediateRegion: row.intermediate_region_code,
    ldc: row.ldc,
    lldc: row.lldc,
    sids: row.sids,
    wbRegion: row.wb_region,
    wbIncomeGroup: row.wb_income_group as Country['wbIncomeGroup'],
    groups: groups.map(presentGroupRef),
  };
}

export function presentGroup(row: GroupRow & { member_count: number }): z.infer<typeof GroupSchema> {
  return { ...presentGroupRef(row), parent: row.parent_code, memberCount: row.member_count };
}

export function presentTerm(row: TaxonomyTermRow): z.infer<typeof TermSchema> {
  return {
    code: row.code,
    parent: row.parent_code,
    labels: row.labels,
    description: row.description,
    uri: row.uri,
    ...(row.related ? { related: row.related } : {}),
  };
}

/** A country for lists: the record without formal names, groups as codes. */
export function presentCountrySummary(row: CountryRow, groups: readonly Pick<GroupRow, 'code'>[]): CountrySummary {
  const { formalNames: _formal, groups: _groups, ...rest } = presentCountry(row, []);
  return { ...rest, groups: groups.map((g) => g.code) };
}
