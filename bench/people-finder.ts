/**
 * The expert finder at 100,000 profiles, on each engine of the run (bench/run.ts measures the
 * embedded PostgreSQL, then a PostgreSQL 15+ server): `searchPeople` (the service the API
 * route calls: visibility, filters, capped ranking, total, facet counts and presenting) against a
 * raw SQL baseline that only finds the same page of rows (the visible rows matching the filters,
 * newest first or by rank; no total, no facets, no presenting), in the same run. Profiles are the
 * demo generator's (realistic mixes of languages, skills and visibility), 25,000 per demo
 * organisation, so a signed-in member shares an organisation with a quarter of everyone — the hard
 * case for the organisation-only rows. Each side runs one call at a time over a mix of queries, as
 * anonymous and as such a member; `breakdown` says where the service's time goes.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../src/core/policy/actor.js';
import type { Db } from '../src/db/database.js';
import { demoOrganisations, generateDemoPeople, searchPeople, type PeopleQuery } from '../src/features/people/index.js';
import { PeopleQuerySchema } from '../src/features/people/finder-schemas.js';
import { peopleConditions } from '../src/features/people/finder.js';
import { viewerScope } from '../src/features/people/viewer.js';
import { peopleVocabulary } from '../src/features/people/vocabulary.js';
import { prepareQuery, search } from '../src/platform/search/index.js';
import { FINDER_WINDOW, PEOPLE_FACETS } from '../src/features/people/finder.js';
import type { BenchContext, Benchmark } from './benchmark.js';
import { percentile, type Comparison } from './http.js';
import { compareInProcess } from './in-process.js';

const PROFILES = 100_000;
const SEED = 4242;
/** Calls per case and viewer when timing the phases apart (after the measured rounds). */
const BREAKDOWN_REPEATS = 5;

interface Case {
  readonly name: string;
  readonly query: Record<string, string>;
  /** The raw SQL finding the same page, given the viewer's visibility condition. */
  readonly raw: (visible: RawBuilder<unknown>) => RawBuilder<unknown>;
}

const newest = (visible: RawBuilder<unknown>, filter: RawBuilder<unknown>) =>
  sql`select id from profile_search where ${visible} and ${filter} order by listed_at desc, id desc limit 21`;

const CASES: readonly Case[] = [
  { name: 'browse', query: {}, raw: (v) => newest(v, sql`true`) },
  { name: 'digcomp area', query: { digcomp: '4' }, raw: (v) => newest(v, sql`digcomp && '{4}'::text[]`) },
  { name: 'language ≥ B2', query: { languages: 'fr:B2' }, raw: (v) => newest(v, sql`language_levels && '{fr>=B2}'::text[]`) },
  {
    name: 'LDC + topic',
    query: { country: 'LDC', topics: 'cybersecurity' },
    raw: (v) =>
      newest(
        v,
        sql`duty_station in (select c.iso3 from countries c join group_members g on g.m49 = c.m49 where g.group_code = 'LDC') and topics && '{cybersecurity}'::text[]`,
      ),
  },
  {
    name: 'availability',
    query: { availableFrom: '2027-03-01', availableTo: '2027-06-30', minShare: '50' },
    raw: (v) =>
      newest(
        v,
        sql`exists (select 1 from jsonb_to_recordset(availability) as a(share int, "from" date, "to" date)
                    where a.share >= 50 and a."from" <= '2027-03-01' and (a."to" is null or a."to" >= '2027-06-30'))`,
      ),
  },
  {
    name: 'text',
    query: { q: 'cybersecurity' },
    raw: (v) => sql`select id from profile_search where ${v} and search_vector @@ plainto_tsquery('dcp_en', 'cybersecurity')
      order by ts_rank(search_vector, plainto_tsquery('dcp_en', 'cybersecurity')) desc, id desc limit 21`,
  },
];

interface Viewer {
  readonly name: string;
  readonly actor: Actor;
  readonly visible: RawBuilder<unknown>;
}

async function viewers(db: Db): Promise<Viewer[]> {
  const orgs = await demoOrganisations(db);
  const member = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('organisation_id', '=', orgs['experts']!)
    .limit(1)
    .executeTakeFirstOrThrow();
  const org = orgs['experts']!;
  const same = sql`user_id in (select m.user_id from memberships m where m.organisation_id = ${org}::uuid)`;
  return [
    { name: 'anonymous', actor: { kind: 'anonymous' }, visible: sql`audience = 2` },
    {
      name: 'member',
      actor: {
        kind: 'user',
        userId: member.user_id,
        platformRole: null,
        memberships: [{ organisationId: org, role: 'member' }],
        via: { kind: 'session' },
      },
      visible: sql`((audience = 0 and (${same} or user_id = ${member.user_id}::uuid)) or (audience = 1 and not (${same} or user_id = ${member.user_id}::uuid)))`,
    },
  ];
}

type Call = () => Promise<unknown>;

