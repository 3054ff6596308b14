/**
 * The shape of one catalogue entry, separate from the entries so the data file reads as data.
 */
// Localised (all six UN languages required) is the platform's shared type: a missing translation
// is a compile error.
import type { Localised } from '../../shared/localised.js';
import type { AggregationRule, Direction, NaturalBounds, Target } from './types.js';

export type Unit = 'percent' | 'per-100-inhabitants' | 'current-usd' | 'persons' | 'ratio' | 'percent-of-monthly-gni-per-capita';

export interface IndicatorSource {
  /** Who produced the numbers and where we take them from. */
  readonly name: string;
  /** Licence of the numbers as we receive them (SPDX id where one exists). */
  readonly licence: string;
  readonly url: string | null;
}

/** One value of a breakdown dimension, with the codes sources use for it. */
export interface BreakdownValue {
  readonly code: string;
  readonly aliases: readonly string[];
}

export interface Breakdown {
  readonly dimension: 'sex' | 'speed';
  readonly values: readonly BreakdownValue[];
}

export interface IndicatorDefinition {
  /** Short, stable, kebab-case; used in URLs and the API. Never renamed. */
  readonly code: string;
  /** Codes sources use for the same series (WDI, SDG, our CSV columns), matched case-insensitively. */
  readonly aliases: readonly string[];
  readonly name: Localised;
  /** One sentence. */
  readonly definition: Localised;
  readonly unit: Unit;
  /** Decimals to show; sources publish no more precision than this. */
  readonly decimals: number;
  readonly bounds: NaturalBounds;
  /** `null` for context indicators (population, income) and for two-sided targets (parity). */
  readonly direction: Direction | null;
  readonly aggregation: AggregationRule;
  /** Why the aggregation rule is what it is, for the methods note. */
  readonly aggregationNote: string;
  readonly target: Target | null;
  /** Who set the target, for citation next to it. */
  readonly targetReference: string | null;
  readonly source: IndicatorSource;
  /** Catalogue codes this indicator is computed from; empty for measured indicators. */
  readonly derivedFrom: readonly string[];
  readonly breakdowns: readonly Breakdown[];
}
