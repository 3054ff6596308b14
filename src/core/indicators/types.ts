/**
 * The vocabulary every indicator module shares. Kept in one small file so services, importers
 * and formats agree on what a target, a direction or an observation is without importing logic.
 */

/** Which way is progress. Context indicators (population, GNI) carry `null` in the catalogue. */
export type Direction = 'higher-is-better' | 'lower-is-better';

/** A 2030 target reached when the value is at least `value` (internet use 100 %). */
export interface AtLeastTarget {
  readonly kind: 'at-least';
  readonly value: number;
}

/** A 2030 target reached when the value is at most `value` (broadband price ≤ 2 % of monthly GNI pc). */
export interface AtMostTarget {
  readonly kind: 'at-most';
  readonly value: number;
}

/** A 2030 target reached inside a closed band (gender parity 0.98–1.02). */
export interface BetweenTarget {
  readonly kind: 'between';
  readonly lower: number;
  readonly upper: number;
}

export type Target = AtLeastTarget | AtMostTarget | BetweenTarget;

/**
 * How a group figure is made from member values.
 * - `population-weighted`: mean of member values weighted by population. Right for shares of the
 *   population (%), rates per 100 inhabitants and per-capita amounts (GNI per capita): each equals
 *   a group total divided by the group population, which is exactly the population-weighted mean.
 * - `sum`: plain total (population).
 * - `none`: must not be aggregated from member values, e.g. a ratio of two aggregates (gender
 *   parity) or a price relative to national income (affordability), whose group figure is not a
 *   weighted mean of the members' ratios.
 */
export type AggregationRule = 'population-weighted' | 'sum' | 'none';

/** One value of a series. Years are calendar years; annual data only. */
export interface YearValue {
  readonly year: number;
  readonly value: number;
}

/** Values outside these limits cannot occur (a share cannot exceed 100 %); `null` means unbounded. */
export interface NaturalBounds {
  readonly min: number | null;
  readonly max: number | null;
}

/**
 * One number as an importer hands it over, before it is stored. `indicator` is the source's own
 * code (resolve it with `resolveIndicatorCode`); `area` is ISO 3166-1 alpha-3 for countries or the
 * source's code for its aggregates. Source name and vintage belong to the import batch, not to
 * each row, so they are not repeated here.
 */
export interface Observation {
  readonly indicator: string;
  readonly area: string;
  readonly year: number;
  readonly value: number;
  readonly estimate: boolean;
  readonly note: string | null;
  /** Further breakdowns the source gives (sex, speed tier …), by dimension id. Empty when none. */
  readonly breakdown: Readonly<Record<string, string>>;
  /** Where the value sits in its input, so a later check (range, duplicate) can name it. */
  readonly at?: InputLocation;
  /** The row's own provenance when the input carries it per row (our SDMX-CSV exports do); else the batch's. */
  readonly source?: string;
  readonly vintage?: string;
}

/** A cell of an input: line (1-based, header = 1) and column for text files, a field path for JSON. */
export interface InputLocation {
  readonly line?: number;
  readonly column?: number;
  readonly field?: string;
}

/** What identifies an observation: a deletion names one (SDMX-CSV ACTION=D). */
export interface ObservationKey {
  readonly indicator: string;
  readonly area: string;
  readonly year: number;
  readonly breakdown: Readonly<Record<string, string>>;
  readonly at?: InputLocation;
  readonly vintage?: string;
}

/**
 * What a reader makes of one input: the values, the deletions it asks for, and every other value
 * slot it read, counted by the reason it was left out — so that
 * `values = observations + deletions + Σ skipped` and nothing goes missing unexplained.
 */
export interface ParsedObservations {
  readonly observations: readonly Observation[];
  readonly deletions: readonly ObservationKey[];
  readonly skipped: Readonly<Record<string, number>>;
}
