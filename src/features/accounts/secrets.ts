/**
 * Random secrets and their digests. What the server stores is always the
 * SHA-256 of what it hands out, so a copy of the database opens nothing.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A URL-safe random string of `bytes` random bytes (16 bytes = 128 bits).
 * @example randomSecret(16) // 'q3X…' (22 characters)
 */
export function randomSecret(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

/** @example sha256('abc').length // 32 */
export function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Compares two strings in time independent of where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const left = sha256(a);
  const right = sha256(b);
  return timingSafeEqual(left, right);
}

/** Normalised form of an e-mail address, as stored: trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
