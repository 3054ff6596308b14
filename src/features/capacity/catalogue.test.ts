/**
 * The catalogue as a reader meets it: generated demo data plus a few hand-written offerings in
 * the six UN languages, searched in each language (the queries and what came first are printed),
 * with typos, without accents, across languages, by eligibility and by facet; then the demo data
 * taken out again.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomAddress } from '../../../test/support/auth.js';
import { testApp } from '../../../test/support/app.js';
import { seedOffering, seedOrganisation } from '../../../test/support/capacity.js';
import { forEachEngine } from '../../../test/support/engines.js';
import { search as searchTable } from '../../platform/search/index.js';
import {
  DEFAULT_SEED,
  DEMO_NOTICE,
  FIRST_START,
  fillPlannedDemo,
  generateDemoData,
  planDemoOnFirstStart,
  removeDemoData,
} from './index.js';

type Summary = {
  id: string;
  title: string;
  language: string;
  demo: boolean;
  notice: string | null;
  status: string;
  eligibleGroups: string[];
};
type Page = {
  data: Summary[];
  next: string | null;
  total: { value: number; exact: boolean };
  search: {
    corrections: { word: string; alsoSearched: string[] }[];
    ranked: number | null;
    capped: boolean;
    method: string;
    ignoredCommonWords: boolean;
  };
  facets: { counted: number; exact: boolean; values: Record<string, { value: string; count: number }[]> };
};

/** Hand-written offerings, published, each the one a query below should find first. */
const WRITTEN = {
  en: {
    title: 'National cybersecurity strategy workshop for ministries',
    summary: 'A three-day workshop to draft the national strategy.',
    language: 'en',
    topics: ['cybersecurity'],
    eligibleGroups: ['LDC'],
  },
  fr: {
    title: 'Stratégie nationale de cybersécurité : atelier pour les ministères',
    summary: 'Un atelier de trois jours pour rédiger la stratégie.',
    language: 'fr',
    languages: ['fr'],
    topics: ['cybersecurity'],
    eligibleGroups: ['011'],
  },
  es: {
    title: 'Ciberseguridad para gobiernos locales',
    summary: 'Proteger los servicios municipales en línea.',
    language: 'es',
    languages: ['es'],
    topics: ['cybersecurity'],
    eligibleGroups: ['419'],
  },
  ru: {
    title: 'Кибербезопасность критической информационной инфраструктуры',
    summary: 'Защита объектов критической инфраструктуры.',
    language: 'ru',
    languages: ['ru'],
    topics: ['cybersecurity'],
    eligibleGroups: ['151'],
  },
  ar: {
    title: 'الاستراتيجية الوطنية للأمن السيبراني للوزارات',
    summary: 'ورشة عمل لصياغة الاستراتيجية الوطنية.',
    language: 'ar',
    languages: ['ar'],
    topics: ['cybersecurity'],
    eligibleGroups: ['145'],
  },
  zh: {
    title: '国家网络安全战略培训班',
    summary: '为各部委举办的国家网络安全战略培训。',
    language: 'zh',
    languages: ['zh'],
    topics: ['cybersecurity'],
    eligibleGroups: ['WLD'],
  },
  niger: {
    title: 'Spectrum monitoring for the regulator of Niger',
    topics: ['spectrum-management'],
    eligibleCountries: ['NER'],
    eligibleGroups: [],
  },
  asia: { title: 'Spectrum pricing workshop for Asian regulators', topics: ['spectrum-management'], eligibleGroups: ['142'] },
  islands: { title: 'Spectrum planning for small island states', topics: ['spectrum-management'], eligibleGroups: ['SIDS'] },
} as const;

