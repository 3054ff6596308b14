/**
 * The webhook mechanism without a database: the signature receivers verify (a known vector, a
 * changed body, a wrong secret, a stale or missing timestamp), sealed secrets (round trip, a
 * tampered row or another key refused), the address rules, and the internal-address guard for
 * names that resolve inside the network as well as IP literals.
 */
import { createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isInternalAddress,
  newWebhookSecret,
  openSecret,
  sealSecret,
  sendSigned,
  signWebhook,
  verifyWebhook,
  webhookAddressProblem,
} from './index.js';

const own = { publicUrl: 'https://dcp.example.org', host: '127.0.0.1', port: 3000 };

describe('webhook signature', () => {
  it('is HMAC-SHA256 in hex over "<timestamp>.<body>", as the README tells receivers', () => {
    const body = '{"event":"ping"}';
    const expected = createHmac('sha256', 'whsec_test').update(`1796000000.${body}`).digest('hex');
    expect(signWebhook('whsec_test', 1796000000, body)).toBe(`sha256=${expected}`);
  });

  it('verifies any genuine body and refuses any change to it, another secret, a stale or a missing timestamp', () => {
    const details = fc.check(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (body, extra) => {
        const now = Date.now();
        const timestamp = String(Math.floor(now / 1000));
        const headers = { signature: signWebhook('s3cret', Number(timestamp), body), timestamp };
        return (
          verifyWebhook('s3cret', headers, body, now) === null &&
          verifyWebhook('s3cret', headers, body + extra, now) === 'mismatch' &&
          verifyWebhook('other', headers, body, now) === 'mismatch' &&
          verifyWebhook('s3cret', headers, body, now + 301_000) === 'stale' &&
          verifyWebhook('s3cret', { ...headers, timestamp: undefined }, body, now) === 'missing'
        );
      }),
      { numRuns: 200 },
    );
    expect(details.failed, fc.defaultReportMessage(details) ?? '').toBe(false);
  });
});

describe('sealed secrets', () => {
  it('open with the key they were sealed with, and refuse another key or a changed byte', () => {
    const key = randomBytes(32);
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const sealed = sealSecret(key, secret);
    expect(sealed.toString('latin1')).not.toContain(secret.slice(6));
    expect(openSecret(key, sealed)).toBe(secret);
    expect(() => openSecret(randomBytes(32), sealed)).toThrow('unable to authenticate data');
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => openSecret(key, tampered)).toThrow('unable to authenticate data');
  });
});

describe('webhook addresses', () => {
  it('refuses other schemes, credentials and the platform itself, and takes ordinary web addresses', () => {
    expect(webhookAddressProblem('ftp://files.example.org/x', own)).toBe('not-http');
    expect(webhookAddressProblem('javascript:alert(1)', own)).toBe('not-http');
    expect(webhookAddressProblem('not a url', own)).toBe('invalid');
    expect(webhookAddressProblem('https://user:pw@chat.example.org/h', own)).toBe('credentials');
    expect(webhookAddressProblem('https://DCP.example.org/api/v1/needs', own)).toBe('own-host');
    expect(webhookAddressProblem('http://localhost:3000/api', own)).toBe('own-host');
    expect(webhookAddressProblem('http://[::1]:3000/api', own)).toBe('own-host');
    expect(webhookAddressProblem('https://chat.example.org/hooks/dcp', own)).toBeNull();
    expect(webhookAddressProblem('http://127.0.0.1:3001/receiver', own)).toBeNull();
  });

  it('knows internal addresses (loopback, private, link-local, CGNAT, unique-local, mapped)', () => {
    for (const a of [
      '127.0.0.1',
      '10.2.3.4',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '::1',
      'fd00::1',
      '::ffff:10.0.0.1',
    ])
      expect(isInternalAddress(a), a).toBe(true);
    for (const a of ['8.8.8.8', '1.1.1.1', '2001:4860:4860::8888']) expect(isInternalAddress(a), a).toBe(false);
  });

  it('refuses to connect to an internal address unless allowed, whether written as an IP or as a name', async () => {
    const post = { secret: 's', deliveryId: 'd', event: 'ping', body: '{}', timeoutMs: 2000, allowInternal: false };
    expect(await sendSigned({ ...post, url: 'http://127.0.0.1:9/x' })).toMatchObject({ statusCode: null, error: 'internal-address' });
    expect(await sendSigned({ ...post, url: 'http://[::1]:9/x' })).toMatchObject({ statusCode: null, error: 'internal-address' });
    expect(await sendSigned({ ...post, url: 'http://localhost:9/x' })).toMatchObject({ statusCode: null, error: 'internal-address' });
  });
});
