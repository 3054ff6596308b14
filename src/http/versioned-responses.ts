/**
 * Public reads served from memory per data version. Routes whose answer changes only when an
 * import commits (countries, groups, indicators, profiles) keep, per data version, the finished
 * response: the serialised body, its gzip form and its ETag. A repeat read then costs the one
 * query that reads the data version — the same round trip as /healthz — and no serialising,
 * hashing or compressing; an `If-None-Match` that matches gets a 304 before any of that work.
 * Nothing assumes a single instance: the version comes from the database on every request, so
 * an import on any instance makes every instance's entries stale at once.
 *
 * Only GET answers with status 200 are kept, and never one that sets a cookie or says
 * `private` / `no-store`: a route that starts answering per person stops being cached here.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

export interface VersionedResponsesOptions {
  /** The current data version; a change empties the cache. */
  readonly version: () => Promise<string>;
  /** Route templates served this way, e.g. `/api/v1/countries/{code}`. */
  readonly routes: readonly string[];
  /** Entries kept at most (oldest out first). Default 500. */
  readonly maxEntries?: number;
  /** Bodies larger than this are not kept (bulk downloads). Default 2 MiB. */
  readonly maxBodyBytes?: number;
}

interface Entry {
  readonly etag: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
  /** Null when the type is not worth compressing or gzip saves nothing. */
  readonly gzip: Uint8Array | null;
}

/** Headers of the original response the cached one repeats (the ETag is kept apart). */
const KEPT_HEADERS = ['content-type', 'content-disposition', 'cache-control', 'vary'];
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|problem\+json|vnd\.sdmx\.data\+csv|javascript|xml))/i;

function matcher(routes: readonly string[]): (path: string) => boolean {
  const patterns = routes.map((route) => new RegExp(`^${route.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`));
  return (path) => patterns.some((p) => p.test(path));
}

function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return (coding === 'gzip' || coding === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/** Weak and strong forms of an ETag compare equal for If-None-Match (RFC 9110 weak comparison). */
const stripWeak = (tag: string) => tag.trim().replace(/^W\//, '');

function etagMatches(etag: string, ifNoneMatch: string | undefined): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch === '*' || ifNoneMatch.split(',').some((tag) => stripWeak(tag) === stripWeak(etag));
}

function withVary(vary: string | undefined, name: string): string {
  if (!vary) return name;
  return vary.split(',').some((v) => v.trim().toLowerCase() === name.toLowerCase()) ? vary : `${vary}, ${name}`;
}

/**
 * @example app.use('/api/v1/*', versionedResponses({ version: () => dataVersion(db), routes: ['/api/v1/countries'] }))
 */
export function versionedResponses(options: VersionedResponsesOptions): MiddlewareHandler {
  const served = matcher(options.routes);
  const maxEntries = options.maxEntries ?? 500;
  const maxBodyBytes = options.maxBodyBytes ?? 2 * 1024 * 1024;
  let current = '';
  const entries = new Map<string, Entry>();

  const answer = (entry: Entry, ifNoneMatch: string | undefined, encoding: string | undefined): Response => {
    const headers: Record<string, string> = { ...entry.headers, ETag: entry.etag };
    if (etagMatches(entry.etag, ifNoneMatch)) return new Response(null, { status: 304, headers });
    if (entry.gzip && acceptsGzip(encoding)) {
      return new Response(entry.gzip, { status: 200, headers: { ...headers, 'Content-Encoding': 'gzip' } });
    }
    return new Response(entry.body, { status: 200, headers });
  };

  return async (c, next) => {
    if (c.req.method !== 'GET' || !served(c.req.path)) return next();
    const version = await options.version();
    if (version !== current) {
      // Versions only grow (see features/imports/data-version.ts); a request that read an older one
      // just before an import committed is answered uncached rather than emptying the newer cache.
      if (current !== '' && olderThan(version, current)) return next();
      entries.clear();
      current = version;
    }
    const url = new URL(c.req.url);
    const key = `${url.pathname}?${[...url.searchParams]
      .toSorted(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}=${v}`)
      .join('&')}|${(c.req.header('accept') ?? '').trim().toLowerCase()}`;
    const hit = entries.get(key);
    if (hit) {
      c.res = answer(hit, c.req.header('if-none-match'), c.req.header('accept-encoding'));
      return;
    }
    await next();
    const res = c.res;
    const cacheControl = res.headers.get('cache-control') ?? '';
    if (
      res.status !== 200 ||
      res.headers.has('set-cookie') ||
      res.headers.has('content-encoding') ||
      /private|no-store/i.test(cacheControl)
    )
      return;
    const body = new Uint8Array(await res.clone().arrayBuffer());
    if (body.byteLength > maxBodyBytes) return;
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = res.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    const compressible = COMPRESSIBLE.test(headers['content-type'] ?? '');
    const gzip = compressible ? gzipSync(body) : null;
    headers['vary'] = compressible ? withVary(headers['vary'], 'Accept-Encoding') : (headers['vary'] ?? '');
    if (headers['vary'] === '') delete headers['vary'];
    const entry: Entry = {
      // An ETag the inner caching stage made already is reused: clients that hold it stay valid.
      etag: res.headers.get('etag') ?? `W/"${createHash('sha1').update(body).digest('base64url')}"`,
      headers,
      body,
      gzip: gzip && gzip.byteLength < body.byteLength ? gzip : null,
    };
    if (version === current) {
      entries.set(key, entry);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    }
    c.res = answer(entry, c.req.header('if-none-match'), c.req.header('accept-encoding'));
  };
}

/** Data versions are `max.count` of import_runs; both only grow. */
function olderThan(version: string, than: string): boolean {
  const [max = 0, count = 0] = version.split('.').map(Number);
  const [thanMax = 0, thanCount = 0] = than.split('.').map(Number);
  return count < thanCount || (count === thanCount && max < thanMax);
}
