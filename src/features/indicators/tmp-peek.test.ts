import { it } from 'vitest';
import { sql } from 'kysely';
import { forEachEngine } from '../../../test/support/engines.js';
forEachEngine('peek', (t) => {
  it('peek', async () => {
    const r = await sql`select a.indicator_code, a.group_code, a.year, (select max(year) from published_aggregates p where p.indicator_code=a.indicator_code and p.group_code=a.group_code) as pub_max,
      exists(select 1 from published_aggregates p where p.indicator_code=a.indicator_code and p.group_code=a.group_code and p.year=a.year) as has
      from aggregates a where a.breakdown='' and a.year = (select max(year) from aggregates b where b.indicator_code=a.indicator_code and b.group_code=a.group_code and b.breakdown='')
      and exists(select 1 from published_aggregates p where p.indicator_code=a.indicator_code and p.group_code=a.group_code)`.execute(t.db);
    console.log(JSON.stringify(r.rows));
  });
});
