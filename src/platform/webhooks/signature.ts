/**
 * The signature every webhook request carries (README.md here is the receivers' reference):
 * `X-DCP-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>` with the timestamp
 * (Unix seconds, this attempt's) in `X-DCP-Timestamp`. Signing the timestamp with the body lets a
 * receiver refuse a replayed request (older than its tolerance) without any state of its own;
 * `X-DCP-Delivery` (the same on every retry) lets it drop a retry it already handled.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-DCP-Signature';
export const TIMESTAMP_HEADER = 'X-DCP-Timestamp';
export const DELIVERY_HEADER = 'X-DCP-Delivery';
export const EVENT_HEADER = 'X-DCP-Event';
/** How old a signed request a receiver should still accept (what we advise; receivers choose). */
export const TOLERANCE_SECONDS = 300;

/**
 * @example signWebhook('whsec_…', 1796000000, '{"event":"ping"}') // 'sha256=5d1c…'
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * What a receiver does (and our tests do): recompute, compare in constant time, refuse a stale
 * timestamp. Returns why a request is refused, or null when it is genuine.
 * @example verifyWebhook(secret, { signature, timestamp }, rawBody) // null
 */
export function verifyWebhook(
  secret: string,
  headers: { signature: string | undefined; timestamp: string | undefined },
  body: string,
  now = Date.now(),
  toleranceSeconds = TOLERANCE_SECONDS,
): 'missing' | 'stale' | 'mismatch' | null {
  if (!headers.signature || !headers.timestamp || !/^\d{1,12}$/.test(headers.timestamp)) return 'missing';
  const timestamp = Number(headers.timestamp);
  if (Math.abs(now / 1000 - timestamp) > toleranceSeconds) return 'stale';
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : 'mismatch';
}
