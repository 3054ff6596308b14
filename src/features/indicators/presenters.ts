/**
 * The only way indicator data leaves the server (ENGINEERING.md §3): rows in, public shapes
 * out — JSON items for the API and pages, and the flat rows of the CSV and SDMX-CSV downloads,
 * each carrying its source and licence.
 */
import { withoutFloatNoise, type IndicatorDefinition, type Observation } from '../../core/indicators/index.js';
import type { AggregateListRow, ObservationRow } from './repository.js';
import type { AggregateItem, CountryProfile, GroupProfile, Indicator, ObservationItem } from './schemas.js';

export function presentIndicator(
  d: IndicatorDefinition,
  stats: { count: number; countries: number; firstYear: number; lastYear: number } | undefined,
): Indicator {
  return {
    code: d.code,
    aliases: [...d.aliases],
    names: d.name,
    definitions: d.definition,
    unit: d.unit,
    decimals: d.decimals,
    direction: d.direction,
    aggregation: d.aggregation,
    aggregationNote: d.aggregationNote,
    target: d.target,
    targetReference: d.targetReference,
    source: { name: d.source.name, licence: d.source.licence, url: d.source.url },
    derivedFrom: [...d.derivedFrom],
    breakdowns: d.breakdowns.map((b) => ({ dimension: b.dimension, values: b.values.map((v) => v.code) })),
    observations: {
      count: stats?.count ?? 0,
      countries: stats?.countries ?? 0,
      firstYear: stats?.firstYear ?? null,
      lastYear: stats?.lastYear ?? null,
    },
  };
}

export function presentObservation(row: ObservationRow, iso3: string | null): ObservationItem {
  return {
    indicator: row.indicator_code,
    iso3,
    m49: row.m49,
    year: row.year,
    breakdown: row.breakdown === '' ? null : row.breakdown,
    value: row.value,
    estimate: row.estimate,
    note: row.note,
    source: row.source,
    vintage: row.vintage,
  };
}

export function presentAggregate(row: AggregateListRow): AggregateItem {
  const published =
    row.published_value !== null && row.published_source !== null && row.published_vintage !== null
      ? { value: row.published_value, source: row.published_source, vintage: row.published_vintage }
      : null;
  return {
    indicator: row.indicator_code,
    group: row.group_code,
    year: row.year,
    value: row.value,
    coverage: row.coverage,
    estimatedShare: row.estimated_share,
    method: row.method,
    members: { withData: row.members_with_data, gapFilled: row.members_gap_filled, total: row.members_total },
    published,
    difference: published ? row.value - published.value : null,
  };
}

// ---- Flat rows for CSV and SDMX-CSV ----

export type CsvCell = string | number | boolean | null;
export interface CsvTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly CsvCell[])[];
}

export function observationsTable(items: readonly ObservationItem[], licence: string): CsvTable {
  return {
    columns: ['indicator', 'iso3', 'm49', 'year', 'breakdown', 'value', 'estimate', 'note', 'source', 'vintage', 'licence'],
    rows: items.map((o) => [
      o.indicator,
      o.iso3,
      o.m49,
      o.year,
      o.breakdown ?? 'total',
      o.value,
      o.estimate,
      o.note,
      o.source,
      o.vintage,
      licence,
    ]),
  };
}

const AGGREGATE_SOURCE = 'Computed by the platform (population-weighted; see docs/methods.md)';

export function aggregatesTable(items: readonly AggregateItem[], licence: string): CsvTable {
  return {
    columns: [
      'indicator',
      'group',
      'year',
      'value',
      'coverage',
      'estimated_share',
      'method',
      'members_with_data',
      'members_gap_filled',
      'members_total',
      'published_value',
      'published_source',
      'published_vintage',
      'difference',
      'source',
      'licence',
    ],
    rows: items.map((a) => [
      a.indicator,
      a.group,
      a.year,
      a.value,
      a.coverage,
      a.estimatedShare,
      a.method,
      a.members.withData,
      a.members.gapFilled,
      a.members.total,
      a.published?.value ?? null,
      a.published?.source ?? null,
      a.published?.vintage ?? null,
      a.difference,
      AGGREGATE_SOURCE,
      licence,
    ]),
  };
}

