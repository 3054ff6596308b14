/**
 * Catalogue search at 100,000 offerings, on each engine of the run (bench/run.ts measures the
 * embedded PostgreSQL 18, then a PostgreSQL 15+ server). Each engine is loaded once with 100,000 generated
 * offerings — the same generator and write path as `dcp demo generate` — then four kinds of query
 * are measured as the app runs them (searchOfferings: typo lookup, tsquery, capped ranking, facet
 * counts, one page of 20 presented) against the raw SQL a hand-written search would send for the
 * same page (no facets, ranking every match). One call at a time, in this process.
 *
 * After each measurement the app's queries are run once more under EXPLAIN (ANALYZE, BUFFERS) and
 * their plans' top lines logged and kept in results/latest.json, and `breakdown` times each phase
 * of searchOfferings apart (vocabulary check, text query preparation, the search statement, the
 * page's rows), with the number of statements one call sends and the time of a bare `select 1`
 * round trip at that moment: where the time goes, inside and outside PostgreSQL.
 */
import { CompiledQuery, sql, type KyselyPlugin, type RootOperationNode } from 'kysely';
import { ANONYMOUS } from '../src/core/policy/actor.js';
import type { Db } from '../src/db/database.js';
import {
  generateDemoData,
  OFFERING_FACETS,
  offeringConditions,
  offeringsByIds,
  presentOfferingSummary,
  searchOfferings,
  vocabulary,
  type OfferingListQuery,
} from '../src/features/capacity/index.js';
import { CORPUS } from '../src/features/capacity/offering-writes.js';
import { prepareQuery, search } from '../src/platform/search/index.js';
import type { Benchmark, BenchContext } from './benchmark.js';
import { percentile } from './http.js';
import { compareInProcess } from './in-process.js';

const OFFERINGS = 100_000;
const SEED = 2030;

interface QueryClass {
  readonly name: 'selective' | 'broad' | 'faceted' | 'chinese';
  readonly query: Partial<OfferingListQuery>;
  /** The page a hand-written search would fetch: every match ranked, no facets. */
  readonly baseline: (db: Db) => Promise<unknown>;
}

const page = (rows: unknown) => rows;
const CLASSES: readonly QueryClass[] = [
  {
    name: 'selective',
    query: { q: 'spectrum Niger' },
    baseline: async (db) =>
      page(
        await sql`select id, title from offerings, websearch_to_tsquery('dcp_en', 'spectrum Niger') q
          where status = 'published' and search_vector @@ q order by ts_rank(search_vector, q) desc limit 20`.execute(db),
      ),
  },
  {
    name: 'broad',
    query: { q: 'digital skills' },
    baseline: async (db) =>
      page(
        await sql`select id, title from offerings, websearch_to_tsquery('dcp_en', 'digital skills') q
          where status = 'published' and search_vector @@ q order by ts_rank(search_vector, q) desc limit 20`.execute(db),
      ),
  },
  {
    name: 'faceted',
    query: { topics: ['cybersecurity'], languages: ['fr'], eligibleFor: 'NER', modalities: ['blended', 'in-person'] },
    baseline: async (db) =>
      page(
        await sql`select id, title from offerings
          where status = 'published' and topics && '{cybersecurity}' and languages && '{fr}' and modality in ('blended', 'in-person')
            and (eligible_countries && '{NER}' or eligible_groups && '{WLD,002,202,011,LDC,LLDC,LIC}')
          order by listed_at desc, id desc limit 20`.execute(db),
      ),
  },
  {
    name: 'chinese',
    query: { q: '网络安全' },
    baseline: async (db) =>
      page(
        await sql`select id, title from offerings, plainto_tsquery('simple', '网络 络安 安全') q
          where status = 'published' and search_vector @@ q order by ts_rank(search_vector, q) desc limit 20`.execute(db),
      ),
  },
];

const datasets = new WeakMap<Db, Promise<Db>>();

/** The run's database with the 100,000 offerings, loaded on first use (once per engine of the run). */
function dataset(ctx: BenchContext): Promise<Db> {
  let ready = datasets.get(ctx.db);
  if (!ready) datasets.set(ctx.db, (ready = load(ctx)));
  return ready;
}

async function load(ctx: BenchContext): Promise<Db> {
  const { db } = ctx;
  const started = performance.now();
  ctx.log(`generating ${OFFERINGS} offerings (dcp demo generate's path; a few minutes on 2 cores)`);
  const summary = await generateDemoData(db, { offerings: OFFERINGS, needs: 0, seed: SEED });
  // As autovacuum leaves a table after a bulk load: statistics gathered, GIN pending lists merged.
  await sql`vacuum analyze offerings`.execute(db);
  ctx.log(`${summary.offerings} offerings loaded in ${Math.round((performance.now() - started) / 1000)} s`);
  return db;
}

/** Records every query the app sends, to EXPLAIN them afterwards. */
class Recorder implements KyselyPlugin {
  readonly nodes: RootOperationNode[] = [];
  transformQuery({ node }: { node: RootOperationNode }): RootOperationNode {
    this.nodes.push(node);
    return node;
  }
  async transformResult<T>({ result }: { result: T }): Promise<T> {
    return result;
  }
}

