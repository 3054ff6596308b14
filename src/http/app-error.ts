/**
 * The one error type (ENGINEERING.md §4). A small set of stable codes maps to
 * HTTP statuses; clients and translations key on the code, never on the text.
 */
export const ERROR_STATUS = {
  'validation-failed': 400,
  'malformed-request': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  'method-not-allowed': 405,
  'not-acceptable': 406,
  conflict: 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'rate-limited': 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One failing input: where it is (`query.limit`, `body.email`) and what to fix. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * Extra members of a problem (RFC 9457 extensions) with a stable meaning. A 409 for a stale
 * version says which version is current and, per field that changed since the client's version,
 * its current value, so the client can show what changed and merge.
 */
export interface ProblemExtensions {
  readonly currentVersion?: number;
  readonly changes?: readonly { readonly field: string; readonly current: unknown }[];
}

export class AppError extends Error {
  override name = 'AppError';
  readonly status: (typeof ERROR_STATUS)[ErrorCode];

  /**
   * @example throw new AppError('not-found', 'No country or area with ISO code "XYZ"')
   */
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly fields: readonly FieldProblem[] = [],
    readonly headers: Readonly<Record<string, string>> = {},
    readonly extensions: ProblemExtensions = {},
  ) {
    super(detail);
    this.status = ERROR_STATUS[code];
  }
}