/** One call of the list per run, in turn: every case and viewer weighs alike. */
function cycle(calls: readonly Call[]): Call {
  let next = 0;
  return () => calls[next++ % calls.length]!();
}

/** Mean and p95 (ms) of each phase of the service, per case and viewer: where the time goes. */
async function breakdown(db: Db, cases: readonly Case[], people: readonly Viewer[], repeat: number) {
  const vocab = await peopleVocabulary(db);
  const result: Record<string, Record<string, { mean: number; p95: number }>> = {};
  for (const viewer of people) {
    for (const c of cases) {
      const query: PeopleQuery = PeopleQuerySchema.parse(c.query);
      const scope = viewerScope(viewer.actor);
      const phases: Record<string, number[]> = { prepareQuery: [], search: [], whole: [] };
      for (let i = 0; i < repeat; i += 1) {
        let t = performance.now();
        const where = peopleConditions(query, vocab, scope);
        const prepared = query.q ? await prepareQuery(db, 'people-public', query.q) : undefined;
        phases['prepareQuery']!.push(performance.now() - t);
        const tsquery = prepared?.tsquery;
        const searchScope = { table: 'profile_search', where };
        t = performance.now();
        await search(
          db,
          searchScope,
          { tsquery, sort: tsquery ? 'relevance' : 'newest', limit: 20, cursor: undefined, facets: PEOPLE_FACETS },
          FINDER_WINDOW,
        );
        phases['search']!.push(performance.now() - t);
        t = performance.now();
        await searchPeople(db, viewer.actor, query);
        phases['whole']!.push(performance.now() - t);
      }
      result[`${viewer.name} · ${c.name}`] = Object.fromEntries(
        Object.entries(phases).map(([phase, times]) => {
          const sorted = Float64Array.from(times).toSorted();
          return [
            phase,
            {
              mean: Math.round((times.reduce((a, b) => a + b, 0) / times.length) * 10) / 10,
              p95: Math.round(percentile(sorted, 95) * 10) / 10,
            },
          ];
        }),
      );
    }
  }
  return result;
}

async function seed(db: Db, log: (m: string) => void): Promise<void> {
  const present = Number(
    (
      await db
        .selectFrom('profiles')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  if (present >= PROFILES) return;
  const started = performance.now();
  log(`generating ${PROFILES} demo profiles (seed ${SEED})…`);
  await generateDemoPeople(db, { people: PROFILES, seed: SEED, progress: (done) => done % 20_000 === 0 && log(`${done} profiles…`) });
  // Vacuumed as well as analysed, so autovacuum does not start on the new rows during the measured rounds.
  await sql`vacuum (analyze)`.execute(db);
  const rows = Number(
    (
      await db
        .selectFrom('profile_search')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  log(`${PROFILES} profiles, ${rows} finder rows in ${Math.round((performance.now() - started) / 1000)} s`);
}

/** The comparison, plus where the service's time goes per case (kept in results/latest.json). */
type PeopleComparison = Comparison & { readonly breakdown: Awaited<ReturnType<typeof breakdown>> };

async function measure(db: Db, ctx: Pick<BenchContext, 'durationSeconds' | 'log'>): Promise<PeopleComparison> {
  const engine = `PostgreSQL ${(await sql<{ server_version: string }>`show server_version`.execute(db)).rows[0]?.server_version.split(' ')[0] ?? '?'}`;
  await seed(db, ctx.log);
  const people = await viewers(db);
  const target: Call[] = [];
  const baseline: Call[] = [];
  for (const viewer of people) {
    for (const c of CASES) {
      const query = PeopleQuerySchema.parse(c.query);
      target.push(() => searchPeople(db, viewer.actor, query));
      baseline.push(() => c.raw(viewer.visible).execute(db));
    }
  }
  const sample = await searchPeople(db, people[0]!.actor, PeopleQuerySchema.parse({ digcomp: '4' }));
  // A full window ("at least FINDER_WINDOW") says the 100,000 profiles are there.
  if (sample.data.length < 20 || sample.total.exact || sample.total.value < FINDER_WINDOW)
    throw new Error(`the finder found ${sample.total.value} people for digcomp=4: is the demo data there?`);
  const comparison = await compareInProcess({
    target: { name: `searchPeople ×${target.length} queries (${engine})`, run: cycle(target) },
    baseline: { name: `raw SQL page ×${baseline.length} queries (${engine})`, run: cycle(baseline) },
    durationSeconds: ctx.durationSeconds,
    log: ctx.log,
  });
  ctx.log('breakdown per phase (ms) …');
  const phases = await breakdown(db, CASES, people, BREAKDOWN_REPEATS);
  for (const [name, p] of Object.entries(phases)) ctx.log(`${name}: ${JSON.stringify(p)}`);
  return {
    ...comparison,
    breakdown: phases,
  };
}

export const peopleFinder: Benchmark = {
  name: 'people-finder',
  description: `expert finder at ${PROFILES / 1000}k profiles: searchPeople (filters, visibility, facets, total) vs the raw SQL page`,
  run: (ctx) => measure(ctx.db, ctx),
};
