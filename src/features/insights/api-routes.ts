/**
 * /api/v1/insights/…: the unmet-demand tables behind /insights, public, each
 * as JSON or (format=csv) a CSV download. One use case per route.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createRouter, type AppEnv, type Deps } from '../../http/app-env.js';
import { problemResponses } from '../../http/problem.js';
import { toCsv, type CsvRows } from './csv.js';
import {
  DemandTrendSchema,
  InsightsQuerySchema,
  SupplyGapsSchema,
  TimeToMatchSchema,
  UnfittedNeedsSchema,
  UnmetByLanguageSchema,
  UnmetDemandSchema,
} from './schemas.js';
import * as service from './service.js';

const tags = ['Capacity: insights'];

function route(path: string, summary: string, description: string, schema: z.ZodType) {
  return createRoute({
    method: 'get',
    path: `/insights/${path}`,
    tags,
    summary,
    description: `${description} Counts include generated demo records when \`demo\` is true. \`format=csv\` downloads the table.`,
    request: { query: InsightsQuerySchema },
    responses: {
      200: {
        description: summary,
        content: { 'application/json': { schema }, 'text/csv': { schema: z.string() } },
      },
      ...problemResponses(400),
    },
  });
}

const unmet = route(
  'unmet-demand',
  'Open and closed-unmet needs by topic and region',
  'One row per topic and M49 region of the need’s country.',
  UnmetDemandSchema,
);
const byLanguage = route(
  'unmet-by-language',
  'Open and closed-unmet needs by topic and language',
  'One row per topic and language the need accepts; a need naming two topics and two languages counts in four rows.',
  UnmetByLanguageSchema,
);
const trend = route(
  'trend',
  'Needs posted per month, and how many are still open or closed unmet',
  'The last 24 months (UTC), every month listed.',
  DemandTrendSchema,
);
const gaps = route(
  'supply-gaps',
  'Where supply is thin: open needs per published offering, by topic and by language',
  'Never offered first (needsPerOffering null), then the most needs per offering.',
  SupplyGapsSchema,
);
const unfitted = route(
  'unfitted-needs',
  'Open needs no published offering fits, and the constraint that excluded them',
  'The 500 most recent open needs, each taken through topic → language → eligibility → dates; the first step no offering passes is named. Public needs are listed by title.',
  UnfittedNeedsSchema,
);
const time = route(
  'time-to-match',
  'Days from posting a need to its first accepted match',
  'Median per M49 region and overall.',
  TimeToMatchSchema,
);

function answer<T extends object>(c: Context<AppEnv>, format: 'json' | 'csv', json: T, csv: () => CsvRows, name: string) {
  if (format === 'csv') {
    return c.body(toCsv(csv()), 200, {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': `attachment; filename="${name}.csv"`,
    });
  }
  return c.json(json, 200);
}

export function insightsApi({ db }: Deps) {
  return createRouter()
    .openapi(unmet, async (c) => {
      const [data, demo] = await Promise.all([service.unmetDemand(db), service.includesDemo(db)]);
      return answer(
        c,
        c.req.valid('query').format,
        { data, demo },
        () => [['topic', 'region', 'open', 'unmet'], ...data.map((r) => [r.topic, r.region ?? '', r.open, r.unmet])],
        'unmet-demand',
      );
    })
    .openapi(byLanguage, async (c) => {
      const [data, demo] = await Promise.all([service.unmetByLanguage(db), service.includesDemo(db)]);
      return answer(
        c,
        c.req.valid('query').format,
        { data, demo },
        () => [['topic', 'language', 'open', 'unmet'], ...data.map((r) => [r.topic, r.language, r.open, r.unmet])],
        'unmet-by-language',
      );
    })
    .openapi(trend, async (c) => {
      const [data, demo] = await Promise.all([service.demandTrend(db), service.includesDemo(db)]);
      return answer(
        c,
        c.req.valid('query').format,
        { data, demo },
        () => [['month', 'posted', 'open', 'unmet'], ...data.map((r) => [r.month, r.posted, r.open, r.unmet])],
        'needs-by-month',
      );
    })
    .openapi(gaps, async (c) => {
      const [data, demo] = await Promise.all([service.supplyGaps(db), service.includesDemo(db)]);
      const rows = (kind: string, list: typeof data.topics) =>
        list.map((r) => [kind, r.code, r.needs, r.offerings, r.needsPerOffering ?? '']);
      return answer(
        c,
        c.req.valid('query').format,
        { ...data, demo },
        () => [
          ['kind', 'code', 'open_needs', 'offerings', 'needs_per_offering'],
          ...rows('topic', data.topics),
          ...rows('language', data.languages),
        ],
        'supply-gaps',
      );
    })
    .openapi(unfitted, async (c) => {
      const [found, demo] = await Promise.all([service.unfittedNeeds(db), service.includesDemo(db)]);
      const { needs, ...counts } = found;
      return answer(
        c,
        c.req.valid('query').format,
        { ...counts, data: [...needs], demo },
        () => [['id', 'title', 'country', 'language', 'excluded_by'], ...needs.map((n) => [n.id, n.title, n.country, n.language, n.step])],
        'unfitted-needs',
      );
    })
    .openapi(time, async (c) => {
      const [found, demo] = await Promise.all([service.timeToMatch(db), service.includesDemo(db)]);
      return answer(
        c,
        c.req.valid('query').format,
        { overall: { needs: found.overall.needs, medianDays: found.overall.medianDays }, data: found.regions, demo },
        () => [
          ['region', 'needs', 'median_days'],
          ['', found.overall.needs, found.overall.medianDays ?? ''],
          ...found.regions.map((r) => [r.region ?? '', r.needs, r.medianDays ?? '']),
        ],
        'time-to-match',
      );
    });
}
