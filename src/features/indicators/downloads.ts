/**
 * Every list of the indicators API as JSON, CSV or SDMX-CSV: `?format=` wins, else the
 * `Accept` header (quality values respected), else JSON. CSV is RFC 4180 with a header row
 * (csv-stringify); SDMX-CSV is version 2.0 from the formats/sdmx-csv serialiser, dataflow
 * DCP:CONNECT(1.0), with the source, vintage and licence as extra columns.
 */
import { z } from '@hono/zod-openapi';
import { stringify } from 'csv-stringify/sync';
import type { Context } from 'hono';
import { observationsToSdmx, serialiseSdmxCsv, type SdmxCsvMessage } from '../../formats/sdmx-csv/index.js';
import { AppError } from '../../http/app-error.js';
import type { CsvTable, SdmxRow } from './presenters.js';

export type Format = 'json' | 'csv' | 'sdmx-csv';

export const MEDIA_TYPES = {
  json: 'application/json',
  csv: 'text/csv',
  'sdmx-csv': 'application/vnd.sdmx.data+csv',
} as const;

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';
export const SDMX_CONTENT_TYPE = 'application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8';
export const DATAFLOW = { type: 'dataflow', agency: 'DCP', id: 'CONNECT', version: '1.0' } as const;

/**
 * @example chooseFormat(undefined, 'text/csv;q=0.9, application/json;q=0.5') // 'csv'
 */
export function chooseFormat(query: Format | undefined, accept: string | undefined): Format {
  if (query) return query;
  if (!accept) return 'json';
  let best: { format: Format; q: number } = { format: 'json', q: -1 };
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part
      .trim()
      .toLowerCase()
      .split(';')
      .map((s) => s.trim());
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    const format = (Object.keys(MEDIA_TYPES) as Format[]).find((f) => MEDIA_TYPES[f] === type);
    if (format && q > best.q) best = { format, q };
  }
  return best.q > 0 ? best.format : 'json';
}

/** The format this request asks for; JSON lists always vary on Accept. */
export function requestedFormat(c: Context, query: Format | undefined): Format {
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
  return typeof value === 'string' ? value : String(value);
}

/** An SDMX-CSV 2.0 message of the rows, with SOURCE_DETAIL, VINTAGE, LICENCE and any extra columns after the standard ones. */
export function sdmxMessage(rows: readonly SdmxRow[]): SdmxCsvMessage {
  const base = observationsToSdmx(
    rows.map((r) => r.observation),
    { structure: DATAFLOW },
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

export function sdmxResponse(c: Context, rows: readonly SdmxRow[], filename: string): Response {
  return c.body(serialiseSdmxCsv(sdmxMessage(rows), { lineEnding: '\n' }), 200, {
    'Content-Type': SDMX_CONTENT_TYPE,
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
