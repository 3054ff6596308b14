/**
 * Measured quality of matching on the judged set (test/fixtures/matching):
 * 67 hand-written needs, 820 generated offerings, grades 0–3 from a rubric
 * applied to every pair. The pool is loaded into a fresh database on each
 * engine and the engine's top 10 for every need is scored against the grades:
 *
 * - nDCG@10 (gain 2^grade − 1, log2 discount; needs with no relevant offering skipped),
 * - precision@5 (share of the first five graded 2 or 3),
 * - violation share (share of all top-10 results that break a hard rule of the rubric).
 *
 * Baselines on the same set: the catalogue's own search with the need's title
 * typed into the search box (every word must match, its relevance ranking),
 * and the catalogue's full-text ranking (ts_rank) over ANY of the need's
 * words, with no constraint and no vocabulary. Floors are set a little below
 * the measured values (README.md there has the figures).
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedOrganisation } from '../../../test/support/capacity.js';
import { forEachEngine } from '../../../test/support/engines.js';
import {
  countryFacts,
  readJudgments,
  readNeeds,
  readPool,
  REFERENCE_DATE,
  type JudgedNeed,
} from '../../../test/fixtures/matching/judged-set.js';
import { hardRules, judgeAll } from '../../../test/fixtures/matching/rubric.js';
import { loadConfig } from '../../config/config.js';
import { ANONYMOUS } from '../../core/policy/actor.js';
import { SYSTEM } from '../audit/index.js';
import { importNeeds, importOfferings, searchOfferings, type OfferingListQuery } from '../capacity/index.js';
import { anyWordQuery } from './candidate-repository.js';
import { reference } from './context.js';
import { presentNeedMatches } from './presenters.js';
import { matchesForNeed } from './need-matches.js';

const FLOORS = { ndcg: 0.9, precision: 0.45 } as const;

const dataDir = loadConfig({}).dataDir!;
const needs = readNeeds();
const pool = readPool();
const judgments = readJudgments();
const facts = countryFacts(dataDir);
const byId = new Map(pool.map((o) => [o.id, o]));

const gain = (g: number) => 2 ** g - 1;
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function ndcg(grades: Record<string, number>, ranked: readonly string[]): number | undefined {
  const dcg = ranked.slice(0, 10).reduce((sum, id, i) => sum + gain(grades[id] ?? 0) / Math.log2(i + 2), 0);
  const ideal = Object.values(grades)
    .toSorted((a, b) => b - a)
    .slice(0, 10)
    .reduce((sum, g, i) => sum + gain(g) / Math.log2(i + 2), 0);
  return ideal === 0 ? undefined : dcg / ideal;
}

const precisionAt5 = (grades: Record<string, number>, ranked: readonly string[]) =>
  ranked.slice(0, 5).filter((id) => (grades[id] ?? 0) >= 2).length / 5;

const breaksRule = (need: JudgedNeed, id: string) => {
  const offering = byId.get(id);
  return offering === undefined || hardRules(need, offering, facts.get(need.country)!, REFERENCE_DATE).length > 0;
};

/** The twelve pairs of one need from a poorly and a well-connected country (in that order in needs.json). */
function pairsOf(list: readonly JudgedNeed[]): Map<string, { poor: JudgedNeed; well: JudgedNeed }> {
  const pairs = new Map<string, { poor: JudgedNeed; well: JudgedNeed }>();
  for (const need of list) {
    const code = need.judging.pair;
    if (!code) continue;
    const seen = pairs.get(code);
    if (seen) pairs.set(code, { ...seen, well: need });
    else pairs.set(code, { poor: need, well: need });
  }
  return pairs;
}

interface Scores {
  ndcg: number;
  precision: number;
  violations: number;
  results: number;
  empty: number;
}

function score(rankings: ReadonlyMap<string, readonly string[]>): Scores {
  const ndcgs: number[] = [];
  const precisions: number[] = [];
  let violations = 0;
  let results = 0;
  let empty = 0;
  for (const need of needs) {
    const ranked = rankings.get(need.id) ?? [];
    const grades = judgments.grades[need.id]!;
    const n = ndcg(grades, ranked);
    if (n !== undefined) ndcgs.push(n);
    precisions.push(precisionAt5(grades, ranked));
    violations += ranked.slice(0, 10).filter((id) => breaksRule(need, id)).length;
    results += Math.min(10, ranked.length);
    if (ranked.length === 0) empty += 1;
  }
  return { ndcg: mean(ndcgs), precision: mean(precisions), violations: results === 0 ? 0 : violations / results, results, empty };
}

