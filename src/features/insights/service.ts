/**
 * Unmet-demand insights for coordinators and the public: open and closed-unmet
 * needs by topic × region, by topic × language and by month (split by status), where supply is thin (topics and
 * languages), open needs no published offering fits and the constraint that
 * excluded them, and the time to a need's first accepted match. Counts only;
 * titles only of public needs. The method is in src/core/insights/demand.ts.
 */
import { FUNNEL, firstFailingStep, median, thinnest, type FunnelStep, type Thinness } from '../../core/insights/demand.js';
import type { Db } from '../../db/database.js';
import { vocabulary } from '../capacity/index.js';
import * as repo from './repository.js';

/** Open needs examined by the funnel, most recent first. */
export const FUNNEL_CAP = 500;
/** Public needs listed by name among those without a fitting offering. */
export const UNFITTED_LISTED = 50;
/** Months of the trend. */
export const TREND_MONTHS = 24;

export interface UnmetCell {
  readonly topic: string;
  readonly region: string | null;
  readonly open: number;
  readonly unmet: number;
}

export interface MonthCount {
  readonly month: string;
  readonly posted: number;
  readonly open: number;
  readonly unmet: number;
}

export interface Unfitted {
  readonly examined: number;
  readonly cap: number;
  readonly withoutFit: number;
  readonly byStep: Readonly<Record<FunnelStep, number>>;
  readonly needs: readonly { id: string; title: string; country: string; language: string; step: FunnelStep }[];
}

export interface TimeToMatch {
  readonly region: string | null;
  readonly needs: number;
  readonly medianDays: number | null;
}

export async function unmetDemand(db: Db): Promise<UnmetCell[]> {
  return repo.unmetByTopicAndRegion(db);
}

export interface UnmetLanguageCell {
  readonly topic: string;
  readonly language: string;
  readonly open: number;
  readonly unmet: number;
}

/** Open and closed-unmet needs by topic × a language they accept. */
export async function unmetByLanguage(db: Db): Promise<UnmetLanguageCell[]> {
  return repo.unmetByTopicAndLanguage(db);
}

export async function demandTrend(db: Db): Promise<MonthCount[]> {
  const rows = new Map((await repo.needsByMonth(db, TREND_MONTHS)).map((r) => [r.month, r]));
  // Every month of the window, with zeros where nothing was posted (a chart and CSV without gaps).
  const now = new Date();
  return Array.from({ length: TREND_MONTHS }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (TREND_MONTHS - 1 - i), 1));
    const month = d.toISOString().slice(0, 7);
    return rows.get(month) ?? { month, posted: 0, open: 0, unmet: 0 };
  });
}

export async function supplyGaps(db: Db): Promise<{ topics: Thinness[]; languages: Thinness[] }> {
  const [topics, languages] = await Promise.all([repo.supplyAndDemandByTopic(db), repo.supplyAndDemandByLanguage(db)]);
  return { topics: thinnest(topics), languages: thinnest(languages) };
}

export async function unfittedNeeds(db: Db): Promise<Unfitted> {
  const vocab = await vocabulary(db);
  const groups = new Map([...vocab.countries].map(([iso3, facts]) => [iso3, [iso3, ...facts.groups]] as const));
  const rows = await repo.openNeedFunnel(db, groups, FUNNEL_CAP);
  const judged = rows.map((r) => ({
    row: r,
    step: firstFailingStep({ topic: r.topic, language: r.language_fit, eligibility: r.eligibility, dates: r.dates }),
  }));
  const without = judged.filter((j): j is { row: repo.FunnelRow; step: FunnelStep } => j.step !== null);
  const byStep = Object.fromEntries(FUNNEL.map((step) => [step, without.filter((j) => j.step === step).length])) as Record<
    FunnelStep,
    number
  >;
  return {
    examined: rows.length,
    cap: FUNNEL_CAP,
    withoutFit: without.length,
    byStep,
    needs: without
      .filter((j) => j.row.visibility === 'public')
      .slice(0, UNFITTED_LISTED)
      .map(({ row, step }) => ({ id: row.id, title: row.title, country: row.country_iso3, language: row.language, step })),
  };
}

const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

export async function timeToMatch(db: Db): Promise<{ overall: TimeToMatch; regions: TimeToMatch[] }> {
  const rows = await repo.daysToFirstAcceptance(db);
  const byRegion = new Map<string | null, number[]>();
  for (const r of rows) byRegion.set(r.region, [...(byRegion.get(r.region) ?? []), r.days]);
  return {
    overall: { region: null, needs: rows.length, medianDays: round(median(rows.map((r) => r.days))) },
    regions: [...byRegion]
      .map(([region, days]) => ({ region, needs: days.length, medianDays: round(median(days)) }))
      .toSorted((a, b) => (a.region ?? '').localeCompare(b.region ?? '')),
  };
}

/** Whether generated demo needs are among those counted. */
export const includesDemo = (db: Db) => repo.demoNeedsCounted(db);
