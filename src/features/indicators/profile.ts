/**
 * A country's connectivity profile, computed from its series and its peers' values: per
 * indicator the latest value with its source and vintage, the recent trend (fitTrend), the ITU
 * band or target status, the 2030 projection, on track or not, years to target, gap, and the
 * rank within its region and groups (rankInWindow: each peer's latest value within the three
 * years ending at the country's latest year). Pure: the service loads the inputs.
 *
 * A group's profile (computeGroupProfile) is the same outlook on the group's computed aggregate
 * series, with the coverage and method of the latest aggregate and the source's own published
 * figure for that year beside it.
 */
import {
  assessAgainstTarget,
  fitTrend,
  rankInWindow,
  rankWindow,
  targetOutlook,
  targetStatus,
  DEFAULT_TREND_MIN_POINTS,
  DEFAULT_TREND_POINTS,
  DEFAULT_TREND_SPAN_YEARS,
  type IndicatorDefinition,
  type YearValue,
} from '../../core/indicators/index.js';
import type { AggregateListRow, SeriesPoint } from './repository.js';
import type { GroupProfileIndicator, ProfileIndicator } from './schemas.js';

export const TREND_MODEL =
  `ordinary least squares over the latest ${DEFAULT_TREND_POINTS} reported years within ${DEFAULT_TREND_SPAN_YEARS} years ` +
  `(at least ${DEFAULT_TREND_MIN_POINTS}), projected linearly and clamped to the indicator's natural bounds`;

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
  /** indicator → m49 → the peer's values within the indicator's rank window (see rankWindows). */
  readonly peerValues: ReadonlyMap<string, ReadonlyMap<string, readonly YearValue[]>>;
}

/**
 * Per ranked indicator (one with a direction) the years whose peer values the ranks need:
 * the window ending at the country's latest year.
 * @example rankWindows(series, catalogue) // [{ indicator: 'internet-use', from: 2022, to: 2024 }, …]
 */
export function rankWindows(
  series: readonly SeriesPoint[],
  catalogue: readonly IndicatorDefinition[],
): { indicator: string; from: number; to: number }[] {
  const ranked = new Set(catalogue.filter((d) => d.direction !== null).map((d) => d.code));
  const latest = new Map<string, number>();
  for (const p of series)
    if (ranked.has(p.indicator_code)) latest.set(p.indicator_code, Math.max(latest.get(p.indicator_code) ?? p.year, p.year));
  return [...latest].map(([indicator, year]) => {
    const window = rankWindow(year);
    return { indicator, from: window.from, to: window.to };
  });
}

/** Trend, band or status, 2030 projection, on track, years to target and gap of one series. */
function outlookOf(indicator: IndicatorDefinition, points: readonly YearValue[]) {
  const latest = points.at(-1) ?? null;
  const trend = fitTrend(
    points.map((p) => ({ year: p.year, value: p.value })),
    { bounds: indicator.bounds },
  );
  const target = indicator.target;
  const assessment = latest && target ? assessAgainstTarget(latest.value, target) : null;
  const status = latest && target ? targetStatus(latest.value, target) : null;
  const outlook = trend && target ? targetOutlook(trend, target) : null;
  return {
    trend: trend ? { slope: trend.slope, yearsUsed: [...trend.yearsUsed], model: TREND_MODEL } : null,
    target,
    targetReference: indicator.targetReference,
    band: assessment?.kind === 'band' ? assessment.band : null,
    targetMet: status?.met ?? null,
    gap: status?.gap ?? null,
    projected2030: trend?.projected ?? null,
    onTrack: outlook?.onTrack ?? null,
    yearsToTarget: outlook ? outlook.yearsToTarget : null,
  };
}

/**
 * @example computeProfile({ m49: '404', catalogue: INDICATOR_CATALOGUE, series, rankGroups, peerValues })
 * // [{ code: 'internet-use', latest: { year: 2024, value: 34.98, … }, band: 'limited', ranks: [{ group: '002', label: '…' }], … }, …]
 */
