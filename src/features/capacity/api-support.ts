/**
 * What the offering and need routes share: JSON-or-CSV list content, the CSV response, who asks,
 * and the list routes' bad-filter problems with their detail in the reader's language.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ZodError } from 'zod';
import { AppError } from '../../http/app-error.js';
import type { AppEnv } from '../../http/app-env.js';
import { actorOf } from '../../http/authorise.js';
import { validationError } from '../../http/validation.js';
import { localisedListError, localisedQueryError, type ListKind } from './problem-text.js';
import type { Asker } from './service-support.js';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';

/** A list answered as JSON, or as CSV in the import template with `format=csv`. */
export function listContent<T>(schema: T, csvExample: string) {
  return { 'application/json': { schema }, 'text/csv': { schema: z.string(), example: csvExample } };
}

export function csvDownload(c: Context<AppEnv>, export_: { text: string; count: number; capped: boolean }, filename: string): Response {
  return c.body(export_.text, 200, {
    'Content-Type': CSV_CONTENT_TYPE,
    'Content-Disposition': `attachment; filename="${filename}.csv"`,
    'X-Record-Count': String(export_.count),
    ...(export_.capped ? { 'X-Records-Capped': 'true' } : {}),
  });
}

export const asker = (c: Context<AppEnv>): Asker => ({ actor: actorOf(c), requestId: c.get('requestId') });
export const body = <T>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });

/** The list routes' validation hook: the query's first problem told in the reader's language (`detail`); `fields` stay the schema's. */
export function listQueryHook(kind: ListKind) {
  return (result: { success: boolean; error?: ZodError }, c: Context<AppEnv>): undefined => {
    if (!result.success && result.error) {
      throw localisedQueryError(c.get('lang'), kind, c.req.query(), validationError(result.error, 'query'));
    }
    return undefined;
  };
}

/** Runs a list use case; a filter it refuses (an unknown code, `to` before `from` …) is told in the reader's language. */
export async function localisedFilters<T>(c: Context<AppEnv>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation-failed') throw localisedListError(c.get('lang'), error);
    throw error;
  }
}
