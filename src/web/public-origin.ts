/**
 * The address the public knows the platform by (DCP_PUBLIC_URL), for text that leaves the
 * browser: the printed page's "printed from" line. Behind a proxy the request's own host is an
 * internal one (127.0.0.1:3000) that means nothing on paper.
 */
import type { MiddlewareHandler } from 'hono';

declare module 'hono' {
  interface ContextVariableMap {
    /** The public origin (`https://dcp.example.org`), or undefined when DCP_PUBLIC_URL is not set. */
    publicOrigin: string | undefined;
  }
}

/** @example app.use(publicOrigin(config.publicUrl)) */
export function publicOrigin(publicUrl: string | undefined): MiddlewareHandler {
  const origin = publicUrl === undefined ? undefined : new URL(publicUrl).origin;
  return async (c, next) => {
    c.set('publicOrigin', origin);
    await next();
  };
}

/** `url` as the public knows it: same path and query under the public origin, when one is configured. */
export function publicAddress(url: URL, origin: string | undefined): string {
  return origin === undefined ? url.href : new URL(`${url.pathname}${url.search}`, origin).href;
}
