/**
 * Turns one parsed input (observations and deletions in the source's own codes) into rows keyed
 * the platform's way, and checks everything that can be checked before the import's transaction:
 * indicator and breakdown codes, areas (any ISO2, ISO3 or M49 spelling), plausible values,
 * vintages (real dates, not in the future) and duplicates within the input. A problem is a
 * FormatError naming file, line, column and field; a value left out for a known reason is counted
 * under that reason, so `values = observations + published aggregates + deletions + Σ skipped`.
 * An input of which nothing can be used is an error, not an empty success.
 */
import {
  findIndicator,
  implausibility,
  resolveBreakdownValue,
  vintageProblem,
  type IndicatorDefinition,
  type InputLocation,
  type ParsedObservations,
} from '../../core/indicators/index.js';
import { FormatError } from '../../formats/csv/format-error.js';
import type { AreaResolver, ResolvedArea } from './areas.js';
import type { PublishedAggregateRow } from './repository.js';
import type { DeletionRow, ObservationRow } from './store.js';

/** Breakdown values that mean "all of it": stored as the empty breakdown. */
const TOTALS = new Set(['total', 'any']);

/** One input's parsed content with its provenance, before anything is checked against the platform. */
export interface ObservationBatch {
  /** Names the input in import_runs (a file name or the request URL). */
  readonly name: string;
  /** Where the input is, for error messages (a path or a URL). */
  readonly file: string;
  readonly sha256: string;
  /** Data rows read (lines, or API rows). */
  readonly rows: number;
  readonly parsed: ParsedObservations;
  /** Default source and vintage (ISO date the source published the data) of rows that carry none. */
  readonly source: string;
  readonly vintage: string;
  /**
   * Whether group rows are the publisher's own aggregates, kept beside ours for comparison (the
   * World Bank's and the SDG database's). Otherwise a group row is left out: aggregates are
   * computed by the platform from country values, never imported over.
   */
  readonly keepsPublishedAggregates: boolean;
  /** Keys (`indicator|area|year|breakdown` as in the source) of values known to be wrong at the source, left out and counted. */
  readonly knownErrors?: ReadonlyMap<string, string>;
}

export interface PreparedBatch {
  readonly batch: ObservationBatch;
  readonly observations: readonly ObservationRow[];
  readonly aggregates: readonly PublishedAggregateRow[];
  readonly deletions: readonly DeletionRow[];
  /** Every value slot of the input: observations + aggregates + deletions + Σ skipped. */
  readonly values: number;
  readonly skipped: Readonly<Record<string, number>>;
}

export interface PrepareContext {
  readonly areas: AreaResolver;
  /** Indicators the platform computes itself (gender parity, monthly GNI): never imported. */
  readonly computed: ReadonlySet<string>;
  readonly today: string;
}

const UNKNOWN_AREA = Symbol('unknown area');

type Placed =
  | { readonly ok: false; readonly skip: string | typeof UNKNOWN_AREA }
  | { readonly ok: true; readonly indicator: IndicatorDefinition; readonly breakdown: string; readonly area: ResolvedArea };

export const SKIPPED = {
  computedIndicator: 'derived indicator the platform computes from its inputs (not imported)',
  groupAggregate: 'group aggregate: the platform computes aggregates from country values and never imports them',
  knownError: 'value known to be wrong at the source, left out (listed in sources.ts)',
} as const;

/**
 * @example prepareBatch(batch, { areas, computed: COMPUTED_INDICATORS, today: '2026-11-30' })
 */
