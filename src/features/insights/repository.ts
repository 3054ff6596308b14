/**
 * The insights' queries. They read the capacity feature's `needs` and
 * `offerings` tables and the workflow's `matches` directly, because each
 * answer is one aggregate over every record (counts by topic and region, a
 * funnel per open need) that no record-by-record service could give without
 * reading the whole catalogue into memory; only counts and, for public needs,
 * titles leave this file.
 */
import { sql } from 'kysely';
import { PLEDGE_KINDS } from '../../core/capacity/plausibility.js';
import type { Db } from '../../db/database.js';

const arr = (values: readonly string[]) => sql`${[...values]}::text[]`;

/** Open and closed-unmet needs by topic and M49 region of the need's country. */
export async function unmetByTopicAndRegion(db: Db) {
  const { rows } = await sql<{ topic: string; region: string | null; open: number; unmet: number }>`
    select t.topic, c.region_code as region,
           count(*) filter (where n.status = 'open')::int as open,
           count(*) filter (where n.status = 'closed-unmet')::int as unmet
    from needs n cross join lateral unnest(n.topics) as t(topic)
    left join countries c on c.iso3 = n.country_iso3
    where n.status in ('open', 'closed-unmet')
    group by t.topic, c.region_code
    order by t.topic, c.region_code`.execute(db);
  return rows;
}

/** Open and closed-unmet needs by topic and by language the need accepts (a need counts once per pair). */
export async function unmetByTopicAndLanguage(db: Db) {
  const { rows } = await sql<{ topic: string; language: string; open: number; unmet: number }>`
    select t.topic, l.language,
           count(*) filter (where n.status = 'open')::int as open,
           count(*) filter (where n.status = 'closed-unmet')::int as unmet
    from needs n cross join lateral unnest(n.topics) as t(topic) cross join lateral unnest(n.languages) as l(language)
    where n.status in ('open', 'closed-unmet')
    group by t.topic, l.language
    order by t.topic, l.language`.execute(db);
  return rows;
}

/** Needs posted per month (UTC) of the last `months` months, and how many of them are open or closed unmet now. */
export async function needsByMonth(db: Db, months: number) {
  const { rows } = await sql<{ month: string; posted: number; open: number; unmet: number }>`
    select to_char(date_trunc('month', n.created_at at time zone 'UTC'), 'YYYY-MM') as month,
           count(*)::int as posted,
           count(*) filter (where n.status = 'open')::int as open,
           count(*) filter (where n.status = 'closed-unmet')::int as unmet
    from needs n
    where n.created_at >= date_trunc('month', now() at time zone 'UTC') - make_interval(months => ${months - 1})
    group by 1 order by 1`.execute(db);
  return rows;
}

/** Open needs and published offerings (pledges aside) per topic. */
export async function supplyAndDemandByTopic(db: Db) {
  const { rows } = await sql<{ code: string; needs: number; offerings: number }>`
    with demand as (
      select t.code, count(*)::int as needs from needs n cross join lateral unnest(n.topics) as t(code)
      where n.status = 'open' group by t.code
    ), supply as (
      select t.code, count(*)::int as offerings from offerings o cross join lateral unnest(o.topics) as t(code)
      where o.status = 'published' and o.kind <> all(${arr(PLEDGE_KINDS)}) group by t.code
    )
    select coalesce(d.code, s.code) as code, coalesce(d.needs, 0) as needs, coalesce(s.offerings, 0) as offerings
    from demand d full join supply s on s.code = d.code`.execute(db);
  return rows;
}

/** Open needs accepting each language and published offerings (pledges aside) given in it. */
export async function supplyAndDemandByLanguage(db: Db) {
  const { rows } = await sql<{ code: string; needs: number; offerings: number }>`
    with demand as (
      select l.code, count(*)::int as needs from needs n cross join lateral unnest(n.languages) as l(code)
      where n.status = 'open' group by l.code
    ), supply as (
      select l.code, count(*)::int as offerings from offerings o cross join lateral unnest(o.languages) as l(code)
      where o.status = 'published' and o.kind <> all(${arr(PLEDGE_KINDS)}) group by l.code
    )
    select coalesce(d.code, s.code) as code, coalesce(d.needs, 0) as needs, coalesce(s.offerings, 0) as offerings
    from demand d full join supply s on s.code = d.code`.execute(db);
  return rows;
}

export interface FunnelRow {
  id: string;
  title: string;
  country_iso3: string;
  language: string;
  visibility: 'public' | 'members';
  topic: boolean;
  language_fit: boolean;
  eligibility: boolean;
  dates: boolean;
}

/**
 * The funnel of the `cap` most recently posted open needs (core/insights/demand.ts, Method):
 * whether any published offering passes each step and every step before it. `groups` gives
 * each country's eligibility codes (its ISO code, regions and groups, WLD).
 */
export async function openNeedFunnel(db: Db, groups: ReadonlyMap<string, readonly string[]>, cap: number): Promise<FunnelRow[]> {
  const iso3s = [...groups.keys()];
  const lists = iso3s.map((iso3) => [...(groups.get(iso3) ?? [])].join(','));
  const base = sql`o.status = 'published' and o.kind <> all(${arr(PLEDGE_KINDS)}) and o.topics && n.topics`;
  const language = sql`${base} and o.languages && n.languages`;
  const eligible = sql`${language} and (o.eligible_countries || o.eligible_groups) && coalesce(g.codes, array[n.country_iso3, 'WLD'])`;
  const dated = sql`${eligible} and (o.rolling or (o.start_date is null and o.end_date is null)
        or (coalesce(o.start_date, o.end_date) >= greatest(coalesce(n.start_date, current_date), current_date)
            and (n.end_date is null or coalesce(o.end_date, o.start_date) <= n.end_date)))`;
  const { rows } = await sql<FunnelRow>`
    with g as (select iso3, string_to_array(list, ',') as codes from unnest(${arr(iso3s)}, ${arr(lists)}) as x(iso3, list))
    select n.id, n.title, n.country_iso3, n.language, n.visibility,
           exists(select 1 from offerings o where ${base}) as topic,
           exists(select 1 from offerings o where ${language}) as language_fit,
           exists(select 1 from offerings o where ${eligible}) as eligibility,
           exists(select 1 from offerings o where ${dated}) as dates
    from (select * from needs where status = 'open' order by created_at desc, id limit ${cap}) as n
    left join g on g.iso3 = n.country_iso3
    order by n.created_at desc, n.id`.execute(db);
  return rows;
}

/** Days from each need's posting to its first accepted match, by M49 region. */
export async function daysToFirstAcceptance(db: Db) {
  const { rows } = await sql<{ region: string | null; days: number }>`
    select c.region_code as region, extract(epoch from (min(m.accepted_at) - n.created_at)) / 86400.0 as days
    from matches m join needs n on n.id = m.need_id
    left join countries c on c.iso3 = n.country_iso3
    where m.accepted_at is not null
    group by n.id, n.created_at, c.region_code`.execute(db);
  return rows.map((r) => ({ region: r.region, days: Number(r.days) }));
}

/** Whether generated demo records are among the needs counted (the page says so). */
export async function demoNeedsCounted(db: Db): Promise<boolean> {
  const row = await db.selectFrom('needs').select('id').where('demo', '=', true).limit(1).executeTakeFirst();
  return row !== undefined;
}
