/**
 * Webhook secrets: made here (shown to the organisation once), kept sealed with AES-256-GCM under
 * a key the server generated for itself (server_secrets, migration 500, through the caller). The
 * platform has to sign with the secret, so a one-way hash would not do; a copy of the table alone
 * (a leaked backup without the key row, a log) reveals nothing, and GCM refuses a tampered row.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A new secret: 32 random bytes, prefixed so that people recognise it in their vaults. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** iv ‖ tag ‖ ciphertext. @example sealSecret(key, 'whsec_…').length // 12 + 16 + 49 */
export function sealSecret(key: Buffer, secret: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.subarray(0, 32), iv);
  const text = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), text]);
}

/** The secret again; throws when the row or the key changed. */
export function openSecret(key: Buffer, sealed: Buffer): string {
  const decipher = createDecipheriv('aes-256-gcm', key.subarray(0, 32), sealed.subarray(0, IV_BYTES));
  decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}
