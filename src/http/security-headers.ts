/**
 * The security headers of every response. The framing rules agree with each
 * other (CSP `frame-ancestors 'none'` and `X-Frame-Options: DENY`, for browsers
 * that know only the older header), and HSTS is sent when the platform's public
 * address is https — decided from configuration, never from the request, which
 * behind a TLS proxy arrives as plain http.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Config } from '../config/config.js';
import { inlineStyles, offlineRegistration } from '../web/assets.js';

/** One year; without includeSubDomains, since other services may share the parent domain. */
export const HSTS = 'max-age=31536000';

/** @example app.use(securityHeaders(config)) */
export function securityHeaders(config: Pick<Config, 'hsts'>): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      // Inline: exactly the page's stylesheet and the offline-reading registration, by hash (web/assets.ts).
      scriptSrc: ["'self'", offlineRegistration.hash],
      styleSrc: ["'self'", inlineStyles.hash],
      workerSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      objectSrc: ["'none'"],
    },
    xFrameOptions: 'DENY',
    strictTransportSecurity: config.hsts ? HSTS : false,
    crossOriginEmbedderPolicy: false,
  });
}
