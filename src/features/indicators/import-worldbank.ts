/**
 * Imports one indicator from the World Bank Indicators API (v2 JSON) into one batch whose vintage
 * is the response's `lastupdated`. The API is a remote service, so the client is defensive:
 * every request has a timeout and is retried with exponential backoff on network errors, 429 and
 * 5xx; an API that cannot be reached is named with its URL and the reason; a response must be
 * the page asked for (a server that ignores `page` would otherwise be asked forever) and carry
 * the indicator asked for (not another series under its name). The World Bank's own aggregates
 * (WLD, LDC, income groups) are kept beside ours for comparison.
 */
import { createHash } from 'node:crypto';
import { findIndicator, todayUtc, type IndicatorDefinition, type Observation } from '../../core/indicators/index.js';
import type { Db } from '../../db/database.js';
import { FormatError } from '../../formats/csv/format-error.js';
import { nextWorldBankPage, parseWorldBankJson } from '../../formats/worldbank-json/index.js';
import { importBatches, type IndicatorImportSummary } from './import-indicators.js';
import type { ObservationBatch } from './prepare.js';

export const WORLD_BANK_API_SOURCE = 'World Bank API';

export interface WorldBankClientOptions {
  readonly fetch?: typeof fetch;
  /** Per request, headers and body together. Default 30 s. */
  readonly timeoutMs?: number;
  /** Attempts per request, the first included. Default 4. */
  readonly attempts?: number;
  /** Wait before the first retry; doubled each time. Default 500 ms. */
  readonly backoffMs?: number;
  /** More pages than this is not an indicator but a server misbehaving. Default 50. */
  readonly maxPages?: number;
  /** For tests: the date vintages may not exceed. */
  readonly today?: string;
}

/** The World Bank API could not be reached, or kept failing. */
export class SourceUnreachable extends Error {
  override name = 'SourceUnreachable';
}

const PER_PAGE = 20000;

/** A World Development Indicators code such as IT.NET.USER.ZS. */
const looksWdi = (code: string) => /^[A-Z]{2}\.[A-Z0-9.]+$/i.test(code);

/** The WDI code to ask the API for: the code itself when it is one, else the indicator's WDI alias. */
function worldBankCode(code: string): { indicator: IndicatorDefinition; wdi: string } {
  const indicator = findIndicator(code);
  if (!indicator) throw new Error(`indicator "${code}" is not in the catalogue; see GET /api/v1/indicators for codes and aliases`);
  const wdi = looksWdi(code) ? code : indicator.aliases.find(looksWdi);
  if (!wdi) throw new Error(`indicator "${code}" has no World Bank code; the World Bank API publishes only WDI series`);
  return { indicator, wdi };
}

function reasonOf(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `no answer within ${timeoutMs / 1000} s`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code) return `${cause.code}${cause.message && !cause.message.includes(cause.code) ? ` (${cause.message})` : ''}`;
  return error instanceof Error ? error.message : String(error);
}

/** One GET with timeout and retries; the body text of a 2xx answer. */
async function getText(url: string, o: Required<Omit<WorldBankClientOptions, 'today' | 'maxPages'>>): Promise<string> {
  let last = '';
  for (let attempt = 1; attempt <= o.attempts; attempt++) {
    if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, o.backoffMs * 2 ** (attempt - 2)));
    try {
      const response = await o.fetch(url, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(o.timeoutMs) });
      const text = await response.text();
      if (response.ok) return text;
      last = `HTTP ${response.status}`;
      // A client error will not change on retry: the request is wrong (an unknown indicator code).
      if (response.status !== 429 && response.status < 500)
        throw new FormatError({ file: url, message: `the API answered HTTP ${response.status}` });
    } catch (error) {
      if (error instanceof FormatError) throw error;
      last = reasonOf(error, o.timeoutMs);
    }
  }
  throw new SourceUnreachable(
    `the World Bank API at ${url} failed ${o.attempts} time${o.attempts === 1 ? '' : 's'}: ${last}; check DCP_WORLDBANK_API_URL and the network`,
  );
}

/**
 * Fetches every page of one indicator into one batch; nothing is written.
 * @example await fetchWorldBankBatch('https://api.worldbank.org/v2', 'IT.NET.USER.ZS')
 */
export async function fetchWorldBankBatch(baseUrl: string, code: string, options: WorldBankClientOptions = {}): Promise<ObservationBatch> {
  const { wdi } = worldBankCode(code);
  const client = {
    fetch: options.fetch ?? fetch,
    timeoutMs: options.timeoutMs ?? 30_000,
    attempts: options.attempts ?? 4,
    backoffMs: options.backoffMs ?? 500,
  };
  const maxPages = options.maxPages ?? 50;
  const base = `${baseUrl.replace(/\/+$/, '')}/country/all/indicator/${encodeURIComponent(wdi)}?format=json&per_page=${PER_PAGE}`;
  const hash = createHash('sha256');
  const observations: Observation[] = [];
  const skipped: Record<string, number> = {};
  let vintage: string | null = null;
  let rows = 0;
  for (let page: number | null = 1; page !== null;) {
    const url = page === 1 ? base : `${base}&page=${page}`;
    const text = await getText(url, client);
    hash.update(text);
    const parsed = parseWorldBankJson(text, url, { expectIndicator: wdi });
    if (parsed.info.page !== page) {
      throw new FormatError({
        file: url,
        field: '[0].page',
        message: `asked for page ${page}, the API answered page ${parsed.info.page}; it ignores paging, so the import stops here`,
      });
    }
    if (parsed.info.pages > maxPages) {
      throw new FormatError({
        file: url,
        field: '[0].pages',
        message: `the API announces ${parsed.info.pages} pages; more than ${maxPages} is not one indicator`,
      });
    }
    observations.push(...parsed.observations);
    for (const [reason, n] of Object.entries(parsed.skipped)) skipped[reason] = (skipped[reason] ?? 0) + n;
    rows += parsed.observations.length + Object.values(parsed.skipped).reduce((a, b) => a + b, 0);
    vintage ??= parsed.info.lastUpdated;
    page = nextWorldBankPage(parsed.info);
  }
  if (vintage === null) {
    throw new FormatError({
      file: base,
      field: '[0].lastupdated',
      message: 'the response does not say when the data was last updated; its vintage is unknown',
    });
  }
  return {
    name: base,
    file: base,
    sha256: hash.digest('hex'),
    rows,
    parsed: { observations, deletions: [], skipped },
    keepsPublishedAggregates: true,
    source: WORLD_BANK_API_SOURCE,
    vintage,
  };
}

/** @example await importWorldBank(db, 'https://api.worldbank.org/v2', 'IT.NET.USER.ZS') */
export async function importWorldBank(
  db: Db,
  baseUrl: string,
  code: string,
  options: WorldBankClientOptions = {},
): Promise<IndicatorImportSummary> {
  const batch = await fetchWorldBankBatch(baseUrl, code, options);
  return importBatches(db, 'worldbank', [batch], { today: options.today ?? todayUtc() });
}
