/**
 * Keyset cursors of search results: the sort key of the last hit of a page,
 * opaque to clients. By relevance the key is (rank, id), by date (listed_at, id);
 * the time travels as PostgreSQL's own text so that microseconds survive.
 */
import { z } from 'zod';
import { AppError } from '../../http/app-error.js';

const RelevanceKey = z.tuple([z.literal('r'), z.number().finite(), z.uuid()]);
const DateKey = z.tuple([
  z.literal('d'),
  z
    .string()
    .max(40)
    .regex(/^\d{4}-\d{2}-\d{2}[ T][\d:.+-]+$/),
  z.uuid(),
]);
const Key = z.union([RelevanceKey, DateKey]);
export type SearchKey = z.infer<typeof Key>;

/** @example encodeSearchCursor(['d', '2026-11-30 10:00:00.123456+00', id]) */
export function encodeSearchCursor(key: SearchKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The key in `cursor`, which must be of `kind`; a 400 naming `query.cursor` otherwise. */
export function decodeSearchCursor<K extends SearchKey[0]>(
  cursor: string | undefined,
  kind: K,
): Extract<SearchKey, [K, ...unknown[]]> | undefined {
  if (cursor === undefined) return undefined;
  let key: SearchKey | undefined;
  try {
    key = Key.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    key = undefined;
  }
  if (!key || key[0] !== kind) {
    throw new AppError(
      'validation-failed',
      'query.cursor: not a cursor of this search and sort order; pass the `next` value of the previous page',
      [{ field: 'query.cursor', message: 'not a cursor of this search and sort order' }],
    );
  }
  return key as Extract<SearchKey, [K, ...unknown[]]>;
}
