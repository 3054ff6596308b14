/**
 * Renders every error in one place (ENGINEERING.md §4): problem+json under
 * /api and /healthz, an error page elsewhere. Unexpected errors are logged once
 * with the request id and shown as a plain 500.
 */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import { ErrorPage } from '../web/error-page.js';
import { pageContext } from '../web/page-context.js';
import { renderPage } from '../web/render.js';
import { AppError, type ErrorCode } from './app-error.js';
import type { AppEnv } from './app-env.js';
import { toProblem } from './problem.js';

const HTTP_EXCEPTION_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'malformed-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'rate-limited',
  503: 'unavailable',
};

/** Converts what a handler threw into an AppError, or undefined when it is a bug. */
function asAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    const code = HTTP_EXCEPTION_CODES[error.status];
    if (!code) return undefined;
    const detail =
      code === 'malformed-request' && /json/i.test(error.message)
        ? 'The request body is not valid JSON'
        : error.message || `HTTP ${error.status}`;
    return new AppError(code, detail);
  }
  if (isDatabaseUnreachable(error)) return new AppError('unavailable', 'The database is not reachable; try again shortly');
  if (isUnstorableText(error)) return new AppError('malformed-request', UNSTORABLE_TEXT);
  return undefined;
}

/**
 * Shown when text that PostgreSQL cannot store (a NUL) got past validation. Every request schema
 * refuses it first, naming the field (http/text.ts); this is the net under that rule, logged as a
 * gap to close, and the fuzz suite fails if the API ever answers with it.
 */
export const UNSTORABLE_TEXT = 'The request contains characters that cannot be stored, such as NUL';

/** character_not_in_repertoire, untranslatable_character: a NUL or bad byte reached a query. */
function isUnstorableText(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '22021' || code === '22P05';
}

/** Errors of node-postgres that carry no code but mean the connection to the server is gone. */
const LOST_CONNECTION =
  /^(Connection terminated|Client has encountered a connection error|Client was closed|timeout exceeded when trying to connect)/;

/**
 * Connection failures (server down, restarting, shutting down, connection lost or not made in
 * time) are an outage, not a bug: 57P01-57P03 admin/crash shutdown and cannot connect now,
 * class 08 connection exceptions, and the socket errors.
 */
function isDatabaseUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (/^57P0[123]$/.test(code) || code.startsWith('08'))) return true;
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EPIPE' || code === 'ETIMEDOUT') return true;
  return error instanceof Error && LOST_CONNECTION.test(error.message);
}

function wantsProblem(c: Context): boolean {
  const path = c.req.path;
  return path.startsWith('/api/') || path === '/healthz';
}

export function errorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return async (error, c) => {
    const known = asAppError(error);
    if (known?.code === 'unavailable') logger.warn({ requestId: c.get('requestId'), path: c.req.path }, 'database unreachable');
    if (known?.detail === UNSTORABLE_TEXT)
      logger.warn({ requestId: c.get('requestId'), method: c.req.method }, 'unstorable text passed validation');
    if (!known) logger.error({ err: error, requestId: c.get('requestId'), method: c.req.method, path: c.req.path }, 'unexpected error');
    return renderError(c, known ?? new AppError('internal', 'An unexpected error occurred; quote the request id when reporting it'));
  };
}

/** The response for an AppError: problem+json for the API, an error page for people. */
async function renderError(c: Context<AppEnv>, appError: AppError): Promise<Response> {
  const requestId = c.get('requestId');
  if (wantsProblem(c)) {
    return c.json(toProblem(appError, requestId), appError.status, {
      'Content-Type': 'application/problem+json',
      'Cache-Control': 'no-store',
      ...appError.headers,
    });
  }
  // A page that needs a signed-in person sends a visitor to sign in and come back — for reads
  // only: a refused form post is shown as a page with a sign-in link, its data not silently lost.
  if (appError.status === 401 && (c.req.method === 'GET' || c.req.method === 'HEAD')) {
    return new Response(null, { status: 303, headers: { Location: signInPath(c), 'Cache-Control': 'no-store' } });
  }
  // 503 stays 503 (the database is down: a proxy may retry elsewhere, a monitor sees an outage, not a bug).
  const status = appError.status === 404 || appError.status === 503 ? appError.status : appError.status >= 500 ? 500 : appError.status;
  const page = (
    <ErrorPage
      ctx={pageContext(c)}
      status={status}
      detail={appError.detail}
      requestId={requestId}
      {...(status === 401 ? { signInHref: '/sign-in' } : {})}
    />
  );
  const response = await renderPage(c, page, 200);
  return new Response(response.body, {
    status,
    headers: { ...Object.fromEntries(response.headers), 'Cache-Control': 'no-store', ...appError.headers },
  });
}

/** /sign-in with `next` set to this page (path and query, same site only). */
function signInPath(c: Context): string {
  const url = new URL(c.req.url);
  return `/sign-in?next=${encodeURIComponent(`${url.pathname}${url.search}`)}`;
}

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) =>
  renderError(c, new AppError('not-found', `Nothing at ${c.req.method} ${c.req.path}`));
