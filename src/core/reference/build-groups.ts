/**
 * Derives the groupings (world, M49 regions, sub-regions and intermediate
 * regions, LDC / LLDC / SIDS, World Bank income groups) and their members from
 * the countries, so membership can never disagree with the country records.
 */
import { LANGUAGES, type Language, type Localised } from '../../shared/localised.js';
import type { Table } from '../../shared/table.js';
import { DEVELOPMENT_GROUP_NAMES, INCOME_GROUP_NAMES } from './group-names.js';
import type { Country, Group, GroupKind, IncomeGroup } from './types.js';

const REGION_LEVELS = [
  { kind: 'region', code: 'region_code', name: 'region_name', parent: () => 'WLD' },
  { kind: 'sub-region', code: 'sub_region_code', name: 'sub_region_name', parent: (c: Country) => c.regionCode },
  {
    kind: 'intermediate-region',
    code: 'intermediate_region_code',
    name: 'intermediate_region_name',
    parent: (c: Country) => c.subRegionCode,
  },
] as const satisfies readonly { kind: GroupKind; code: string; name: string; parent: (c: Country) => string | null }[];

/**
 * @example buildGroups(countries, namesTable).find((g) => g.code === '002')?.names.en // 'Africa'
 */
export function buildGroups(countries: Country[], names: Table): Group[] {
  const regionNames = regionNamesByCode(names);
  const groups: Group[] = [];
  const add = (code: string, kind: GroupKind, groupNames: Localised, parentCode: string | null, members: Country[]) =>
    groups.push({ code, kind, names: groupNames, parentCode, position: groups.length, members: members.map((c) => c.m49) });

  const world = countries.filter((c) => c.regionCode !== null);
  add('WLD', 'world', regionNames.get('001') ?? fallbackNames('World'), null, world);

  for (const level of REGION_LEVELS) {
    const byCode = new Map<string, Country[]>();
    for (const c of countries) {
      const regionCode = level.kind === 'region' ? c.regionCode : level.kind === 'sub-region' ? c.subRegionCode : c.intermediateRegionCode;
      if (regionCode) byCode.set(regionCode, [...(byCode.get(regionCode) ?? []), c]);
    }
    for (const [code, members] of [...byCode].toSorted(([a], [b]) => a.localeCompare(b))) {
      add(code, level.kind, regionNames.get(code) ?? fallbackNames(code), level.parent(members[0]!), members);
    }
  }

  add(
    'LDC',
    'development-status',
    DEVELOPMENT_GROUP_NAMES.LDC,
    null,
    countries.filter((c) => c.ldc),
  );
  add(
    'LLDC',
    'development-status',
    DEVELOPMENT_GROUP_NAMES.LLDC,
    null,
    countries.filter((c) => c.lldc),
  );
  add(
    'SIDS',
    'development-status',
    DEVELOPMENT_GROUP_NAMES.SIDS,
    null,
    countries.filter((c) => c.sids),
  );
  for (const income of ['HIC', 'UMC', 'LMC', 'LIC'] as const satisfies readonly IncomeGroup[]) {
    add(
      income,
      'income',
      INCOME_GROUP_NAMES[income],
      null,
      countries.filter((c) => c.wbIncomeGroup === income),
    );
  }
  return groups;
}

/** Region, sub-region and intermediate-region names in six languages, by M49 code. */
function regionNamesByCode(t: Table): Map<string, Localised> {
  const partial = new Map<string, Partial<Record<Language, string>>>();
  const put = (code: string | undefined, lang: string | undefined, name: string | undefined) => {
    if (!code || !name || !LANGUAGES.includes(lang as Language)) return;
    partial.set(code, { ...partial.get(code), [lang as Language]: name });
  };
  for (const { values } of t.rows) {
    put('001', values['lang'], values['global_name']);
    for (const level of REGION_LEVELS) put(values[level.code], values['lang'], values[level.name]);
  }
  return new Map([...partial].map(([code, names]) => [code, { ...fallbackNames(names.en ?? code), ...names }]));
}

function fallbackNames(english: string): Localised {
  return Object.fromEntries(LANGUAGES.map((l) => [l, english])) as Localised;
}
