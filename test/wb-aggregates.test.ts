import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { aggregatePopulationWeightedSeries, type GroupData } from '../src/core/indicators/aggregate.js';
import type { YearValue } from '../src/core/indicators/types.js';

const projectRoot = fileURLToPath(new URL('../', import.meta.url));
const dataDir = process.env['DCP_DATA_DIR'] ?? path.join(projectRoot, '..', 'shared', 'data');

function readCsv(name: string): Record<string, string>[] {
  return parse(readFileSync(path.join(dataDir, name), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
}

function push(map: Map<string, YearValue[]>, key: string, year: number, raw: string | undefined): void {
  if (raw === undefined || raw === '') return;
  const list = map.get(key) ?? [];
  list.push({ year, value: Number(raw) });
  map.set(key, list);
}

const ict = readCsv('ict_country_year.csv');
const m49 = readCsv('un_m49_countries.csv');
const wdi = readCsv('wdi_internet_users_incl_aggregates.csv');

const values = new Map<string, YearValue[]>();
const population = new Map<string, YearValue[]>();
for (const row of ict) {
  const iso3 = row['iso3'] ?? '';
  const year = Number(row['year']);
  push(values, iso3, year, row['internet_users_pct']);
  push(population, iso3, year, row['population']);
}
const ictCountries = new Set(ict.map((r) => r['iso3'] ?? ''));
const m49Iso3 = new Set(m49.map((r) => r['ISO-alpha3 Code'] ?? '').filter((c) => c !== ''));
const ldc = m49.filter((r) => r['Least Developed Countries (LDC)'] === 'x').map((r) => r['ISO-alpha3 Code'] ?? '');
const incomeOf = new Map<string, string>();
for (const row of wdi) if (row['is_aggregate'] === '0' && row['wb_income_group']) incomeOf.set(row['country_code'] ?? '', row['wb_income_group'] ?? '');
const byIncome = (group: string): string[] => [...incomeOf].filter(([, g]) => g === group).map(([c]) => c);

const groups: Record<string, string[]> = {
  WLD: [...ictCountries].filter((c) => m49Iso3.has(c)),
  LDC: ldc,
  HIC: byIncome('High income'),
  UMC: byIncome('Upper middle income'),
  LMC: byIncome('Lower middle income'),
  LIC: byIncome('Low income'),
};

const reference = new Map<string, Map<number, number>>();
for (const row of wdi) {
  const code = row['country_code'] ?? '';
  if (!(code in groups)) continue;
  const series = reference.get(code) ?? new Map<number, number>();
  series.set(Number(row['year']), Number(row['internet_users_pct']));
  reference.set(code, series);
}

describe('explore', () => {
  it('prints', () => {
    for (const [code, members] of Object.entries(groups)) {
      const data: GroupData = { members, values, population };
      const ours = aggregatePopulationWeightedSeries(data, { fromYear: 2000 });
      const lines = ours.map((a) => {
        const wb = reference.get(code)?.get(a.year);
        return `${a.year} ours=${a.value.toFixed(2)} wb=${wb?.toFixed(2)} d=${wb === undefined ? '' : (a.value - wb).toFixed(2)} cov=${a.coverage.toFixed(3)} n=${a.membersWithData}/${a.membersTotal} gf=${a.membersGapFilled}`;
      });
      console.log(code, members.length, '\n' + lines.join('\n'));
    }
    expect(true).toBe(true);
  });
});
