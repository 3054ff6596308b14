import { sql } from 'kysely';
import { it } from 'vitest';
import { forEachEngine } from '../../../test/support/engines.js';
forEachEngine('explain', (t) => {
  it('plans', async () => {
    for (let i = 0; i < 3; i++) {
    const a = await sql<{ 'QUERY PLAN': string }>`explain analyze
    with pop as (select m49, year, value as p from observations where indicator_code = 'population' and breakdown = '' and value > 0),
         v as (select m49, year, value from observations where indicator_code = 'internet-use' and breakdown = ''),
         per as (
           select gm.group_code, pop.year, sum(pop.p) as known, sum(pop.p) filter (where v.value is not null) as covered,
                  sum(v.value * pop.p) as weighted, count(v.value) as with_data
           from group_members gm join pop on pop.m49 = gm.m49 left join v on v.m49 = pop.m49 and v.year = pop.year
           group by gm.group_code, pop.year)
    select group_code, year, weighted / covered as value, covered / known as coverage
    from per where with_data > 0 and covered / known >= 2.0 / 3`.execute(t.db);
    console.log(a.rows.map((r) => r['QUERY PLAN']).join('\n'));
    }
  });
});
