import { createHmac } from 'node:crypto';
import { HOTP, Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { currentTotp, matchTotp, newTotpSecret, totpUri } from './totp.js';

describe('TOTP (RFC 6238)', () => {
  // RFC 6238 Appendix B: SHA-1, 8 digits, the ASCII secret "12345678901234567890".
  const rfcSecret = Secret.fromLatin1('12345678901234567890');
  const vectors: [number, string][] = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];

  it.each(vectors)('the library we use gives the RFC 6238 code at T=%i', (seconds, code) => {
    expect(TOTP.generate({ secret: rfcSecret, algorithm: 'SHA1', digits: 8, period: 30, timestamp: seconds * 1000 })).toBe(code);
  });

  it('agrees with an HMAC-SHA1 computed by node:crypto (RFC 4226 dynamic truncation)', () => {
    const secret = newTotpSecret();
    const now = 1_700_000_000_000;
    const counter = Buffer.alloc(8);
    counter.writeBigUInt64BE(BigInt(Math.floor(now / 30_000)));
    const mac = createHmac('sha1', Buffer.from(Secret.fromBase32(secret).bytes))
      .update(counter)
      .digest();
    const offset = mac[mac.length - 1]! & 0xf;
    const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
    expect(currentTotp(secret, now)).toBe(String(value).padStart(6, '0'));
    expect(HOTP.generate({ secret: Secret.fromBase32(secret), counter: Math.floor(now / 30_000) })).toBe(currentTotp(secret, now));
  });

  it('accepts the current code and one step of drift, and says which step matched', () => {
    const secret = newTotpSecret();
    const now = 1_700_000_015_000;
    const step = Math.floor(now / 30_000);
    expect(matchTotp(secret, currentTotp(secret, now), now)).toBe(step);
    expect(matchTotp(secret, currentTotp(secret, now - 30_000), now)).toBe(step - 1);
    expect(matchTotp(secret, currentTotp(secret, now + 30_000), now)).toBe(step + 1);
    expect(matchTotp(secret, currentTotp(secret, now - 90_000), now)).toBeUndefined();
  });

  it('refuses malformed codes without looking further', () => {
    const secret = newTotpSecret();
    expect(matchTotp(secret, '12345')).toBeUndefined();
    expect(matchTotp(secret, 'abcdef')).toBeUndefined();
  });

  it('makes 160-bit secrets and an otpauth URI apps read', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(totpUri(secret, 'ana@example.org')).toMatch(/^otpauth:\/\/totp\/Digital%20Cooperation%20Platform:ana%40example\.org\?.*secret=/);
  });
});
