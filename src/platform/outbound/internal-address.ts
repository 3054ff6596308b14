/**
 * Outgoing requests to addresses people register (harvested catalogues, webhooks) must not reach
 * inside our network (SSRF). Two checks, both needed: an address written as an IP in the URL is
 * never looked up, so it is checked as written (`internalLiteral`); a host name is checked in the
 * connection's own DNS lookup (`guardedLookup`), for every address it resolves to, so a name that
 * resolves differently the second time (DNS rebinding) is caught at connect time. Loopback,
 * private, link-local, CGNAT, unique-local, multicast and unspecified addresses are internal;
 * callers allow them only when the configuration says so (tests, local trials; never production).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';

/** IPv4 as a 32-bit number. */
function v4(address: string): number {
  return address.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

const INTERNAL_V4: readonly (readonly [string, number])[] = [
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
 * Whether an address is not on the public internet.
 * @example isInternalAddress('10.1.2.3') // true
 * @example isInternalAddress('8.8.8.8') // false
 */
export function isInternalAddress(address: string): boolean {
  if (isIP(address) === 4) return INTERNAL_V4.some(([base, bits]) => v4(address) >>> (32 - bits) === v4(base) >>> (32 - bits));
  const a = address.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return isInternalAddress(mapped[1]!);
  return a === '::' || a === '::1' || /^f[cd]/.test(a) || /^fe[89ab]/.test(a) || a.startsWith('ff');
}

/**
 * The URL's host when it is written as an internal IP address (brackets of IPv6 removed), else undefined.
 * @example internalLiteral(new URL('http://[::1]:8080/')) // '::1'
 */
export function internalLiteral(url: URL): string | undefined {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return isIP(host) !== 0 && isInternalAddress(host) ? host : undefined;
}

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A DNS lookup for `http.request({ lookup })` that refuses host names resolving to an internal
 * address (unless `allowInternal`), with the error `refusal` makes.
 * @example http.get(url, { lookup: guardedLookup(false, (host, address) => new Error(`${host} is ${address}`)) })
 */
export function guardedLookup(allowInternal: boolean, refusal: (hostname: string, address: string) => Error) {
  return (hostname: string, options: object, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const internal = addresses.find((a) => isInternalAddress(a.address));
      if (internal && !allowInternal) return callback(refusal(hostname, internal.address), []);
      if ((options as { all?: boolean }).all) return callback(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}
