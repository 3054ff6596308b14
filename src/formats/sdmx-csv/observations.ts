/**
 * Between SDMX-CSV messages and the platform's annual observations. SDMX names its columns after
 * the data structure (UN SDG uses SERIES and M49 areas, others INDICATOR and ISO3), so the
 * mapping is a parameter with the common defaults. Every row is accounted for: an observation, a
 * deletion (ACTION=D) for the importer to apply, or a count under the reason it was left out
 * (no value, NaN, a sub-annual period, an unmapped area). Anything else — a value that is not a
 * finite number, a period that is not one, a year outside 1900–2100, a vintage that is not a
 * date — is a FormatError naming line, column and field.
 */
import { withoutFloatNoise } from '../../core/indicators/precision.js';
import { vintageProblem } from '../../core/indicators/vintage.js';
import type { InputLocation, Observation, ObservationKey, ParsedObservations } from '../../core/indicators/types.js';
import { FormatError } from '../csv/format-error.js';
import type { SdmxAction, SdmxColumn, SdmxCsvMessage, SdmxCsvRow, SdmxCsvVersion, SdmxStructureRef } from './types.js';

export interface SdmxObservationMapping {
  /** Column naming the series; default INDICATOR, else SERIES, whichever the message has. */
  readonly indicatorColumn?: string;
  readonly areaColumn?: string;
  readonly timeColumn?: string;
  readonly valueColumn?: string;
  /** Dimension columns kept as breakdowns (e.g. SEX, TYPE_OF_SPEED). Default none. */
  readonly breakdownColumns?: readonly string[];
  readonly noteColumn?: string;
  /** Columns holding a row's own source, first non-empty wins. Default SOURCE_DETAIL, then SOURCE. */
  readonly sourceColumns?: readonly string[];
  /** Column holding a row's own vintage (YYYY-MM-DD). Default VINTAGE. */
  readonly vintageColumn?: string;
  /** Maps the message's area code (e.g. M49 "404") to the platform's ("KEN"); `null` counts the row as unmapped. */
  readonly mapArea?: (code: string) => string | null;
  /** Names the input in error messages. */
  readonly file?: string;
}

/** Why rows were left out (the keys of `skipped`), worded for the import summary. */
export const SDMX_SKIPPED = {
  noValue: 'no observation value (empty OBS_VALUE or an attribute-only row)',
  missingValue: 'OBS_VALUE NaN (the SDMX missing value)',
  notAnnual: 'not annual (a quarterly, monthly or other sub-annual period)',
  unmappedArea: 'area code the platform does not know',
} as const;

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const DECIMAL_COMMA = /^[-+]?\d+,\d+$/;
/** 2023, SDMX 3.0's 2023-A1, or the time range of the calendar year 2023-01-01/P1Y. */
const ANNUAL = /^(\d{4})(?:-A1|-01-01\/P1Y)?$/;
/** Periods SDMX allows that are shorter than a year: 2023-Q1, 2023Q1, 2023-S2, 2023-M01, 2023-01, 2023-W05, 2023-01-15, ranges. */
const SUB_ANNUAL =
  /^\d{4}(?:-?(?:Q[1-4]|S[12]|T[1-3]|M(?:0?[1-9]|1[0-2])|W(?:0?[1-9]|[1-4]\d|5[0-3])|D[0-3]\d\d)|-(?:0[1-9]|1[0-2])(?:-[0-3]\d)?(?:T[\d:.]+Z?)?(?:\/P[\dYMWDTHS]+)?)$/;
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;
/** Status codes meaning the value is not a plain measurement (SDMX CL_OBS_STATUS; SDG NATURE). */
const ESTIMATE_STATUS = new Set(['E']);
const ESTIMATE_NATURE = new Set(['E', 'M']);

function chooseIndicatorColumn(message: SdmxCsvMessage, requested: string | undefined): string {
  if (requested !== undefined) return requested;
  const ids = new Set(message.columns.map((c) => c.id));
  return ids.has('INDICATOR') || !ids.has('SERIES') ? 'INDICATOR' : 'SERIES';
}

/**
 * The 1-based column of a component in the message's text, for error messages.
 * @example columnNumber(parseSdmxCsv('DATAFLOW,REF_AREA,OBS_VALUE\n…'), 'OBS_VALUE') // 3
 */
export function columnNumber(message: SdmxCsvMessage, id: string): number | undefined {
  const index = message.columns.findIndex((c) => c.id === id);
  if (index < 0) return undefined;
  if (message.version === '1.0') return index + 2;
  const byName = message.labels === 'name';
  const first = 2 + (byName ? 1 : 0) + (message.hasActionColumn ? 1 : 0);
  return first + index * (byName ? 2 : 1) + 1;
}

type Value = number | 'empty' | 'NaN' | 'not a number' | 'not finite';

