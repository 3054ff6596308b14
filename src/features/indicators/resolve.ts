/**
 * Turns parsed observations (source codes for indicators, areas and breakdowns)
 * into rows keyed the platform's way, sorting out what is a country, what is a
 * source's own aggregate and what we do not know.
 */
import { findIndicator, resolveBreakdownValue, type Observation } from '../../core/indicators/index.js';
import type { ObservationRow, PublishedAggregateRow } from './repository.js';

/** Breakdown values that mean "all of it": stored as the empty breakdown. */
const TOTALS = new Set(['total', 'any']);

export interface Resolved {
  observations: ObservationRow[];
  aggregates: PublishedAggregateRow[];
  /** Rows left out, by reason, for the import summary. */
  skipped: Record<string, number>;
}

export interface ResolveContext {
  readonly m49ByIso3: ReadonlyMap<string, string>;
  readonly aggregateCodes: Readonly<Record<string, string>>;
  readonly source: string;
  readonly vintage: string;
}

/**
 * @example resolve(parsed, { m49ByIso3, aggregateCodes: { WLD: 'WLD' }, source, vintage })
 */
export function resolve(parsed: readonly Observation[], ctx: ResolveContext): Resolved {
  const out: Resolved = { observations: [], aggregates: [], skipped: {} };
  const skip = (reason: string) => (out.skipped[reason] = (out.skipped[reason] ?? 0) + 1);
  for (const o of parsed) {
    const indicator = findIndicator(o.indicator);
    if (!indicator) {
      skip(`indicator ${o.indicator} not in the catalogue`);
      continue;
    }
    const breakdown = breakdownKey(indicator, o.breakdown);
    if (breakdown === null) {
      skip(`unknown breakdown of ${indicator.code}`);
      continue;
    }
    const base = { indicator_code: indicator.code, year: o.year, breakdown, value: o.value, source: ctx.source, vintage: ctx.vintage };
    const group = ctx.aggregateCodes[o.area];
    const m49 = ctx.m49ByIso3.get(o.area);
    if (group) out.aggregates.push({ ...base, group_code: group });
    else if (m49) out.observations.push({ ...base, m49, estimate: o.estimate, note: o.note });
    else
      skip(/^[A-Z]{3}$/.test(o.area) ? 'area not an M49 country (e.g. Kosovo) or an aggregate we do not use' : 'aggregate we do not use');
  }
  return out;
}

function breakdownKey(
  indicator: NonNullable<ReturnType<typeof findIndicator>>,
  breakdown: Readonly<Record<string, string>>,
): string | null {
  const parts: string[] = [];
  for (const [dimension, sourceValue] of Object.entries(breakdown)) {
    const value = resolveBreakdownValue(indicator, dimension, sourceValue);
    if (value === null) return null;
    if (!TOTALS.has(value)) parts.push(`${dimension}=${value}`);
  }
  return parts.toSorted().join(';');
}
