/**
 * Between SDMX-CSV messages and the platform's annual observations. SDMX names its columns after
 * the data structure (UN SDG uses SERIES and M49 areas, others INDICATOR and ISO3), so the
 * mapping is a parameter with the common defaults; rows the platform cannot hold (deletions,
 * attribute-only rows, non-annual periods) are counted, never silently mixed in.
 */
import type { Observation } from '../../core/indicators/types.js';
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
  /** Maps the message's area code (e.g. M49 "404") to the platform's ("KEN"); `null` skips the row. */
  readonly mapArea?: (code: string) => string | null;
  /** Names the input in error messages. */
  readonly file?: string;
}

export interface SdmxObservations {
  readonly observations: readonly Observation[];
  readonly skipped: {
    /** ACTION D rows: deletions are for the importer to apply, not observations. */
    readonly deletions: number;
    /** Rows without an observation value (attribute-only rows, NaN, empty cells). */
    readonly noValue: number;
    /** Rows whose frequency or time period is not annual. */
    readonly notAnnual: number;
    /** Rows whose area `mapArea` does not know. */
    readonly unmappedArea: number;
  };
}

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const DECIMAL_COMMA = /^[-+]?\d+,\d+$/;
const ANNUAL = /^(\d{4})(?:-A1)?$/;
/** Status codes meaning the value is not a plain measurement (SDMX CL_OBS_STATUS; SDG NATURE). */
const ESTIMATE_STATUS = new Set(['E']);
const ESTIMATE_NATURE = new Set(['E', 'M']);

function chooseIndicatorColumn(message: SdmxCsvMessage, requested: string | undefined): string {
  if (requested !== undefined) return requested;
  const ids = new Set(message.columns.map((c) => c.id));
  return ids.has('INDICATOR') || !ids.has('SERIES') ? 'INDICATOR' : 'SERIES';
}

function parseValue(cell: string, message: SdmxCsvMessage): number | null {
  const text = cell.trim();
  if (text === '' || text === 'NaN') return null;
  // Locale-formatted messages (delimiter ";") write decimals with a comma, e.g. "12,4".
  if (message.delimiter !== ',' && DECIMAL_COMMA.test(text)) return Number(text.replace(',', '.'));
  return NUMBER.test(text) ? Number(text) : Number.NaN;
}

/**
 * Annual observations from a parsed SDMX-CSV message.
 *
 * @example
 * const { observations } = sdmxToObservations(parseSdmxCsv(text), { indicatorColumn: 'SERIES' });
 * // [{ indicator: 'IT_USE_ii99', area: 'KEN', year: 2018, value: 17.8, estimate: false, note: null, breakdown: {} }]
 */
export function sdmxToObservations(message: SdmxCsvMessage, mapping: SdmxObservationMapping = {}): SdmxObservations {
  const file = mapping.file ?? 'SDMX-CSV message';
  const indicatorColumn = chooseIndicatorColumn(message, mapping.indicatorColumn);
  const areaColumn = mapping.areaColumn ?? 'REF_AREA';
  const timeColumn = mapping.timeColumn ?? 'TIME_PERIOD';
  const valueColumn = mapping.valueColumn ?? 'OBS_VALUE';
  const noteColumn = mapping.noteColumn ?? 'COMMENT_OBS';
  const breakdownColumns = mapping.breakdownColumns ?? [];
  const present = new Set(message.columns.map((c) => c.id));
  for (const required of [indicatorColumn, areaColumn, timeColumn, valueColumn, ...breakdownColumns]) {
    if (!present.has(required)) {
      throw new FormatError({ file, line: 1, field: required, message: `the message has no ${required} column` });
    }
  }

  const observations: Observation[] = [];
  let deletions = 0;
  let noValue = 0;
  let notAnnual = 0;
  let unmappedArea = 0;
  for (const row of message.rows) {
    if (row.action === 'D') {
      deletions += 1;
      continue;
    }
    const cell = row.values[valueColumn] ?? '';
    const value = parseValue(cell, message);
    if (value === null) {
      noValue += 1;
      continue;
    }
    const fail = (field: string, problem: string): FormatError => new FormatError({ file, line: row.line, field, message: problem });
    if (Number.isNaN(value)) throw fail(valueColumn, `expected a number, found "${cell}"`);
    const frequency = row.values['FREQ'];
    const year = ANNUAL.exec(row.values[timeColumn] ?? '')?.[1];
    if ((frequency !== undefined && frequency !== 'A') || year === undefined) {
      if (row.values[timeColumn] === undefined) throw fail(timeColumn, 'an observation needs a time period');
      notAnnual += 1;
      continue;
    }
    const indicator = row.values[indicatorColumn];
    if (indicator === undefined) throw fail(indicatorColumn, 'an observation needs an indicator');
    const sourceArea = row.values[areaColumn];
    if (sourceArea === undefined) throw fail(areaColumn, 'an observation needs an area');
    const area = mapping.mapArea === undefined ? sourceArea : mapping.mapArea(sourceArea);
    if (area === null) {
      unmappedArea += 1;
      continue;
    }
    const breakdown: { [dimension: string]: string } = {};
    for (const column of breakdownColumns) {
      const code = row.values[column];
      if (code !== undefined) breakdown[column] = code;
    }
    const status = row.values['OBS_STATUS'];
    const nature = row.values['NATURE'];
    observations.push({
      indicator,
      area,
      year: Number(year),
      value,
      estimate: (status !== undefined && ESTIMATE_STATUS.has(status)) || (nature !== undefined && ESTIMATE_NATURE.has(nature)),
      note: row.values[noteColumn] ?? null,
      breakdown,
    });
  }
  return { observations, skipped: { deletions, noValue, notAnnual, unmappedArea } };
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
      OBS_VALUE: String(o.value),
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