const line = (name: string, s: Scores) =>
  `${name.padEnd(44)} ${s.ndcg.toFixed(3)}    ${s.precision.toFixed(3)}      ${(s.violations * 100).toFixed(1).padStart(5)} %   ${String(s.results).padStart(4)}  ${s.empty}`;

const isLow = (o: string) => {
  const body = byId.get(o)!.body;
  return body['bandwidth'] === 'offline' || body['bandwidth'] === 'low' || body['modality'] === 'in-person';
};
const isHigh = (o: string) => byId.get(o)!.body['bandwidth'] === 'high';
/** Among offerings both lists hold, how often a low-connectivity format ranks above a high-bandwidth one. */
const lowAboveHigh = (list: readonly string[], common: ReadonlySet<string>) => {
  const kept = list.filter((o) => common.has(o));
  let n = 0;
  kept.forEach((o, i) => {
    if (isLow(o)) n += kept.slice(i + 1).filter(isHigh).length;
  });
  return n;
};

describe('the judged set', () => {
  it('holds at least 60 needs across languages and regions, 12 pairs and 500 offerings, all generated ones labelled', () => {
    expect(needs.length).toBeGreaterThanOrEqual(60);
    expect(new Set(needs.map((n) => n.language))).toEqual(new Set(['ar', 'zh', 'en', 'fr', 'ru', 'es']));
    expect(new Set(needs.map((n) => n.country)).size).toBeGreaterThanOrEqual(50);
    const pairs = pairsOf(needs);
    expect(pairs.size).toBe(12);
    for (const [pair, { poor, well }] of pairs) {
      expect(poor.id, pair).not.toBe(well.id);
      expect(facts.get(poor.country)!.connectivity, pair).not.toBe('good');
      expect(facts.get(well.country)!.connectivity, pair).toBe('good');
      expect({ ...poor, id: '', country: '' }, pair).toEqual({ ...well, id: '', country: '' });
    }
    expect(pool.length).toBeGreaterThanOrEqual(500);
    expect(pool.every((o) => String(o.body['description']).includes('Generated for the matching judged set'))).toBe(true);
  });

  it('has the grades the rubric gives (judgments.json is the rubric applied to every pair)', () => {
    expect(judgeAll(needs, pool, facts, REFERENCE_DATE)).toEqual(judgments.grades);
  });
});

