/**
 * Every list of the indicators API as JSON, CSV or SDMX-CSV: `?format=` wins, else the
 * `Accept` header (quality values respected), else JSON. CSV is RFC 4180 with a header row
 * (csv-stringify); SDMX-CSV is version 2.0 from the formats/sdmx-csv serialiser (1.0 when the
 * Accept header asks for `version=1.0.0`; another version is a 406), dataflow DCP:CONNECT(1.0),
 * with the source, vintage and licence as extra columns. Numbers are written with twelve
 * significant digits, without floating-point noise.
 */
import { z } from '@hono/zod-openapi';
import { stringify } from 'csv-stringify/sync';
import type { Context } from 'hono';
import { observationsToSdmx, serialiseSdmxCsv, type SdmxCsvMessage } from '../../formats/sdmx-csv/index.js';
import { withoutFloatNoise } from '../../core/indicators/index.js';
import { AppError } from '../../http/app-error.js';
import type { CsvTable, SdmxRow } from './presenters.js';

export type Format = 'json' | 'csv' | 'sdmx-csv';

export const MEDIA_TYPES = {
  json: 'application/json',
  csv: 'text/csv',
  'sdmx-csv': 'application/vnd.sdmx.data+csv',
} as const;

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';
export const DATAFLOW = { type: 'dataflow', agency: 'DCP', id: 'CONNECT', version: '1.0' } as const;

export type SdmxVersion = '1.0' | '2.0';
/** What a request negotiated: the format, and for SDMX-CSV its version (2.0 unless 1.0 is asked for). */
export interface Negotiated {
  readonly format: Format;
  readonly sdmxVersion: SdmxVersion;
}

export function sdmxContentType(version: SdmxVersion): string {
  return `application/vnd.sdmx.data+csv; version=${version}.0; charset=utf-8`;
}

/** `version=1.0.0` (or 1.0) and `version=2.0.0` (or 2.0) of the SDMX media type; another version is not offered. */
function sdmxVersionOf(params: readonly string[]): SdmxVersion | null | undefined {
  const param = params.find((p) => p.startsWith('version='));
  if (param === undefined) return undefined;
  const version = param.slice('version='.length).replace(/^"|"$/g, '');
  if (/^1\.0(\.0)?$/.test(version)) return '1.0';
  if (/^2\.0(\.0)?$/.test(version)) return '2.0';
  return null;
}

/**
 * @example chooseFormat(undefined, 'text/csv;q=0.9, application/json;q=0.5') // { format: 'csv', sdmxVersion: '2.0' }
 * chooseFormat(undefined, 'application/vnd.sdmx.data+csv;version=1.0.0')       // { format: 'sdmx-csv', sdmxVersion: '1.0' }
 */
export function chooseFormat(query: Format | undefined, accept: string | undefined): Negotiated {
  if (query) return { format: query, sdmxVersion: '2.0' };
  if (!accept) return { format: 'json', sdmxVersion: '2.0' };
  let best: Negotiated & { q: number } = { format: 'json', sdmxVersion: '2.0', q: -1 };
  let unsupportedSdmx: string | null = null;
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part
      .trim()
      .toLowerCase()
      .split(';')
      .map((s) => s.trim());
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    const format = (Object.keys(MEDIA_TYPES) as Format[]).find((f) => MEDIA_TYPES[f] === type);
    if (!format) continue;
    const version = format === 'sdmx-csv' ? sdmxVersionOf(params) : undefined;
    if (version === null) {
      unsupportedSdmx = part.trim();
      continue;
    }
    if (q > best.q) best = { format, sdmxVersion: version ?? '2.0', q };
  }
  if (best.q <= 0 && unsupportedSdmx !== null) {
    throw new AppError(
      'not-acceptable',
      `"${unsupportedSdmx}": SDMX-CSV is offered as version=1.0.0 and version=2.0.0 (the default); JSON and CSV too`,
    );
  }
  return best.q > 0 ? { format: best.format, sdmxVersion: best.sdmxVersion } : { format: 'json', sdmxVersion: '2.0' };
}

/** The format this request asks for; JSON lists always vary on Accept. */
export function requestedFormat(c: Context, query: Format | undefined): Negotiated {
  c.header('Vary', 'Accept', { append: true });
  return chooseFormat(query, c.req.header('accept'));
}

/** Refuses SDMX-CSV for lists that are not observations (the indicator catalogue). */
export function refuseSdmx(format: Format, what: string): void {
  if (format === 'sdmx-csv') {
    throw new AppError(
      'not-acceptable',
      `${what} is metadata, not observations: download it as JSON or CSV; SDMX-CSV is offered for observations, aggregates and profiles`,
    );
  }
}

/** @example csvResponse(c, observationsTable(items, 'CC-BY-4.0'), 'internet-use-observations') */
export function csvResponse(c: Context, table: CsvTable, filename: string): Response {
  const text = stringify([table.columns as string[], ...table.rows.map((r) => r.map(cell))], { record_delimiter: 'unix' });
  return c.body(text, 200, { 'Content-Type': CSV_CONTENT_TYPE, 'Content-Disposition': `attachment; filename="${filename}.csv"` });
}

function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(withoutFloatNoise(value));
  return typeof value === 'string' ? value : String(value);
}

/** An SDMX-CSV message of the rows (2.0 by default), with SOURCE_DETAIL, VINTAGE, LICENCE and any extra columns after the standard ones. */
export function sdmxMessage(rows: readonly SdmxRow[], version: SdmxVersion = '2.0'): SdmxCsvMessage {
  const base = observationsToSdmx(
    rows.map((r) => r.observation),
    { structure: DATAFLOW, version },
  );
  const extraIds = [...new Set(rows.flatMap((r) => Object.keys(r.extra ?? {})))];
  const added = ['SOURCE_DETAIL', 'VINTAGE', 'LICENCE', ...extraIds];
  return {
    ...base,
    columns: [...base.columns, ...added.map((id) => ({ id, label: null, multiValued: false, languages: null }))],
    rows: base.rows.map((row, i) => {
      const r = rows[i]!;
      return { ...row, values: { ...row.values, SOURCE_DETAIL: r.source, VINTAGE: r.vintage, LICENCE: r.licence, ...r.extra } };
    }),
  };
}

export function sdmxResponse(c: Context, rows: readonly SdmxRow[], filename: string, version: SdmxVersion = '2.0'): Response {
  return c.body(serialiseSdmxCsv(sdmxMessage(rows, version), { lineEnding: '\n' }), 200, {
    'Content-Type': sdmxContentType(version),
    'Content-Disposition': `attachment; filename="${filename}.sdmx.csv"`,
  });
}

/** OpenAPI `content` of a list answered as JSON, CSV or SDMX-CSV. */
export function downloadContent<T>(schema: T, options: { sdmx: boolean } = { sdmx: true }) {
  const text = { schema: z.string() };
  return {
    'application/json': { schema },
    'text/csv': { ...text, example: 'indicator,iso3,m49,year,breakdown,value,estimate,note,source,vintage,licence\n' },
    ...(options.sdmx
      ? {
          'application/vnd.sdmx.data+csv': {
            ...text,
            example:
              'STRUCTURE,STRUCTURE_ID,ACTION,FREQ,INDICATOR,REF_AREA,TIME_PERIOD,OBS_VALUE,OBS_STATUS,SOURCE_DETAIL,VINTAGE,LICENCE\n',
          },
        }
      : {}),
  };
}