forEachEngine('catalogue search', (t) => {
  const app = () => testApp(t.db);
  const ids: Record<string, string> = {};
  const seen: string[] = [];
  const get = async (path: string) => {
    const res = await app().request(path, { headers: { 'X-Forwarded-For': randomAddress() } });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Page;
  };
  const search = (q: string, extra = '') => get(`/api/v1/offerings?q=${encodeURIComponent(q)}${extra}`);
  /** The id of the first result of `q`, noted for the printed search-quality table. */
  const firstOf = async (q: string) => {
    const page = await search(q);
    seen.push(`  ${q.padEnd(40)} → ${page.data[0]?.title ?? '(nothing)'} [${page.total.value} matches]`);
    return page.data[0]?.id;
  };

  beforeAll(async () => {
    await generateDemoData(t.db, FIRST_START);
    const provider = await seedOrganisation(t.db, 'Global Cyber Capacity Centre');
    for (const [key, overrides] of Object.entries(WRITTEN))
      ids[key] = await seedOffering(t.db, provider, { ...overrides, status: 'published' });
  });

  afterAll(() => {
    process.stdout.write(`[search quality] ${t.engine.name}\n${seen.join('\n')}\n`);
  });

  describe('demo data', () => {
    it('fills the catalogue with records labelled as generated, in the six UN languages', async () => {
      expect(await t.db.selectFrom('offerings').select('id').where('demo', '=', true).execute()).toHaveLength(FIRST_START.offerings);
      const page = await get('/api/v1/offerings?demo=only&limit=100');
      expect(page.total.value).toBeGreaterThan(200);
      expect(page.data.every((o) => o.demo && o.notice === DEMO_NOTICE)).toBe(true);
      expect(page.facets.values['languages']?.map((l) => l.value)).toEqual(expect.arrayContaining(['ar', 'zh', 'en', 'fr', 'ru', 'es']));
      const providers = await t.db.selectFrom('organisations').select('name').where('name', 'like', 'Demo · %').execute();
      expect(providers.length).toBeGreaterThan(6);
      expect(providers.every((p) => p.name.endsWith('(generated)'))).toBe(true);
    });

    it('adds nothing twice for the same seed; a start fills only the catalogue planned on the first start, once', async () => {
      expect(await generateDemoData(t.db, FIRST_START)).toMatchObject({ offerings: 0, needs: 0 });
      // An installation whose first start came before the clearinghouse (or a later start): nothing planned, nothing added.
      expect(await fillPlannedDemo(t.db)).toBeUndefined();
      await planDemoOnFirstStart(t.db);
      // Planned: the fill resumes where the generator stopped (here: everything is present already) and is marked done.
      expect(await fillPlannedDemo(t.db)).toEqual({ seed: DEFAULT_SEED, offerings: 0, needs: 0 });
      expect(await fillPlannedDemo(t.db)).toBeUndefined();
    });
  });

  describe('in six languages', () => {
    it('finds each language’s own offering first for a query in that language', async () => {
      expect(await firstOf('cybersecurity strategy ministries')).toBe(ids['en']);
      expect(await firstOf('stratégie cybersécurité ministères')).toBe(ids['fr']);
      expect(await firstOf('ciberseguridad gobiernos locales')).toBe(ids['es']);
      expect(await firstOf('кибербезопасность инфраструктуры')).toBe(ids['ru']);
      expect(await firstOf('الاستراتيجية الوطنية للأمن السيبراني')).toBe(ids['ar']);
      expect(await firstOf('网络安全战略培训')).toBe(ids['zh']);
    });

    it('ranks first, for a one-word query, an offering whose title is in the query’s language', async () => {
      const broad = {
        en: 'cybersecurity',
        fr: 'cybersécurité',
        es: 'ciberseguridad',
        ru: 'кибербезопасность',
        ar: 'الأمن السيبراني',
        zh: '网络安全',
      };
      for (const [language, q] of Object.entries(broad)) {
        const page = await search(q);
        seen.push(`  ${q.padEnd(40)} → ${page.data[0]?.title} (${page.data[0]?.language}) [${page.total.value} matches]`);
        expect(page.data[0]?.language, q).toBe(language);
        expect(page.total.value, q).toBeGreaterThan(10);
      }
    });

    it('stems: plural and inflected forms find the same offering', async () => {
      expect(await firstOf('ministry cybersecurity strategies')).toBe(ids['en']);
      expect(await firstOf('кибербезопасности инфраструктура')).toBe(ids['ru']);
    });

    it('finds 网络安全 inside 国家网络安全战略培训班 (Chinese has no spaces)', async () => {
      const page = await search('网络安全');
      expect(page.data.map((o) => o.id)).toContain(ids['zh']);
      seen.push(`  ${'网络安全'.padEnd(40)} → ${page.data[0]?.title} [${page.total.value} matches]`);
    });

    it('ignores accents: cybersecurite strategie finds the French offering', async () => {
      expect(await firstOf('cybersecurite strategie ministeres')).toBe(ids['fr']);
    });

    it('tolerates typos and says which words it also searched', async () => {
      expect(await firstOf('cybersecurty strategy ministries')).toBe(ids['en']);
      const page = await search('cybersecurty strategy ministries');
      expect(page.search.corrections).toEqual([{ word: 'cybersecurty', alsoSearched: expect.arrayContaining(['cybersecurity']) }]);
    });

    it('finds offerings written in other languages through their topics’ names in every language', async () => {
      const page = await search('网络安全', '&limit=100');
      const found = new Set(page.data.map((o) => o.id));
      for (const key of ['en', 'fr', 'es', 'ru', 'ar'] as const) expect(found.has(ids[key]!), key).toBe(true);
    });

    it('ignores a query of common words only, and says so', async () => {
      const page = await search('the and of');
      expect(page.search.ignoredCommonWords).toBe(true);
      expect(page.total.value).toBeGreaterThan(200);
    });
  });

  describe('filters and facets', () => {
    it('lists for Niger the offerings for Niger, the LDCs, Western Africa and the world — not Asia’s or the islands’', async () => {
      const page = await get('/api/v1/offerings?eligibleFor=NER&limit=100&q=spectrum');
      const found = new Set(page.data.map((o) => o.id));
      expect(found.has(ids['niger']!)).toBe(true);
      expect(found.has(ids['asia']!)).toBe(false);
      expect(found.has(ids['islands']!)).toBe(false);
      const cyber = new Set((await get('/api/v1/offerings?eligibleFor=NER&limit=100&q=cybersecurity')).data.map((o) => o.id));
      expect([ids['en'], ids['fr'], ids['zh']].every((id) => cyber.has(id!))).toBe(true);
      expect([ids['es'], ids['ru'], ids['ar']].some((id) => cyber.has(id!))).toBe(false);
    });

    it('counts each facet value over the matches, and a count agrees with the list filtered by that value', async () => {
      const all = await get('/api/v1/offerings?topics=cybersecurity&limit=1');
      expect(all.facets.exact).toBe(true);
      const fr = all.facets.values['languages']!.find((l) => l.value === 'fr')!;
      const filtered = await get('/api/v1/offerings?topics=cybersecurity&languages=fr&limit=1');
      expect(filtered.total).toEqual({ value: fr.count, exact: true });
      const kinds = all.facets.values['kind']!;
      expect(kinds.reduce((sum, k) => sum + k.count, 0)).toBe(all.total.value);
    });

    it('refuses an unknown facet value with 400 naming the parameter', async () => {
      const res = await app().request('/api/v1/offerings?topics=cybersecurity,cyber&modalities=telepathy', {
        headers: { 'X-Forwarded-For': randomAddress() },
      });
      expect(res.status).toBe(400);
      const problem = (await res.json()) as { fields: { field: string }[] };
      expect(problem.fields.map((f) => f.field)).toEqual(['query.topics.1', 'query.modalities.0']);
    });

    it('shows drafts and offerings in review to nobody but their provider and coordinators', async () => {
      const statuses = await get('/api/v1/offerings?status=draft,in-review&limit=100');
      expect(statuses.data).toEqual([]);
      const published = await get('/api/v1/offerings?demo=only&limit=100');
      expect(published.data.every((o) => o.status === 'published')).toBe(true);
    });
  });

  describe('pages and ranking', () => {
    it('pages by relevance and by date without repeats or gaps', async () => {
      for (const sort of ['relevance', 'newest']) {
        const collected: string[] = [];
        let cursor: string | null = null;
        let total = 0;
        do {
          const page: Page = await get(`/api/v1/offerings?q=spectrum&sort=${sort}&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
          collected.push(...page.data.map((o) => o.id));
          total = page.total.value;
          cursor = page.next;
        } while (cursor);
        expect(new Set(collected).size, sort).toBe(collected.length);
        expect(collected.length, sort).toBe(total);
      }
    });

    it('refuses a cursor of another sort order', async () => {
      const first = await get('/api/v1/offerings?q=spectrum&sort=newest&limit=2');
      const res = await app().request(`/api/v1/offerings?q=spectrum&sort=relevance&cursor=${first.next}`, {
        headers: { 'X-Forwarded-For': randomAddress() },
      });
      expect(res.status).toBe(400);
    });

    it('ranks, counts and facets only a capped window of the most recent matches, and says so', async () => {
      const result = await searchTable(
        t.db,
        { table: 'offerings', where: sql`status = 'published'` },
        {
          tsquery: "'spectrum'",
          sort: 'relevance',
          limit: 3,
          cursor: undefined,
          facets: [{ name: 'kind', value: sql.ref('kind'), array: false }],
        },
        10,
      );
      expect(result.ranking).toMatchObject({ capped: true, ranked: 10 });
      expect(result.ranking.method).toBe(
        'Ranked by relevance among the 10 most recently listed matches; there are more: add words or filters to rank the others.',
      );
      expect(result.total).toEqual({ value: 10, exact: false });
      expect(result.facets.exact).toBe(false);
      expect(result.facets.values['kind']!.reduce((sum, k) => sum + k.count, 0)).toBe(10);
      expect(result.ids).toHaveLength(3);
      const uncapped = await search('spectrum monitoring Niger');
      expect(uncapped.search.capped).toBe(false);
      expect(uncapped.search.method).toMatch(/^Ranked by relevance among all \d+ matches\.$/);
    });
  });

  describe('needs', () => {
    it('finds a country’s needs by its name in another language: 尼日尔 gives exactly the needs of Niger', async () => {
      const niger = await get('/api/v1/needs?country=NER&limit=100');
      expect(niger.total.value).toBeGreaterThan(0);
      const byChineseName = await get(`/api/v1/needs?q=${encodeURIComponent('尼日尔')}&limit=100`);
      expect(byChineseName.data.map((n) => n.id).toSorted()).toEqual(niger.data.map((n) => n.id).toSorted());
      const byEnglishName = new Set((await get('/api/v1/needs?q=Niger&limit=100')).data.map((n) => n.id));
      expect(niger.data.every((n) => byEnglishName.has(n.id))).toBe(true);
      seen.push(`  needs: ${'尼日尔'.padEnd(33)} → ${byChineseName.total.value} needs, all of Niger`);
    });
  });

  describe('removal', () => {
    it('takes every generated record and the demo organisations out, and leaves the rest', async () => {
      const removed = await removeDemoData(t.db);
      expect(removed.offerings).toBe(300);
      expect(removed.needs).toBe(100);
      const left = await get('/api/v1/offerings?limit=100');
      expect(left.data.every((o) => !o.demo)).toBe(true);
      expect(left.total.value).toBe(Object.keys(WRITTEN).length);
      expect(await t.db.selectFrom('organisations').select('id').where('name', 'like', 'Demo · %').execute()).toEqual([]);
    });
  });
});