/** The app's queries for `query` under EXPLAIN ANALYZE, slowest first: plan lines with actual times. */
async function explain(db: Db, query: OfferingListQuery): Promise<string[]> {
  const recorder = new Recorder();
  const traced = db.withPlugin(recorder);
  // The first call on a new handle fills its caches (vocabulary); explain the second, as requests see it.
  await searchOfferings(traced, ANONYMOUS, query);
  recorder.nodes.length = 0;
  await searchOfferings(traced, ANONYMOUS, query);
  const plans: { ms: number; lines: string[] }[] = [];
  for (const node of recorder.nodes) {
    const compiled = traced.getExecutor().compileQuery(node, { queryId: 'bench-explain' } as never);
    const result = await db.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`explain (analyze, buffers, costs off) ${compiled.sql}`, [...compiled.parameters]),
    );
    const lines = result.rows.map((r) => r['QUERY PLAN']);
    const ms = Number(/Execution Time: ([\d.]+)/.exec(lines.at(-1) ?? '')?.[1] ?? 0);
    const what = compiled.sql.replace(/\s+/g, ' ').slice(0, 90);
    plans.push({
      ms,
      lines: [`${ms.toFixed(2)} ms — ${what}…`, ...lines.filter((l) => /actual time|Rows Removed|Heap Blocks/.test(l)).slice(0, 8)],
    });
  }
  return plans.toSorted((a, b) => b.ms - a.ms).flatMap((p) => p.lines);
}

/** Calls per class when timing the phases apart (after the measured rounds). */
const BREAKDOWN_REPEATS = 30;

/** Mean and p95 (ms) of each phase of searchOfferings, the statements per call, and a bare round trip. */
async function breakdown(db: Db, query: OfferingListQuery) {
  const phases: Record<string, number[]> = { roundTrip: [], vocabulary: [], prepareQuery: [], search: [], rows: [], whole: [] };
  const recorder = new Recorder();
  const traced = db.withPlugin(recorder);
  await searchOfferings(traced, ANONYMOUS, query);
  recorder.nodes.length = 0;
  await searchOfferings(traced, ANONYMOUS, query);
  const statements = recorder.nodes.length;
  const time = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    phases[phase]!.push(performance.now() - started);
    return result;
  };
  for (let i = 0; i < BREAKDOWN_REPEATS; i += 1) {
    await time('roundTrip', () => sql`select 1`.execute(db));
    const vocab = await time('vocabulary', () => vocabulary(db));
    const where = offeringConditions(ANONYMOUS, query, vocab);
    const prepared = await time('prepareQuery', async () => (query.q ? await prepareQuery(db, CORPUS, query.q) : undefined));
    const tsquery = prepared?.tsquery;
    const hits = await time('search', () =>
      search(
        db,
        { table: 'offerings', where },
        { tsquery, sort: tsquery ? 'relevance' : 'newest', limit: query.limit, cursor: undefined, facets: OFFERING_FACETS },
      ),
    );
    await time('rows', async () => (await offeringsByIds(db, hits.ids)).map(presentOfferingSummary));
    await time('whole', () => searchOfferings(db, ANONYMOUS, query));
  }
  const summary = Object.fromEntries(
    Object.entries(phases).map(([phase, times]) => {
      const sorted = Float64Array.from(times).toSorted();
      const mean = times.reduce((a, b) => a + b, 0) / times.length;
      return [phase, { mean: Math.round(mean * 100) / 100, p95: Math.round(percentile(sorted, 95) * 100) / 100 }];
    }),
  );
  return { statements, phases: summary };
}

function benchmark(kind: QueryClass): Benchmark {
  const query = { limit: 20, ...kind.query } as OfferingListQuery;
  return {
    name: `catalogue-search-${kind.name}`,
    description: `searchOfferings(${JSON.stringify(kind.query)}) at ${OFFERINGS / 1000}k offerings vs the raw SQL of the same page`,
    async run(ctx) {
      const db = await dataset(ctx);
      const first = await searchOfferings(db, ANONYMOUS, query);
      ctx.log(`${first.total.exact ? '' : 'at least '}${first.total.value} matches; ${first.search.method}`);
      if (first.data.length === 0) throw new Error(`${kind.name} found nothing: the data set is not what the benchmark expects`);
      const result = await compareInProcess({
        target: { name: `searchOfferings ${kind.name}`, run: () => searchOfferings(db, ANONYMOUS, query) },
        baseline: { name: `raw SQL ${kind.name}`, run: () => kind.baseline(db) },
        durationSeconds: ctx.durationSeconds,
        log: ctx.log,
      });
      const plans = await explain(db, query);
      for (const line of plans) ctx.log(`explain: ${line}`);
      const phases = await breakdown(db, query);
      ctx.log(
        `breakdown: ${phases.statements} statements per call; ` +
          Object.entries(phases.phases)
            .map(([phase, { mean, p95 }]) => `${phase} ${mean} ms (p95 ${p95})`)
            .join(', '),
      );
      return Object.assign(result, { matches: first.total, ranking: first.search.method, explain: plans, breakdown: phases });
    },
  };
}

/** Every class of query; the run measures each on both engines. */
export const catalogueSearch: readonly Benchmark[] = CLASSES.map(benchmark);
