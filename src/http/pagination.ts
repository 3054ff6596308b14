/**
 * Keyset pagination shared by every list: `limit` and an opaque `cursor` in,
 * `{ data, next }` out. The cursor encodes the last key seen, never an offset,
 * so pages stay stable while data changes and deep pages stay cheap.
 */
import { z } from '@hono/zod-openapi';
import { AppError } from './app-error.js';
import { text } from './text.js';

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100).openapi({ description: 'Items per page (1–500)', example: 100 }),
  cursor: text().max(200).optional().openapi({ description: 'The `next` value of the previous page' }),
});

/** The `{ data, next }` envelope of a list of `item`. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    next: z.string().nullable().openapi({ description: 'Cursor of the following page, or null on the last page' }),
  });
}

/** @example encodeCursor('004') // 'IjAwNCI' */
export function encodeCursor(key: string | number): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Decodes a cursor made by encodeCursor, refusing anything else with a 400. */
export function decodeCursor<T extends z.ZodType>(cursor: string | undefined, key: T): z.infer<T> | undefined {
  if (cursor === undefined) return undefined;
  try {
    return key.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('validation-failed', 'query.cursor: not a cursor from this list; pass the `next` value of the previous page', [
      { field: 'query.cursor', message: 'not a cursor from this list' },
    ]);
  }
}

/**
 * Cuts one extra row fetched past `limit` into the page and its next cursor.
 * @example paginate(rows, 100, (r) => r.m49) // { items, next }
 */
export function paginate<T>(rows: T[], limit: number, keyOf: (row: T) => string | number): { items: T[]; next: string | null } {
  if (rows.length <= limit) return { items: rows, next: null };
  const items = rows.slice(0, limit);
  return { items, next: encodeCursor(keyOf(items[items.length - 1]!)) };
}
