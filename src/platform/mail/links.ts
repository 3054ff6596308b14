/**
 * Absolute links in mails. Built from DCP_PUBLIC_URL, never from the request's
 * Host header (which a requester controls: a poisoned reset link would hand
 * them the token); without it, the address the server listens on.
 */
import type { Config } from '../../config/config.js';

/** @example mailLink(config, '/reset-password/confirm', { token: 'abc' }) // 'https://dcp.example/reset-password/confirm?token=abc' */
export function mailLink(config: Pick<Config, 'publicUrl' | 'host' | 'port'>, path: string, params: Record<string, string>): string {
  const base = config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  const url = new URL(path, base.endsWith('/') ? base : `${base}/`);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}
