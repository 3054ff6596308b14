/**
 * Fetches a provider's catalogue for harvesting, without letting a registered URL reach inside
 * our network (SSRF): every address a host name resolves to is checked in the connection's own
 * DNS lookup — so a name that resolves differently the second time (DNS rebinding) is caught at
 * connect time — and loopback, private, link-local, unique-local, CGNAT, multicast and
 * unspecified addresses are refused unless the configuration allows them (tests, local trials;
 * never production: src/config). Redirects are followed (at most 3), each checked again. Bodies
 * are cut off at 5 MB, and a request gives up after 20 s.
 */
import http from 'node:http';
import https from 'node:https';
import { guardedLookup, internalLiteral } from '../../../platform/outbound/index.js';

export interface FetchedCatalogue {
  readonly url: string;
  readonly contentType: string;
  readonly text: string;
}

export interface FetchOptions {
  readonly allowPrivate: boolean;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
}

/** Why a catalogue could not be fetched, in words for the provider's report. */
export class FetchProblem extends Error {
  override name = 'FetchProblem';
}

const MAX_REDIRECTS = 3;

export { isInternalAddress } from '../../../platform/outbound/index.js';

const refuseInternal = (hostname: string, address: string) =>
  new FetchProblem(`${hostname} resolves to an internal address (${address}): refused`);

function getOnce(
  url: URL,
  options: Required<FetchOptions>,
): Promise<{ status: number; location?: string; contentType: string; text: string }> {
  return new Promise((resolve, reject) => {
    if (internalLiteral(url) !== undefined && !options.allowPrivate) {
      reject(new FetchProblem(`${url.hostname} is an internal address: refused`));
      return;
    }
    const client = url.protocol === 'https:' ? https : http;
    const request = client.get(
      url,
      {
        lookup: guardedLookup(options.allowPrivate, refuseInternal) as never,
        timeout: options.timeoutMs,
        headers: {
          Accept: 'application/ld+json, application/json, text/html, text/csv;q=0.9, */*;q=0.1',
          'User-Agent': 'DCP-catalogue-harvester/1',
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            request.destroy(new FetchProblem(`the catalogue is larger than ${Math.round(options.maxBytes / 1_000_000)} MB`));
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            ...(response.headers.location ? { location: response.headers.location } : {}),
            contentType: response.headers['content-type'] ?? '',
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new FetchProblem(`no answer within ${options.timeoutMs / 1000} s`)));
    request.on('error', reject);
  });
}

/**
 * @example await fetchCatalogue('https://academy.example.org/catalogue.json', { allowPrivate: false })
 */
export async function fetchCatalogue(address: string, options: FetchOptions): Promise<FetchedCatalogue> {
  const settings = { timeoutMs: 20_000, maxBytes: 5_000_000, ...options };
  let url = new URL(address);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchProblem(`${url.protocol} is not http or https`);
    let answer;
    try {
      answer = await getOnce(url, settings);
    } catch (error) {
      throw error instanceof FetchProblem ? error : new FetchProblem(`could not fetch ${url.href}: ${(error as Error).message}`);
    }
    if (answer.status >= 300 && answer.status < 400 && answer.location) {
      url = new URL(answer.location, url);
      continue;
    }
    if (answer.status !== 200) throw new FetchProblem(`${url.href} answered HTTP ${answer.status}`);
    return { url: url.href, contentType: answer.contentType, text: answer.text };
  }
  throw new FetchProblem(`more than ${MAX_REDIRECTS} redirects`);
}

/**
 * Whether a link answers (the link check): a GET through the same guards, the body not read.
 * Resolves with undefined when it answers 2xx (after at most 3 redirects), else with what is wrong.
 * @example await brokenLink('https://academy.example.org/gone', { allowPrivate: false }) // 'answered HTTP 404'
 */
export async function brokenLink(address: string, options: FetchOptions): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return 'not a URL';
  }
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return `${url.protocol} is not http or https`;
    let status: number;
    let location: string | undefined;
    try {
      ({ status, location } = await headersOnly(url, { timeoutMs: 15_000, maxBytes: 0, ...options }));
    } catch (error) {
      return error instanceof FetchProblem ? error.message : `no answer: ${(error as Error).message}`;
    }
    if (status >= 300 && status < 400 && location) {
      url = new URL(location, url);
      continue;
    }
    return status >= 200 && status < 300 ? undefined : `answered HTTP ${status}`;
  }
  return `more than ${MAX_REDIRECTS} redirects`;
}

function headersOnly(url: URL, options: Required<FetchOptions>): Promise<{ status: number; location?: string }> {
  return new Promise((resolve, reject) => {
    const host = internalLiteral(url);
    if (host !== undefined && !options.allowPrivate) {
      reject(new FetchProblem(`${host} is an internal address: refused`));
      return;
    }
    const client = url.protocol === 'https:' ? https : http;
    const request = client.get(
      url,
      {
        lookup: guardedLookup(options.allowPrivate, refuseInternal) as never,
        timeout: options.timeoutMs,
        headers: { 'User-Agent': 'DCP-link-check/1' },
      },
      (response) => {
        resolve({ status: response.statusCode ?? 0, ...(response.headers.location ? { location: response.headers.location } : {}) });
        response.destroy();
      },
    );
    request.on('timeout', () => request.destroy(new FetchProblem(`no answer within ${options.timeoutMs / 1000} s`)));
    request.on('error', reject);
  });
}
