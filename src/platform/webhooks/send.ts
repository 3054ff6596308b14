/**
 * One signed POST to a webhook. Redirects are not followed (a 3xx is a failed attempt: the
 * receiver should register its final address), the response body is read and thrown away, and
 * the attempt gives up after `timeoutMs`. The outcome is a status code or a short error code —
 * never the body or the error's text, which may quote personal data or the secret's neighbours.
 */
import http from 'node:http';
import https from 'node:https';
import { guardedLookup, internalLiteral } from '../outbound/index.js';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './signature.js';

export interface SignedPost {
  readonly url: string;
  readonly secret: string;
  readonly deliveryId: string;
  readonly event: string;
  readonly body: string;
  readonly timeoutMs: number;
  /** Private and loopback addresses allowed (tests, local trials; never production). */
  readonly allowInternal: boolean;
  readonly now?: () => number;
}

export interface SendOutcome {
  readonly statusCode: number | null;
  /** null when the receiver answered 2xx; else `http-<code>`, `timeout`, `internal-address` or a socket error code. */
  readonly error: string | null;
  readonly durationMs: number;
}

class InternalAddress extends Error {
  readonly code = 'internal-address';
}

const codeOf = (error: unknown): string => {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code.slice(0, 40) : 'request-failed';
};

/**
 * @example await sendSigned({ url, secret, deliveryId, event: 'ping', body, timeoutMs: 10_000, allowInternal: false })
 */
export function sendSigned(post: SignedPost): Promise<SendOutcome> {
  const started = performance.now();
  const timestamp = Math.floor((post.now ?? Date.now)() / 1000);
  const url = new URL(post.url);
  const client = url.protocol === 'https:' ? https : http;
  const elapsed = () => Math.round(performance.now() - started);
  // An address written as an IP is never looked up, so the lookup's guard would not see it.
  if (!post.allowInternal && internalLiteral(url) !== undefined)
    return Promise.resolve({ statusCode: null, error: 'internal-address', durationMs: elapsed() });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<SendOutcome, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, durationMs: elapsed() });
    };
    const request = client.request(
      url,
      {
        method: 'POST',
        lookup: guardedLookup(post.allowInternal, () => new InternalAddress()),
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': Buffer.byteLength(post.body),
          'User-Agent': 'DCP-Webhooks/1',
          [EVENT_HEADER]: post.event,
          [DELIVERY_HEADER]: post.deliveryId,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(post.secret, timestamp, post.body),
        },
      },
      (response) => {
        response.resume();
        const status = response.statusCode ?? 0;
        response.on('end', () => finish({ statusCode: status, error: status >= 200 && status < 300 ? null : `http-${status}` }));
        response.on('error', (error) => finish({ statusCode: status, error: codeOf(error) }));
      },
    );
    const timer = setTimeout(() => {
      finish({ statusCode: null, error: 'timeout' });
      request.destroy();
    }, post.timeoutMs);
    request.on('error', (error) => finish({ statusCode: null, error: codeOf(error) }));
    request.end(post.body);
  });
}
