/**
 * Where a webhook may point. Checked when it is registered: http or https only, no user name or
 * password in it, and never the platform itself (its public address, or the host and port it
 * listens on) — a webhook calling our own API would act with nobody's authority and could loop.
 * Checked again at every connection (send.ts): the addresses a name resolves to must be public
 * unless the configuration allows private ones (tests, local trials: never production), so a
 * name that later resolves inside our network (DNS rebinding) is still refused.
 */
import { isIP } from 'node:net';

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

/** IPv4 as a 32-bit number. */
function v4(address: string): number {
  return address.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

const PRIVATE_V4: readonly (readonly [string, number])[] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];

/**
 * Whether an address is not on the public internet (loopback, private, link-local, CGNAT,
 * unique-local, multicast, unspecified).
 * @example isInternalAddress('10.1.2.3') // true
 */
export function isInternalAddress(address: string): boolean {
  if (isIP(address) === 4) return PRIVATE_V4.some(([base, bits]) => v4(address) >>> (32 - bits) === v4(base) >>> (32 - bits));
  const a = address.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return isInternalAddress(mapped[1]!);
  return a === '::' || a === '::1' || /^f[cd]/.test(a) || /^fe[89ab]/.test(a) || a.startsWith('ff');
}
