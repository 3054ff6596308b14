/**
 * Renders any error as RFC 9457 problem+json for the API. Unexpected errors are
 * logged once by the caller and shown without internals.
 */
import { z } from '@hono/zod-openapi';
import { AppError, ERROR_STATUS, type ErrorCode } from './app-error.js';

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'https://dcp.example/problems/not-found' }),
    title: z.string().openapi({ example: 'Not found' }),
    status: z.number().int().openapi({ example: 404 }),
    detail: z.string().openapi({ example: 'No country or area with code "XYZ"' }),
    code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
    fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    requestId: z.string().optional(),
    currentVersion: z.number().int().optional().openapi({ description: 'On a 409 for a stale version: the version now stored' }),
    changes: z
      .array(z.object({ field: z.string(), current: z.unknown() }))
      .optional()
      .openapi({ description: 'On a 409 for a stale version: each field changed since the version sent, with its current value' }),
  })
  .openapi('Problem');
export type Problem = z.infer<typeof ProblemSchema>;

const TITLES: Record<ErrorCode, string> = {
  'validation-failed': 'Validation failed',
  'malformed-request': 'Malformed request',
  unauthenticated: 'Sign-in required',
  forbidden: 'Forbidden',
  'not-found': 'Not found',
  'method-not-allowed': 'Method not allowed',
  'not-acceptable': 'Not acceptable',
  conflict: 'Conflict',
  'payload-too-large': 'Payload too large',
  'unsupported-media-type': 'Unsupported media type',
  'rate-limited': 'Too many requests',
  internal: 'Internal error',
  unavailable: 'Service unavailable',
};

/**
 * @example toProblem(new AppError('not-found', 'No such group'), 'req-1').status // 404
 */
export function toProblem(error: AppError, requestId?: string): Problem {
  return {
    type: `/problems/${error.code}`,
    title: TITLES[error.code],
    status: error.status,
    detail: error.detail,
    code: error.code,
    ...(error.fields.length > 0 ? { fields: [...error.fields] } : {}),
    ...(requestId ? { requestId } : {}),
    ...(error.extensions.currentVersion !== undefined ? { currentVersion: error.extensions.currentVersion } : {}),
    ...(error.extensions.changes ? { changes: [...error.extensions.changes] } : {}),
  };
}

/** Problem responses every API route may return, for the OpenAPI document. */
export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: Object.entries(ERROR_STATUS)
          .filter(([, s]) => s === status)
          .map(([c]) => TITLES[c as ErrorCode])
          .join(' / '),
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
    ]),
  );
}

/**
 * A JSON response entry for createRoute, so every route declares its content the same way.
 * @example responses: { 200: jsonResponse(CountrySchema, 'The country'), ...problemResponses(404) }
 */
export function jsonResponse<T>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}
