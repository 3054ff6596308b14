/**
 * Reads one page of the World Bank Indicators API v2 JSON layout,
 *   [ {page, pages, per_page, total, sourceid, lastupdated},
 *     [ {indicator:{id,value}, country:{id,value}, countryiso3code, date, value, unit, obs_status, decimal}, … ] ]
 * into observations. The API answers errors with HTTP 200 and a different body, pads series with
 * null values and mixes in aggregates without ISO3 codes, so each of those cases is recognised
 * and reported — as a FormatError saying what is wrong, or as a count of rows left out.
 */
import type { Observation } from '../../core/indicators/types.js';
import { FormatError } from '../csv/format-error.js';

export interface WorldBankPageInfo {
  readonly page: number;
  readonly pages: number;
  readonly perPage: number;
  readonly total: number;
  /** The API's database id ("2" is World Development Indicators); `null` when absent. */
  readonly sourceId: string | null;
  /** The database's last update (YYYY-MM-DD): the vintage to record with the numbers. */
  readonly lastUpdated: string | null;
}

export interface WorldBankPage {
  readonly info: WorldBankPageInfo;
  readonly observations: readonly Observation[];
  /** Rows left out, by reason (the keys of WORLD_BANK_SKIPPED): every row of the page is an observation or counted here. */
  readonly skipped: Readonly<Record<string, number>>;
}

/** Why rows were left out, worded for the import summary. */
export const WORLD_BANK_SKIPPED = {
  /** Years the API lists with a null value (not yet published or no data). */
  noValue: 'null value (year not published)',
  /** Rows with an empty countryiso3code (some aggregates, "Not classified"). */
  noAreaCode: 'no ISO3 code (an unclassified area or an aggregate without one)',
  /** Rows whose date is a quarter or month (2023Q1, 2023M01), not a year. */
  notAnnual: 'not annual (a quarter or month)',
} as const;