export function indicatorsTable(items: readonly Indicator[]): CsvTable {
  return {
    columns: [
      'code',
      'aliases',
      'name_en',
      'unit',
      'direction',
      'aggregation',
      'target',
      'observations',
      'first_year',
      'last_year',
      'source',
      'licence',
    ],
    rows: items.map((i) => [
      i.code,
      i.aliases.join(' '),
      i.names.en,
      i.unit,
      i.direction,
      i.aggregation,
      i.target ? JSON.stringify(i.target) : null,
      i.observations.count,
      i.observations.firstYear,
      i.observations.lastYear,
      i.source.name,
      i.source.licence,
    ]),
  };
}

/** The 2030 outlook columns, the same for a country's and a group's profile. */
const OUTLOOK_COLUMNS = ['band', 'target_met', 'gap', 'projected_2030', 'on_track', 'years_to_target', 'trend_slope_per_year'];

type Outlook = Pick<
  CountryProfile['indicators'][number],
  'band' | 'targetMet' | 'gap' | 'projected2030' | 'onTrack' | 'yearsToTarget' | 'trend'
>;

function outlookCells(i: Outlook) {
  return [i.band, i.targetMet, i.gap, i.projected2030, i.onTrack, i.yearsToTarget, i.trend?.slope ?? null];
}

export function profileTable(profile: CountryProfile): CsvTable {
  return {
    columns: ['iso3', 'indicator', 'year', 'value', 'estimate', ...OUTLOOK_COLUMNS, 'ranks', 'source', 'vintage', 'licence'],
    rows: profile.indicators.map((i) => [
      profile.country.iso3,
      i.code,
      i.latest?.year ?? null,
      i.latest?.value ?? null,
      i.latest?.estimate ?? null,
      ...outlookCells(i),
      i.ranks.map(rankText).join('; '),
      i.latest?.source ?? null,
      i.latest?.vintage ?? null,
      i.licence,
    ]),
  };
}

/** `002: 4 of 48 (2022–2024, 6 without a value)`: the rank with its window, for the CSV cell. */
function rankText(r: CountryProfile['indicators'][number]['ranks'][number]): string {
  return `${r.group}: ${r.label} (${r.window.from}–${r.window.to}, ${r.withoutValue} without a value)`;
}

export function groupProfileTable(profile: GroupProfile): CsvTable {
  return {
    columns: [
      'group',
      'indicator',
      'year',
      'value',
      'coverage',
      'estimated_share',
      'method',
      'published_value',
      'published_source',
      'published_vintage',
      'difference',
      ...OUTLOOK_COLUMNS,
      'source',
      'licence',
    ],
    rows: profile.indicators.map((i) => [
      profile.group.code,
      i.code,
      i.latest?.year ?? null,
      i.latest?.value ?? null,
      i.latest?.coverage ?? null,
      i.latest?.estimatedShare ?? null,
      i.latest?.method ?? null,
      i.published?.value ?? null,
      i.published?.source ?? null,
      i.published?.vintage ?? null,
      i.difference,
      ...outlookCells(i),
      i.latest ? AGGREGATE_SOURCE : null,
      i.licence,
    ]),
  };
}

/** One SDMX observation with the attributes every download carries. */
export interface SdmxRow {
  readonly observation: Observation;
  readonly source: string;
  readonly vintage: string;
  readonly licence: string;
  readonly extra?: Readonly<Record<string, string>>;
}

const SDMX_DIMENSIONS: Record<string, string> = { sex: 'SEX', speed: 'TYPE_OF_SPEED' };
/** Our breakdown codes → the SDMX code lists' (SDMX CL_SEX; the SDG TYPE_OF_SPEED list), which the importer reads back. */
const SDMX_CODES: Record<string, Record<string, string>> = {
  sex: { female: 'F', male: 'M' },
  speed: { '256kbps-2mbps': '256KT2MBPS', '2mbps-10mbps': '2MT10MBPS', '10mbps-plus': '10MBPS' },
};
/** SDMX's code for "all of it" in any dimension. */
const SDMX_TOTAL = '_T';

