/**
 * Request body limits, enforced before anything reads a body (CSRF, forms, JSON
 * validation). Every route gets a small default, enough for forms and JSON; a
 * route that takes an upload declares a larger limit of its own with
 * `allowBody(bytes)` among its middleware.
 *
 * Never more than the limit is read or kept: a declared Content-Length over
 * the limit is refused unread, and a chunked body (no Content-Length) is read
 * only until it passes the limit. The refusal (413) closes the connection, so
 * the server does not go on draining the rest of a huge body either.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { AppError } from './app-error.js';

/** Forms and JSON: the largest legitimate one (a 5,000-character description, percent-encoded) fits with room. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

const ALLOWANCE = Symbol('dcp.bodyAllowance');
type Allowance = MiddlewareHandler & { [ALLOWANCE]?: number };

/**
 * A route's own body limit, in bytes, in place of the default (for uploads).
 * @example router.post('/imports/sdmx', allowBody(20 * 1024 * 1024), handler)
 * @example createRoute({ …, middleware: [allowBody(20 * 1024 * 1024)] })
 */
export function allowBody(maxBytes: number): MiddlewareHandler {
  // A function object of its own per route, to carry that route's limit.
  const marker: Allowance = passThrough.bind(null);
  marker[ALLOWANCE] = maxBytes;
  return marker;
}

const passThrough: MiddlewareHandler = async (_c, next) => next();

/** The limit the matched route declared, if any. */
function allowanceOf(c: Context): number | undefined {
  for (const route of matchedRoutes(c)) {
    const allowance = (route.handler as Allowance)[ALLOWANCE];
    if (allowance !== undefined) return allowance;
  }
  return undefined;
}

function tooLarge(limit: number): AppError {
  return new AppError(
    'payload-too-large',
    `The request body is larger than this address accepts (${Math.floor(limit / 1024)} KB); send less`,
    [],
    // Close the connection: otherwise the server would read (and discard) the rest of the body.
    { Connection: 'close' },
  );
}

/**
 * Refuses (413) any request body over its route's limit, reading at most that many bytes.
 * @example app.use(limitBodies())
 */
export function limitBodies(defaultBytes = DEFAULT_BODY_LIMIT): MiddlewareHandler {
  return async (c, next) => {
    const limit = allowanceOf(c) ?? defaultBytes;
    const declared = c.req.header('content-length');
    const chunked = c.req.header('transfer-encoding') !== undefined;
    if (!chunked && declared !== undefined && !(Number(declared) <= limit)) throw tooLarge(limit);
    const body = c.req.raw.body;
    if (!body) return next();
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) throw tooLarge(limit);
      chunks.push(value);
    }
    const whole = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      whole.set(chunk, offset);
      offset += chunk.byteLength;
    }
    c.req.raw = new Request(c.req.raw, { method: c.req.method, body: whole });
    return next();
  };
}