export function computeProfile(inputs: ProfileInputs): ProfileIndicator[] {
  const byIndicator = new Map<string, SeriesPoint[]>();
  // A value that is not a finite number cannot be stored (a check constraint refuses it); should one
  // ever arrive, it is left out here rather than fail the whole profile.
  for (const p of inputs.series.filter((point) => Number.isFinite(point.value)))
    byIndicator.set(p.indicator_code, [...(byIndicator.get(p.indicator_code) ?? []), p]);
  return inputs.catalogue.map((indicator) => {
    const points = (byIndicator.get(indicator.code) ?? []).toSorted((a, b) => a.year - b.year);
    const latest = points.at(-1) ?? null;
    const direction = indicator.direction;
    // The country counts with its own latest value, whatever the peer query returned.
    const peers = latest
      ? new Map(
          [...(inputs.peerValues.get(indicator.code) ?? [])].map(
            ([m49, values]) => [m49, values.filter((v) => Number.isFinite(v.value))] as const,
          ),
        ).set(inputs.m49, [{ year: latest.year, value: latest.value }])
      : new Map<string, readonly YearValue[]>();
    const ranks =
      latest && direction
        ? inputs.rankGroups.flatMap((group) => {
            const rank = rankInWindow(inputs.m49, group.members, peers, latest.year, direction);
            return rank
              ? [
                  {
                    group: group.code,
                    kind: group.kind,
                    year: latest.year,
                    window: { from: rank.window.from, to: rank.window.to },
                    rank: rank.rank,
                    of: rank.of,
                    withoutValue: rank.withoutValue,
                    tied: rank.tiedWith > 1,
                    label: rank.label,
                  },
                ]
              : [];
          })
        : [];
    return {
      code: indicator.code,
      names: indicator.name,
      unit: indicator.unit,
      decimals: indicator.decimals,
      direction,
      latest: latest
        ? { year: latest.year, value: latest.value, source: latest.source, vintage: latest.vintage, estimate: latest.estimate }
        : null,
      ...outlookOf(indicator, points),
      ranks,
      licence: indicator.source.licence,
    };
  });
}

/**
 * Every catalogue indicator for one group, from its computed aggregates (any order, one group).
 * Indicators that are not aggregated, or have no published group-year, carry `latest: null`.
 *
 * @example computeGroupProfile(INDICATOR_CATALOGUE, rows)
 * // [{ code: 'internet-use', latest: { year: 2024, value: 71.2, coverage: 0.99, … }, published: { … } | null, trend: { … }, … }, …]
 */
export function computeGroupProfile(
  catalogue: readonly IndicatorDefinition[],
  aggregates: readonly AggregateListRow[],
): GroupProfileIndicator[] {
  const byIndicator = new Map<string, AggregateListRow[]>();
  for (const a of aggregates.filter((row) => Number.isFinite(row.value)))
    byIndicator.set(a.indicator_code, [...(byIndicator.get(a.indicator_code) ?? []), a]);
  return catalogue.map((indicator) => {
    const rows = (byIndicator.get(indicator.code) ?? []).toSorted((a, b) => a.year - b.year);
    const latest = rows.at(-1) ?? null;
    const published =
      latest && latest.published_value !== null && latest.published_source !== null && latest.published_vintage !== null
        ? { value: latest.published_value, source: latest.published_source, vintage: latest.published_vintage }
        : null;
    return {
      code: indicator.code,
      names: indicator.name,
      unit: indicator.unit,
      decimals: indicator.decimals,
      direction: indicator.direction,
      aggregation: indicator.aggregation,
      latest: latest
        ? {
            year: latest.year,
            value: latest.value,
            coverage: latest.coverage,
            estimatedShare: latest.estimated_share,
            method: latest.method,
            members: { withData: latest.members_with_data, gapFilled: latest.members_gap_filled, total: latest.members_total },
          }
        : null,
      published,
      difference: latest && published ? latest.value - published.value : null,
      ...outlookOf(
        indicator,
        rows.map((r) => ({ year: r.year, value: r.value })),
      ),
      licence: indicator.source.licence,
    };
  });
}