/** `sex=female;speed=…` → { SEX: 'F', … }; every dimension of the message present, `_T` where the row is a total. */
function sdmxBreakdown(breakdown: string | null, dimensions: readonly string[]): Record<string, string> {
  const parts = new Map((breakdown ? breakdown.split(';') : []).map((part) => part.split('=') as [string, string]));
  return Object.fromEntries(
    dimensions.map((dimension) => {
      const value = parts.get(dimension);
      return [
        SDMX_DIMENSIONS[dimension] ?? dimension.toUpperCase(),
        value === undefined ? SDMX_TOTAL : (SDMX_CODES[dimension]?.[value] ?? value),
      ];
    }),
  );
}

export function observationsSdmx(items: readonly ObservationItem[], licence: string): SdmxRow[] {
  const dimensions = [
    ...new Set(items.flatMap((o) => (o.breakdown ? o.breakdown.split(';').map((part) => part.split('=')[0]!) : []))),
  ].toSorted();
  return items.map((o) => ({
    observation: {
      indicator: o.indicator,
      area: o.iso3 ?? o.m49,
      year: o.year,
      value: o.value,
      estimate: o.estimate,
      note: o.note,
      breakdown: sdmxBreakdown(o.breakdown, dimensions),
    },
    source: o.source,
    vintage: o.vintage,
    licence,
  }));
}

export function aggregatesSdmx(items: readonly AggregateItem[], licence: string): SdmxRow[] {
  return items.map((a) => ({
    observation: { indicator: a.indicator, area: a.group, year: a.year, value: a.value, estimate: false, note: a.method, breakdown: {} },
    source: AGGREGATE_SOURCE,
    vintage: '',
    licence,
    extra: {
      COVERAGE: String(withoutFloatNoise(a.coverage)),
      ESTIMATED_SHARE: String(withoutFloatNoise(a.estimatedShare)),
      PUBLISHED_VALUE: a.published ? String(a.published.value) : '',
    },
  }));
}

export function profileSdmx(profile: CountryProfile): SdmxRow[] {
  return profile.indicators.flatMap((i) =>
    i.latest
      ? [
          {
            observation: {
              indicator: i.code,
              area: profile.country.iso3,
              year: i.latest.year,
              value: i.latest.value,
              estimate: i.latest.estimate,
              note: null,
              breakdown: {},
            },
            source: i.latest.source,
            vintage: i.latest.vintage,
            licence: i.licence,
            extra: {
              BAND: i.band ?? '',
              ON_TRACK: i.onTrack === null ? '' : String(i.onTrack),
              PROJECTED_2030: i.projected2030 === null ? '' : String(withoutFloatNoise(i.projected2030)),
            },
          },
        ]
      : [],
  );
}

export function groupProfileSdmx(profile: GroupProfile): SdmxRow[] {
  return profile.indicators.flatMap((i) =>
    i.latest
      ? [
          {
            observation: {
              indicator: i.code,
              area: profile.group.code,
              year: i.latest.year,
              value: i.latest.value,
              estimate: false,
              note: i.latest.method,
              breakdown: {},
            },
            source: AGGREGATE_SOURCE,
            vintage: '',
            licence: i.licence,
            extra: {
              COVERAGE: String(withoutFloatNoise(i.latest.coverage)),
              ESTIMATED_SHARE: String(withoutFloatNoise(i.latest.estimatedShare)),
              PUBLISHED_VALUE: i.published ? String(i.published.value) : '',
              BAND: i.band ?? '',
              ON_TRACK: i.onTrack === null ? '' : String(i.onTrack),
              PROJECTED_2030: i.projected2030 === null ? '' : String(withoutFloatNoise(i.projected2030)),
            },
          },
        ]
      : [],
  );
}
