/**
 * Where a webhook may point. Checked when it is registered: http or https only, no user name or
 * password in it, and never the platform itself (its public address, or the host and port it
 * listens on) — a webhook calling our own API would act with nobody's authority and could loop.
 * Checked again at every connection (send.ts): the addresses a name resolves to must be public
 * unless the configuration allows private ones (tests, local trials: never production), so a
 * name that later resolves inside our network (DNS rebinding) is still refused.
 */
export type AddressProblem = 'not-http' | 'credentials' | 'own-host' | 'invalid';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '0.0.0.0', '::']);

/** A host name lower-cased, an IPv6 address without its brackets. */
const bare = (host: string) => host.toLowerCase().replace(/^\[|\]$/g, '');

/** Host and port as a URL states them, the default port filled in. */
function endpointOf(url: URL): string {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${bare(url.hostname)}:${port}`;
}

/**
 * @example webhookAddressProblem('ftp://x.org/', own) // 'not-http'
 * @example webhookAddressProblem('https://chat.example.org/hooks/1', own) // null
 */
export function webhookAddressProblem(
  address: string,
  own: { readonly publicUrl: string | undefined; readonly host: string; readonly port: number },
): AddressProblem | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return 'invalid';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'not-http';
  if (url.username !== '' || url.password !== '') return 'credentials';
  const target = endpointOf(url);
  if (own.publicUrl && url.hostname.toLowerCase() === new URL(own.publicUrl).hostname.toLowerCase()) return 'own-host';
  const listening = new Set([`${bare(own.host)}:${own.port}`]);
  if (LOOPBACK_NAMES.has(own.host.toLowerCase())) for (const name of LOOPBACK_NAMES) listening.add(`${name}:${own.port}`);
  return listening.has(target) ? 'own-host' : null;
}

export { isInternalAddress } from '../outbound/index.js';
