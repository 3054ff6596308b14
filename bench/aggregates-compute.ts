/**
 * Every aggregate of one indicator (internet use: 37 groups × every year) as the app computes
 * it — load the members, the indicator and population series, then compute.ts
 * computeAggregates (population-weighted, gaps within ±2 years estimated by interpolation or the member's own trend,
 * coverage ≥ 2/3, at most half of it estimated) —
 * against one raw SQL statement doing the same population-weighted aggregation without gap
 * filling. No HTTP: each side runs back to back on this thread, one at a time, so "req/s" reads
 * as complete computations per second and latency as the time of one computation.
 */
import { sql } from 'kysely';
import type { Db } from '../src/db/database.js';
import { aggregationGroups, computeAggregates } from '../src/features/indicators/compute.js';
import { seriesByCountry } from '../src/features/indicators/repository.js';
import type { Benchmark } from './benchmark.js';
import { compareInProcess } from './in-process.js';

const INDICATOR = 'internet-use';

async function inApp(db: Db): Promise<number> {
  const [groups, values, population] = await Promise.all([
    aggregationGroups(db),
    seriesByCountry(db, INDICATOR),
    seriesByCountry(db, 'population'),
  ]);
  return computeAggregates(INDICATOR, 'population-weighted', groups, values, population, { min: 0, max: 100 }).length;
}

async function rawSql(db: Db): Promise<number> {
  const { rows } = await sql<{ group_code: string; year: number; value: number; coverage: number }>`
    with pop as (select m49, year, value as p from observations where indicator_code = 'population' and breakdown = '' and value > 0),
         v as (select m49, year, value from observations where indicator_code = ${INDICATOR} and breakdown = ''),
         per as (
           select gm.group_code, pop.year, sum(pop.p) as known, sum(pop.p) filter (where v.value is not null) as covered,
                  sum(v.value * pop.p) as weighted, count(v.value) as with_data
           from group_members gm join pop on pop.m49 = gm.m49 left join v on v.m49 = pop.m49 and v.year = pop.year
           group by gm.group_code, pop.year)
    select group_code, year, weighted / covered as value, covered / known as coverage
    from per where with_data > 0 and covered / known >= 2.0 / 3`.execute(db);
  return rows.length;
}

export const aggregatesCompute: Benchmark = {
  name: 'aggregates-compute',
  description: `every ${INDICATOR} aggregate (all groups × years): app load + computeAggregates vs one raw SQL statement (no gap filling)`,
  async run(ctx) {
    const [appRows, sqlRows] = [await inApp(ctx.db), await rawSql(ctx.db)];
    ctx.log(`rows: app ${appRows} (gaps estimated within ±2 years), raw SQL ${sqlRows} (reported values only)`);
    if (appRows < 500 || sqlRows < 500)
      throw new Error(`expected hundreds of aggregates, got app ${appRows}, SQL ${sqlRows}: is the indicator data imported?`);
    return compareInProcess({
      target: { name: 'computeAggregates (app)', run: () => inApp(ctx.db) },
      baseline: { name: 'raw SQL, no gap filling', run: () => rawSql(ctx.db) },
      durationSeconds: ctx.durationSeconds,
      log: ctx.log,
    });
  },
};