function parseValue(cell: string, message: SdmxCsvMessage): Value {
  const text = cell.trim();
  if (text === '') return 'empty';
  if (text === 'NaN') return 'NaN';
  // Locale-formatted messages (delimiter ";") write decimals with a comma, e.g. "12,4".
  const normalised = message.delimiter !== ',' && DECIMAL_COMMA.test(text) ? text.replace(',', '.') : text;
  if (!NUMBER.test(normalised)) return 'not a number';
  const value = Number(normalised);
  // 1e400 is a well-formed number that no double holds: Infinity must never be stored.
  return Number.isFinite(value) ? value : 'not finite';
}

/**
 * Annual observations and deletions from a parsed SDMX-CSV message, every other row counted.
 *
 * @example
 * const { observations, deletions, skipped } = sdmxToObservations(parseSdmxCsv(text), { indicatorColumn: 'SERIES' });
 * // observations: [{ indicator: 'IT_USE_ii99', area: 'KEN', year: 2018, value: 17.8, estimate: false, note: null, breakdown: {}, at: { line: 2, column: 7, field: 'OBS_VALUE' } }]
 */
export function sdmxToObservations(message: SdmxCsvMessage, mapping: SdmxObservationMapping = {}): ParsedObservations {
  const file = mapping.file ?? 'SDMX-CSV message';
  const indicatorColumn = chooseIndicatorColumn(message, mapping.indicatorColumn);
  const areaColumn = mapping.areaColumn ?? 'REF_AREA';
  const timeColumn = mapping.timeColumn ?? 'TIME_PERIOD';
  const valueColumn = mapping.valueColumn ?? 'OBS_VALUE';
  const noteColumn = mapping.noteColumn ?? 'COMMENT_OBS';
  const sourceColumns = mapping.sourceColumns ?? ['SOURCE_DETAIL', 'SOURCE'];
  const vintageColumn = mapping.vintageColumn ?? 'VINTAGE';
  const breakdownColumns = mapping.breakdownColumns ?? [];
  const present = new Set(message.columns.map((c) => c.id));
  for (const required of [indicatorColumn, areaColumn, timeColumn, valueColumn, ...breakdownColumns]) {
    if (!present.has(required)) {
      throw new FormatError({ file, line: 1, field: required, message: `the message has no ${required} column` });
    }
  }

  const observations: Observation[] = [];
  const deletions: ObservationKey[] = [];
  const skipped: Record<string, number> = {};
  const skip = (reason: string) => (skipped[reason] = (skipped[reason] ?? 0) + 1);
  for (const row of message.rows) {
    const at = (field: string): InputLocation => {
      const column = columnNumber(message, field);
      return { line: row.line, ...(column ? { column } : {}), field };
    };
    const fail = (field: string, problem: string): FormatError => new FormatError({ file, ...at(field), message: problem });
    const deletion = row.action === 'D';

    let value: number | null = null;
    if (!deletion) {
      const cell = row.values[valueColumn] ?? '';
      const parsed = parseValue(cell, message);
      if (parsed === 'empty') {
        skip(SDMX_SKIPPED.noValue);
        continue;
      }
      if (parsed === 'NaN') {
        skip(SDMX_SKIPPED.missingValue);
        continue;
      }
      if (parsed === 'not a number') throw fail(valueColumn, `expected a number, found "${cell}"`);
      if (parsed === 'not finite') throw fail(valueColumn, `"${cell}" is not a finite number`);
      value = parsed;
    }

    const period = row.values[timeColumn];
    if (period === undefined) {
      if (deletion) throw fail(timeColumn, 'a deletion (ACTION D) must name its time period; wildcard deletions are not supported');
      throw fail(timeColumn, 'an observation needs a time period');
    }
    const annual = ANNUAL.exec(period)?.[1];
    if (annual === undefined && !SUB_ANNUAL.test(period)) {
      throw fail(
        timeColumn,
        `expected a time period such as 2023 (sub-annual ones like 2023-Q1 are counted, not stored), found "${period}"`,
      );
    }
    const frequency = row.values['FREQ'];
    if (annual === undefined || (frequency !== undefined && frequency !== 'A')) {
      skip(SDMX_SKIPPED.notAnnual);
      continue;
    }
    const year = Number(annual);
    if (year < FIRST_YEAR || year > LAST_YEAR) throw fail(timeColumn, `year ${year} is outside ${FIRST_YEAR}–${LAST_YEAR}`);

    const indicator = row.values[indicatorColumn];
    if (indicator === undefined) {
      throw fail(
        indicatorColumn,
        deletion
          ? 'a deletion (ACTION D) must name its indicator; wildcard deletions are not supported'
          : 'an observation needs an indicator',
      );
    }
    const sourceArea = row.values[areaColumn];
    if (sourceArea === undefined) {
      throw fail(
        areaColumn,
        deletion ? 'a deletion (ACTION D) must name its area; wildcard deletions are not supported' : 'an observation needs an area',
      );
    }
    const area = mapping.mapArea === undefined ? sourceArea : mapping.mapArea(sourceArea);
    if (area === null) {
      skip(SDMX_SKIPPED.unmappedArea);
      continue;
    }
    const breakdown: { [dimension: string]: string } = {};
    for (const column of breakdownColumns) {
      const code = row.values[column];
      if (code !== undefined) breakdown[column] = code;
    }
    const vintage = row.values[vintageColumn];
    if (vintage !== undefined) {
      const problem = vintageProblem(vintage);
      if (problem !== null) throw fail(vintageColumn, problem);
    }
    const provenance = vintage !== undefined ? { vintage } : {};
    if (deletion) {
      deletions.push({ indicator, area, year, breakdown, at: at(areaColumn), ...provenance });
      continue;
    }
    const source = sourceColumns.map((c) => row.values[c]).find((s) => s !== undefined && s !== '');
    const status = row.values['OBS_STATUS'];
    const nature = row.values['NATURE'];
    observations.push({
      indicator,
      area,
      year,
      value: value!,
      estimate: (status !== undefined && ESTIMATE_STATUS.has(status)) || (nature !== undefined && ESTIMATE_NATURE.has(nature)),
      note: row.values[noteColumn] ?? null,
      breakdown,
      at: at(valueColumn),
      ...(source !== undefined ? { source } : {}),
      ...provenance,
    });
  }
  return { observations, deletions, skipped };
}

