/** What the offering and need routes share: JSON-or-CSV list content, the CSV response and who asks. */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../http/app-env.js';
import { actorOf } from '../../http/authorise.js';
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
