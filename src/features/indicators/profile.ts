/**
 * A country's connectivity profile, computed from its series and its peers' values: per
 * indicator the latest value with its source and vintage, the recent trend (fitTrend), the ITU
 * band or target status, the 2030 projection, on track or not, years to target, gap, and the
 * rank within its region and groups in its latest year. Pure: the service loads the inputs.
 */
import {
  assessAgainstTarget, fitTrend, rankAmongPeers, targetOutlook, targetStatus,
  DEFAULT_TREND_MIN_POINTS, DEFAULT_TREND_POINTS, DEFAULT_TREND_SPAN_YEARS,
  type IndicatorDefinition,
} from '../../core/indicators/index.js';
import type { SeriesPoint } from './repository.js';
import type { ProfileIndicator } from './schemas.js';

export const TREND_MODEL =
  `ordinary least squares over the latest ${DEFAULT_TREND_POINTS} reported years within ${DEFAULT_TREND_SPAN_YEARS} years `
  + `(at least ${DEFAULT_TREND_MIN_POINTS}), projected linearly and clamped to the indicator's natural bounds`;

export interface RankGroup {
  readonly code: string;
  readonly kind: string;
  readonly members: readonly string[];
}

export interface ProfileInputs {
  readonly m49: string;
  readonly catalogue: readonly IndicatorDefinition[];
  /** The country's total observations, any order. */
  readonly series: readonly SeriesPoint[];
  /** Region and groups to rank in, with their members. */
  readonly rankGroups: readonly RankGroup[];
  /** indicator → year → m49 → value, for the peers in the country's latest year per indicator. */
  readonly peerValues: ReadonlyMap<string, ReadonlyMap<number, ReadonlyMap<string, number>>>;
}

/** The (indicator, year) pairs whose peer values the ranks need. */
export function latestYears(series: readonly SeriesPoint[]): { indicator: string; year: number }[] {
  const latest = new Map<string, number>();
  for (const p of series) latest.set(p.indicator_code, Math.max(latest.get(p.indicator_code) ?? p.year, p.year));
  return [...latest].map(([indicator, year]) => ({ indicator, year }));
}

/**
 * @example computeProfile({ m49: '404', catalogue: INDICATOR_CATALOGUE, series, rankGroups, peerValues })
 * // [{ code: 'internet-use', latest: { year: 2024, value: 34.98, … }, band: 'limited', ranks: [{ group: '002', label: '…' }], … }, …]
 */
export function computeProfile(inputs: ProfileInputs): ProfileIndicator[] {
  const byIndicator = new Map<string, SeriesPoint[]>();
  for (const p of inputs.series) byIndicator.set(p.indicator_code, [...(byIndicator.get(p.indicator_code) ?? []), p]);
  return inputs.catalogue.map((indicator) => {
    const points = (byIndicator.get(indicator.code) ?? []).toSorted((a, b) => a.year - b.year);
    const latest = points.at(-1) ?? null;
    const trend = fitTrend(points.map((p) => ({ year: p.year, value: p.value })), { bounds: indicator.bounds });
    const target = indicator.target;
    const assessment = latest && target ? assessAgainstTarget(latest.value, target) : null;
    const status = latest && target ? targetStatus(latest.value, target) : null;
    const outlook = trend && target ? targetOutlook(trend, target) : null;
    const direction = indicator.direction;
    const ranks = latest && direction
      ? inputs.rankGroups.flatMap((group) => {
        const inYear = inputs.peerValues.get(indicator.code)?.get(latest.year);
        const values = new Map(group.members.map((m49) => [m49, inYear?.get(m49) ?? null]));
        const rank = rankAmongPeers(inputs.m49, values, direction);
        return rank ? [{ group: group.code, kind: group.kind, year: latest.year, rank: rank.rank, of: rank.of, tied: rank.tiedWith > 1, label: rank.label }] : [];
      })
      : [];
    return {
      code: indicator.code,
      names: indicator.name,
      unit: indicator.unit,
      decimals: indicator.decimals,
      direction,
      latest: latest ? { year: latest.year, value: latest.value, source: latest.source, vintage: latest.vintage, estimate: latest.estimate } : null,
      trend: trend ? { slope: trend.slope, yearsUsed: [...trend.yearsUsed], model: TREND_MODEL } : null,
      target,
      targetReference: indicator.targetReference,
      band: assessment?.kind === 'band' ? assessment.band : null,
      targetMet: status?.met ?? null,
      gap: status?.gap ?? null,
      projected2030: trend?.projected ?? null,
      onTrack: outlook?.onTrack ?? null,
      yearsToTarget: outlook ? outlook.yearsToTarget : null,
      ranks,
      licence: indicator.source.licence,
    };
  });
}