export function prepareBatch(batch: ObservationBatch, ctx: PrepareContext): PreparedBatch {
  const fail = (at: InputLocation | undefined, message: string) => new FormatError({ file: batch.file, ...at, message });
  const batchVintageProblem = vintageProblem(batch.vintage, ctx.today);
  if (batchVintageProblem !== null) throw new FormatError({ file: batch.file, field: 'vintage', message: batchVintageProblem });
  const skipped: Record<string, number> = { ...batch.parsed.skipped };
  const skip = (reason: string) => (skipped[reason] = (skipped[reason] ?? 0) + 1);
  const unknownAreas = new Set<string>();
  let unknown = 0;
  const seen = new Map<string, InputLocation | undefined>();
  /** Refuses a second value for one key; `what` names it, built only for the message. */
  const once = (key: string, at: InputLocation | undefined, what: () => string) => {
    if (seen.has(key)) {
      const first = seen.get(key);
      throw fail(
        at,
        `${what()} appears twice in the input${first?.line ? ` (first on line ${first.line})` : first?.field ? ` (first at ${first.field})` : ''}`,
      );
    }
    seen.set(key, at);
  };
  const rowVintage = (vintage: string | undefined, at: InputLocation | undefined): string => {
    if (vintage === undefined) return batch.vintage;
    const problem = vintageProblem(vintage, ctx.today);
    if (problem !== null) throw fail(at?.line === undefined ? { field: 'VINTAGE' } : { line: at.line, field: 'VINTAGE' }, problem);
    return vintage;
  };

  /** Indicator, breakdown and area of one key, or the reason it is left out. */
  const place = (o: { indicator: string; area: string; breakdown: Readonly<Record<string, string>> }): Placed => {
    const indicator = findIndicator(o.indicator);
    if (!indicator) return { ok: false, skip: `indicator ${o.indicator} not in the catalogue` };
    if (ctx.computed.has(indicator.code)) return { ok: false, skip: SKIPPED.computedIndicator };
    const breakdown = breakdownKey(indicator, o.breakdown);
    if (breakdown === null) return { ok: false, skip: `unknown breakdown of ${indicator.code}` };
    const area = ctx.areas.resolve(o.area);
    if (area === null) {
      unknownAreas.add(o.area);
      return { ok: false, skip: UNKNOWN_AREA };
    }
    return { ok: true, indicator, breakdown, area };
  };

  const observations: ObservationRow[] = [];
  const aggregates: PublishedAggregateRow[] = [];
  for (const o of batch.parsed.observations) {
    const placed = place(o);
    if (!placed.ok) {
      if (placed.skip === UNKNOWN_AREA) unknown += 1;
      else skip(placed.skip);
      continue;
    }
    const { indicator, breakdown, area } = placed;
    if (area.kind === 'group' && !batch.keepsPublishedAggregates) {
      skip(SKIPPED.groupAggregate);
      continue;
    }
    const label = () => `${indicator.code} ${o.area} ${o.year}${breakdown ? ` (${breakdown})` : ''}`;
    const problem = implausibility(indicator, o.value);
    if (problem !== null) {
      if (batch.knownErrors?.has(`${o.indicator}|${o.area}|${o.year}|${Object.values(o.breakdown).join(';')}`)) {
        skip(SKIPPED.knownError);
        continue;
      }
      throw fail(o.at, `${problem}; refused (${label()})`);
    }
    const key = `${indicator.code}|${area.kind === 'country' ? area.m49 : area.code}|${o.year}|${breakdown}`;
    once(key, o.at, label);
    const base = {
      indicator_code: indicator.code,
      year: o.year,
      breakdown,
      value: o.value,
      source: o.source ?? batch.source,
      vintage: rowVintage(o.vintage, o.at),
    };
    if (area.kind === 'group') aggregates.push({ ...base, group_code: area.code });
    else observations.push({ ...base, m49: area.m49, estimate: o.estimate, note: o.note });
  }

  const deletions: DeletionRow[] = [];
  for (const d of batch.parsed.deletions) {
    const placed = place(d);
    if (!placed.ok) {
      if (placed.skip === UNKNOWN_AREA) unknown += 1;
      else skip(placed.skip);
      continue;
    }
    const { indicator, breakdown, area } = placed;
    if (area.kind === 'group') {
      skip(SKIPPED.groupAggregate);
      continue;
    }
    once(
      `${indicator.code}|${area.m49}|${d.year}|${breakdown}`,
      d.at,
      () => `${indicator.code} ${d.area} ${d.year}${breakdown ? ` (${breakdown})` : ''}`,
    );
    deletions.push({
      indicator_code: indicator.code,
      m49: area.m49,
      year: d.year,
      breakdown,
      vintage: rowVintage(d.vintage, d.at),
      source: batch.source,
    });
  }

  if (unknown > 0) skipped[unknownAreaReason(unknownAreas)] = unknown;
  const values = observations.length + aggregates.length + deletions.length + countOf(skipped);
  if (observations.length + aggregates.length + deletions.length === 0) {
    const reasons = Object.entries(skipped).map(([reason, n]) => `${reason}: ${n}`);
    throw new FormatError({
      file: batch.file,
      message: `nothing to import: ${values === 0 ? 'the input holds no values' : `all ${values} values were left out (${reasons.join('; ')})`}`,
    });
  }
  return { batch, observations, aggregates, deletions, values, skipped };
}

function countOf(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** "area not an M49 country or one of our groups (3 codes: XKX, EAS, SSF)". */
function unknownAreaReason(codes: ReadonlySet<string>): string {
  const list = [...codes].toSorted();
  const shown = list.slice(0, 8).join(', ') + (list.length > 8 ? ', …' : '');
  return `area not an M49 country or one of the platform's groups (${list.length} code${list.length === 1 ? '' : 's'}: ${shown})`;
}

function breakdownKey(indicator: IndicatorDefinition, breakdown: Readonly<Record<string, string>>): string | null {
  const parts: string[] = [];
  for (const [dimension, sourceValue] of Object.entries(breakdown)) {
    const value = resolveBreakdownValue(indicator, dimension, sourceValue);
    if (value === null) return null;
    if (!TOTALS.has(value)) parts.push(`${dimension}=${value}`);
  }
  return parts.toSorted().join(';');
}