export interface WorldBankParseOptions {
  /** The indicator asked for: a row of another indicator is an error, not data (the API has answered with the wrong series). */
  readonly expectIndicator?: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeJson(value: Json | undefined): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  // JSON.parse reads 1e400 as Infinity, which JSON.stringify would print as null.
  if (typeof value === 'number') return `number ${String(value)}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

class Reader {
  constructor(private readonly file: string) {}

  fail(field: string, message: string): FormatError {
    return new FormatError({ file: this.file, field, message });
  }

  count(object: JsonObject, key: string, path: string): number {
    const value = object[key];
    // per_page has come back as a string ("50") in some API versions.
    const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isInteger(number) || number < 0) {
      throw this.fail(`${path}.${key}`, `expected a whole number, found ${describeJson(value)}`);
    }
    return number;
  }

  optionalText(object: JsonObject, key: string, path: string): string | null {
    const value = object[key];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') throw this.fail(`${path}.${key}`, `expected text, found ${describeJson(value)}`);
    return value;
  }

  text(object: JsonObject, key: string, path: string): string {
    const value = this.optionalText(object, key, path);
    if (value === null) throw this.fail(`${path}.${key}`, 'is missing');
    return value;
  }

  object(value: Json | undefined, path: string): JsonObject {
    if (!isObject(value)) throw this.fail(path, `expected an object, found ${describeJson(value)}`);
    return value;
  }
}

/** The API's error body: [{"message":[{"id":"120","key":"Invalid value","value":"…"}]}]. */
function apiErrorMessage(body: Json): string | null {
  if (!Array.isArray(body) || !isObject(body[0]) || !Array.isArray(body[0]['message'])) return null;
  const parts = body[0]['message'].map((entry) =>
    isObject(entry) ? [entry['id'], entry['key'], entry['value']].filter((p) => typeof p === 'string').join(' ') : '',
  );
  return parts.filter((p) => p !== '').join('; ') || 'no message';
}

function readInfo(reader: Reader, value: Json | undefined): WorldBankPageInfo {
  const info = reader.object(value, '[0]');
  return {
    page: reader.count(info, 'page', '[0]'),
    pages: reader.count(info, 'pages', '[0]'),
    perPage: reader.count(info, 'per_page', '[0]'),
    total: reader.count(info, 'total', '[0]'),
    sourceId: reader.optionalText(info, 'sourceid', '[0]'),
    lastUpdated: reader.optionalText(info, 'lastupdated', '[0]'),
  };
}

const YEAR = /^\d{4}$/;
const SUB_ANNUAL = /^\d{4}[QM]\d{1,2}$/;

/**
 * Parse one API page. `file` names the body in errors (the request URL is a good choice).
 *
 * @example
 * const page = parseWorldBankJson(await response.text(), url);
 * page.info.lastUpdated;   // '2026-07-13'
 * page.observations[0];    // { indicator: 'IT.NET.USER.ZS', area: 'KEN', year: 2023, value: 40.8, … }
 * nextWorldBankPage(page.info); // 2, or null after the last page
 */
export function parseWorldBankJson(text: string, file = 'World Bank API response', options: WorldBankParseOptions = {}): WorldBankPage {
  const reader = new Reader(file);
  let body: Json;
  try {
    body = JSON.parse(text) as Json;
  } catch (error) {
    throw reader.fail('body', `not valid JSON: ${(error as Error).message}`);
  }
  const apiError = apiErrorMessage(body);
  if (apiError !== null) throw reader.fail('body', `the API returned an error instead of data: ${apiError}`);
  if (!Array.isArray(body)) {
    throw reader.fail('body', `expected an array [page info, rows], found ${describeJson(body)}`);
  }
  if (body.length !== 2) {
    throw reader.fail('body', `expected an array of 2 elements [page info, rows], found ${body.length}`);
  }
  const info = readInfo(reader, body[0]);
  const rows = body[1];
  // The API sends null instead of [] when a query matches nothing.
  if (rows === null || rows === undefined) {
    return { info, observations: [], skipped: {} };
  }
  if (!Array.isArray(rows)) throw reader.fail('[1]', `expected an array of rows, found ${describeJson(rows)}`);

  const observations: Observation[] = [];
  const skipped: Record<string, number> = {};
  const skip = (reason: string) => (skipped[reason] = (skipped[reason] ?? 0) + 1);
  const expected = options.expectIndicator?.toLowerCase();
  rows.forEach((item, i) => {
    const path = `[1][${i}]`;
    const row = reader.object(item, path);
    const indicator = reader.text(reader.object(row['indicator'], `${path}.indicator`), 'id', `${path}.indicator`);
    if (expected !== undefined && indicator.toLowerCase() !== expected) {
      throw reader.fail(
        `${path}.indicator.id`,
        `the API answered with indicator ${indicator}, not the ${options.expectIndicator} asked for`,
      );
    }
    if (row['country'] !== undefined) reader.object(row['country'], `${path}.country`);
    const area = reader.text(row, 'countryiso3code', path);
    const date = reader.text(row, 'date', path);
    const value = row['value'];
    if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) {
      throw reader.fail(`${path}.value`, `expected a finite number or null, found ${describeJson(value)}`);
    }
    if (!YEAR.test(date) && !SUB_ANNUAL.test(date)) {
      throw reader.fail(`${path}.date`, `expected a year such as "2023", found ${describeJson(date)}`);
    }
    const year = Number(date.slice(0, 4));
    if (year < 1900 || year > 2100) throw reader.fail(`${path}.date`, `year ${year} is outside 1900–2100`);
    if (value === null) return skip(WORLD_BANK_SKIPPED.noValue);
    if (!YEAR.test(date)) return skip(WORLD_BANK_SKIPPED.notAnnual);
    if (area === '') return skip(WORLD_BANK_SKIPPED.noAreaCode);
    const status = reader.optionalText(row, 'obs_status', path) ?? '';
    const unit = reader.optionalText(row, 'unit', path) ?? '';
    const notes = [status !== '' && status !== 'E' ? `obs_status ${status}` : '', unit !== '' ? `unit ${unit}` : ''].filter(
      (n) => n !== '',
    );
    observations.push({
      indicator,
      area,
      year,
      value,
      estimate: status === 'E',
      note: notes.length > 0 ? notes.join('; ') : null,
      breakdown: {},
      at: { field: `${path}.value` },
    });
  });
  return { info, observations, skipped };
}

/**
 * The next page to request, or `null` after the last one.
 *
 * @example
 * nextWorldBankPage({ page: 1, pages: 3, perPage: 1000, total: 2500, sourceId: '2', lastUpdated: null }); // 2
 */
export function nextWorldBankPage(info: WorldBankPageInfo): number | null {
  return info.page < info.pages ? info.page + 1 : null;
}
