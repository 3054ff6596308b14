/**
 * Turns Zod validation failures from any route into one `validation-failed`
 * AppError whose fields say where and what to fix.
 */
import type { ZodError } from 'zod';
import { AppError } from './app-error.js';

type Target = 'json' | 'form' | 'query' | 'param' | 'header' | 'cookie';
const TARGET_NAMES: Record<Target, string> = {
  json: 'body',
  form: 'body',
  query: 'query',
  param: 'path',
  header: 'header',
  cookie: 'cookie',
};

/**
 * @example validationError(zodError, 'query') // AppError with fields [{ field: 'query.limit', ... }]
 */
export function validationError(error: ZodError, target: string): AppError {
  const prefix = TARGET_NAMES[target as Target] ?? target;
  const fields = error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  const first = fields[0];
  return new AppError('validation-failed', first ? `${first.field}: ${first.message}` : 'The request is not valid', fields);
}
