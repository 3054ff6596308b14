/**
 * Time-based one-time passwords (RFC 6238): SHA-1, six digits, 30-second
 * steps, one step of clock drift either way. The accepted step is returned so
 * the caller can refuse a code used before (replay).
 */
import { Secret, TOTP } from 'otpauth';

const PERIOD = 30;
const ISSUER = 'Digital Cooperation Platform';

/** A new 160-bit secret, base32 as authenticator apps expect. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads (typed in or scanned). */
export function totpUri(secret: string, accountLabel: string): string {
  return new TOTP({ issuer: ISSUER, label: accountLabel, secret: Secret.fromBase32(secret), period: PERIOD }).toString();
}

/**
 * The time step a code matches, or undefined when it matches none in the window.
 * @example matchTotp(secret, '123456', Date.now()) // 59_123_456 or undefined
 */
export function matchTotp(secret: string, code: string, now = Date.now()): number | undefined {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return undefined;
  const delta = TOTP.validate({ token, secret: Secret.fromBase32(secret), period: PERIOD, timestamp: now, window: 1 });
  return delta === null ? undefined : Math.floor(now / 1000 / PERIOD) + delta;
}

/** The current code for a secret (tests and the CLI). */
export function currentTotp(secret: string, now = Date.now()): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), period: PERIOD, timestamp: now });
}