export interface SdmxWriteOptions {
  readonly structure: SdmxStructureRef;
  /** Default 2.0. */
  readonly version?: SdmxCsvVersion;
  /** Default I (information); 2.0 only. */
  readonly action?: SdmxAction;
  readonly indicatorColumn?: string;
  readonly areaColumn?: string;
  /** Default ','. */
  readonly delimiter?: string;
}

const plain = (id: string): SdmxColumn => ({ id, label: null, multiValued: false, languages: null });

/**
 * An SDMX-CSV message holding observations: FREQ (always A), indicator, area, each breakdown
 * dimension, TIME_PERIOD, OBS_VALUE, OBS_STATUS (E for estimates, A otherwise) and COMMENT_OBS
 * when any observation has a note. Serialise it with `serialiseSdmxCsv`.
 *
 * @example
 * serialiseSdmxCsv(observationsToSdmx(observations, {
 *   structure: { type: 'dataflow', agency: 'DCP', id: 'CONNECT', version: '1.0' },
 * }));
 */
export function observationsToSdmx(observations: readonly Observation[], options: SdmxWriteOptions): SdmxCsvMessage {
  const version = options.version ?? '2.0';
  const action = options.action ?? 'I';
  if (version === '1.0' && action !== 'I') throw new RangeError('SDMX-CSV 1.0 has no ACTION column; only action I can be written');
  const indicatorColumn = options.indicatorColumn ?? 'INDICATOR';
  const areaColumn = options.areaColumn ?? 'REF_AREA';
  const dimensions = [...new Set(observations.flatMap((o) => Object.keys(o.breakdown)))].toSorted();
  const withNotes = observations.some((o) => o.note !== null && o.note !== '');
  const fixed = ['FREQ', indicatorColumn, areaColumn, 'TIME_PERIOD', 'OBS_VALUE', 'OBS_STATUS', 'COMMENT_OBS'];
  const clash = dimensions.find((dimension) => fixed.includes(dimension));
  if (clash !== undefined) throw new RangeError(`breakdown dimension ${clash} would overwrite a column of the same name`);
  const ids = [
    'FREQ',
    indicatorColumn,
    areaColumn,
    ...dimensions,
    'TIME_PERIOD',
    'OBS_VALUE',
    'OBS_STATUS',
    ...(withNotes ? ['COMMENT_OBS'] : []),
  ];
  const rows: SdmxCsvRow[] = observations.map((o, i) => {
    const values: { [id: string]: string } = {
      FREQ: 'A',
      [indicatorColumn]: o.indicator,
      [areaColumn]: o.area,
      TIME_PERIOD: String(o.year),
      OBS_VALUE: String(withoutFloatNoise(o.value)),
      OBS_STATUS: o.estimate ? 'E' : 'A',
      ...o.breakdown,
    };
    if (o.note !== null && o.note !== '') values['COMMENT_OBS'] = o.note;
    return { line: i + 2, structure: options.structure, structureName: null, action, values, labels: {} };
  });
  return {
    version,
    delimiter: options.delimiter ?? ',',
    subFieldSeparator: null,
    labels: 'id',
    hasActionColumn: version === '2.0',
    columns: ids.map(plain),
    rows,
  };
}
