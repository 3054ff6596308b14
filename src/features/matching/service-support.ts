/**
 * What the matching use cases share: their options and result shapes, the
 * candidate cap, and small helpers (the stopwatch the benchmark reads, the
 * vocabulary links of a subject, the candidate counts a response reports).
 */
import { demandTerms, linkedTerms, type CountryContext, type Exclusion, type Match } from '../../core/matching/index.js';
import type { Db } from '../../db/database.js';
import type { Links } from './candidate-repository.js';
import type { MatchHistory } from './history.js';

/** Most candidates read and scored per request. */
export const CANDIDATE_CAP = 500;
/**
 * Links at least this strong are "close" (the same term, a competence and its area, an ESCO
 * skill and its descriptor or broader skill): the database looks for close candidates first.
 */
export const CLOSE_LINK = 0.56;
/** Most excluded candidates listed with `explain=excluded`. */
export const EXCLUDED_SHOWN = 50;

export interface MatchingDeps {
  readonly db: Db;
  readonly history?: MatchHistory;
}

/** What a request spends its time on: reading the subject and its context, the candidate query, scoring, reading the records shown. */
export type Stage = 'context' | 'candidates' | 'score' | 'records';

export interface MatchOptions {
  /** Matches returned, best first (1–50). */
  readonly limit: number;
  /** Also list the candidates a hard constraint excludes, with the constraints. */
  readonly explainExcluded?: boolean;
  /** The date matching happens on (YYYY-MM-DD); default today (UTC). */
  readonly today?: string;
  /** Called with the time each stage took (benchmarks). */
  readonly observe?: (stage: Stage, ms: number) => void;
}

export interface Candidates {
  /** Candidates read and scored. */
  readonly considered: number;
  /** Candidates linked to the subject by vocabulary (and, unless explaining, within the constraints SQL can check). */
  readonly linked: number;
  /** close: only closely linked candidates were looked for (there were enough); all: every link counted. */
  readonly links: 'close' | 'all';
  readonly cap: number;
  readonly capped: boolean;
  /** False when the constraints were left to the engine to list what they exclude. */
  readonly constraintsInQuery: boolean;
}

export interface Ranked<T> {
  readonly record: T;
  readonly match: Match;
}

export interface Excluded<T> {
  readonly record: T;
  readonly exclusion: Exclusion;
}

export const todayUtc = () => new Date().toISOString().slice(0, 10);

export function stopwatch(observe: MatchOptions['observe']) {
  let last = performance.now();
  return (stage: Stage) => {
    const now = performance.now();
    observe?.(stage, now - last);
    last = now;
  };
}

export function linksOf(
  taxonomy: Parameters<typeof demandTerms>[0],
  terms: { topics: readonly string[]; digcomp: readonly string[]; esco: readonly string[] },
): Links {
  const prepared = demandTerms(taxonomy, terms);
  return {
    topics: terms.topics,
    digcomp: terms.digcomp,
    esco: terms.esco,
    close: linkedTerms(prepared, CLOSE_LINK),
    linked: linkedTerms(prepared),
  };
}

export function unknownCountry(iso3: string): CountryContext {
  return { iso3, groups: ['WLD'], connectivity: { internetUse: null, coverage4g: null, broadbandPrice: null, gniPerCapita: null } };
}

export function candidatesOf(found: { rows: readonly { linked: number }[]; links: 'close' | 'all' }, explain: boolean): Candidates {
  const linked = found.rows[0]?.linked ?? 0;
  return {
    considered: found.rows.length,
    linked,
    links: found.links,
    cap: CANDIDATE_CAP,
    capped: linked > found.rows.length,
    constraintsInQuery: !explain,
  };
}

/** Records by id in the ranking's order; a record gone meanwhile (deleted, unpublished) is dropped. */
export function attach<R extends { id: string }, T extends { id: string }>(items: readonly R[], records: ReadonlyMap<string, T>) {
  return items.flatMap((item) => {
    const record = records.get(item.id);
    return record ? [{ record, item }] : [];
  });
}