forEachEngine('matching quality on the judged set', (t) => {
  const engine = new Map<string, string[]>();
  const catalogue = new Map<string, string[]>();
  const textOnly = new Map<string, string[]>();
  const lowNeeds = (id: string) => (engine.get(id) ?? []).filter(isLow).length;

  beforeAll(async () => {
    for (const key of [...new Set(pool.map((o) => o.provider))].toSorted()) {
      const organisation = await seedOrganisation(t.db, `Judged set · Provider ${key} (generated)`);
      const items = pool.filter((o) => o.provider === key).map((o) => ({ ...o.body, id: o.id, status: o.status }));
      await importOfferings(t.db, { actor: SYSTEM }, organisation, { name: `pool-${key}.json`, text: JSON.stringify(items) });
    }
    const requester = await seedOrganisation(t.db, 'Judged set · Requesters (generated)');
    const items = needs.map(({ judging: _judging, ...need }) => need);
    await importNeeds(t.db, { actor: SYSTEM }, requester, { name: 'needs.json', text: JSON.stringify(items) });
    for (const need of needs) {
      const matches = await matchesForNeed({ db: t.db }, ANONYMOUS, need.id, { limit: 10, today: REFERENCE_DATE });
      engine.set(
        need.id,
        matches.items.map((m) => m.record.id),
      );
      const query: OfferingListQuery = { q: need.title, limit: 10 };
      catalogue.set(
        need.id,
        (await searchOfferings(t.db, ANONYMOUS, query)).data.map((o) => o.id),
      );
      const text = [
        { text: need.title, language: need.language, weight: 'A' as const },
        { text: need.description, language: need.language, weight: 'B' as const },
      ];
      const { rows } = await sql<{ id: string }>`
        select id from offerings, (select ${anyWordQuery(text)} as q) as s
        where status = 'published' and search_vector @@ s.q
        order by ts_rank('{0.1, 0.2, 0.4, 1.0}'::float4[], search_vector, s.q, 1) desc, id limit 10`.execute(t.db);
      textOnly.set(
        need.id,
        rows.map((r) => r.id),
      );
    }
  }, 600_000);

  it('ranks better than text search alone and never shows what breaks a hard rule (nDCG@10, precision@5, violation share)', () => {
    const results = { engine: score(engine), catalogue: score(catalogue), textOnly: score(textOnly) };
    const ideal =
      needs.reduce((sum, n) => sum + Math.min(5, Object.values(judgments.grades[n.id]!).filter((g) => g >= 2).length) / 5, 0) /
      needs.length;
    process.stdout.write(
      [
        `[matching quality] ${t.engine.name}: ${needs.length} needs, ${pool.length} offerings, reference date ${REFERENCE_DATE}`,
        `${'ranking'.padEnd(44)} nDCG@10  precision@5  violations  results  needs with none`,
        line('matching engine', results.engine),
        line('baseline: catalogue search, q = need title', results.catalogue),
        line('baseline: full-text rank, any word of need', results.textOnly),
        `best possible precision@5 on this set: ${ideal.toFixed(3)}`,
        '',
      ].join('\n'),
    );
    expect(results.engine.violations).toBe(0);
    expect(results.engine.ndcg).toBeGreaterThanOrEqual(FLOORS.ndcg);
    expect(results.engine.precision).toBeGreaterThanOrEqual(FLOORS.precision);
    expect(results.engine.ndcg).toBeGreaterThan(results.catalogue.ndcg);
    expect(results.engine.ndcg).toBeGreaterThan(results.textOnly.ndcg);
    expect(results.engine.precision).toBeGreaterThan(results.textOnly.precision);
  });

  it('gives the same need different, connectivity-aware offers in a poorly and a well-connected country, naming the figure', async () => {
    const pairs = [...pairsOf(needs).values()];
    let poorShare = 0;
    let wellShare = 0;
    let different = 0;
    for (const { poor, well } of pairs) {
      const [poorList, wellList] = [engine.get(poor.id)!, engine.get(well.id)!];
      if (JSON.stringify(poorList) !== JSON.stringify(wellList)) different += 1;
      const [p, w] = [lowNeeds(poor.id) / Math.max(1, poorList.length), lowNeeds(well.id) / Math.max(1, wellList.length)];
      const common = new Set(poorList.filter((o) => wellList.includes(o)));
      expect(
        lowAboveHigh(poorList, common),
        `${poor.judging.pair}: a high-bandwidth offering overtook a low-connectivity one where connectivity is poor`,
      ).toBeGreaterThanOrEqual(lowAboveHigh(wellList, common));
      poorShare += p;
      wellShare += w;
      const highFirst = (list: readonly string[]) => list.filter((o) => common.has(o)).findIndex(isHigh);
      const [poorHigh, wellHigh] = [highFirst(poorList), highFirst(wellList)];
      expect(
        poorHigh === -1 || wellHigh === -1 || poorHigh >= wellHigh,
        `${poor.judging.pair}: a high-bandwidth offering ranks higher where connectivity is poor`,
      ).toBe(true);
    }
    process.stdout.write(
      `[matching quality] ${t.engine.name}: offline, low-bandwidth or in-person share of the top 10 — poorly connected ${(poorShare / pairs.length).toFixed(2)}, well connected ${(wellShare / pairs.length).toFixed(2)} (mean of ${pairs.length} pairs); ${different} of ${pairs.length} pairs got different top-10 lists\n`,
    );
    expect(poorShare).toBeGreaterThan(wellShare);
    expect(different).toBeGreaterThanOrEqual(9);

    const { poor, well } = pairsOf(needs).get('P02')!;
    const { labels } = await reference(t.db);
    const show = async (need: JudgedNeed) => {
      const page = presentNeedMatches(
        await matchesForNeed({ db: t.db }, ANONYMOUS, need.id, { limit: 5, today: REFERENCE_DATE }),
        'fr',
        labels,
      );
      return {
        page,
        lines: page.data.map(
          (m, i) =>
            `${i + 1}. ${m.score.toFixed(3)} ${m.offering.title} [${m.offering.modality}, ${m.offering.bandwidth ?? '—'}] — ${m.explanation.find((e) => e.component === 'connectivity')!.text}`,
        ),
      };
    };
    const [niger, france] = [await show(poor), await show(well)];
    process.stdout.write(
      [
        `[matching quality] ${t.engine.name}: « ${poor.title} » from ${poor.country}:`,
        ...niger.lines,
        `from ${well.country}:`,
        ...france.lines,
        '',
      ].join('\n'),
    );
    const figure = niger.page.need.connectivity.figure!;
    expect(niger.page.data[0]!.explanation.find((e) => e.component === 'connectivity')!.text).toContain(figure.text);
    expect(figure.text).toMatch(new RegExp(`\\(${figure.year}\\)$`));
    expect(france.page.data[0]!.explanation.find((e) => e.component === 'connectivity')!.text).toContain('convient à toutes les modalités');
  });
});
