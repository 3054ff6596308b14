/**
 * Issue 13, findings 5 and 8 (framing): the Secure flag of cookies and HSTS come
 * from configuration, never from the request. Behind a TLS proxy the request
 * says `Host: 127.0.0.1:3000` over plain http; the cookie must stay Secure.
 * X-Frame-Options agrees with CSP frame-ancestors 'none'.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { testApp } from '../support/app.js';
import { createUser, randomAddress } from '../support/auth.js';
import { forEachEngine } from '../support/engines.js';

const signInBody = (email: string, password: string) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': randomAddress() },
  body: JSON.stringify({ email, password }),
});

describe('cookie and HSTS configuration', () => {
  it('derives Secure from an explicit variable, else the public URL, else production', () => {
    expect(loadConfig({ DCP_SECURE_COOKIES: 'true' }).secureCookies).toBe(true);
    expect(loadConfig({ DCP_SECURE_COOKIES: 'false', DCP_PUBLIC_URL: 'https://dcp.example.org' }).secureCookies).toBe(false);
    expect(loadConfig({ DCP_PUBLIC_URL: 'https://dcp.example.org' }).secureCookies).toBe(true);
    expect(loadConfig({ DCP_PUBLIC_URL: 'http://localhost:3000' }).secureCookies).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production' }).secureCookies).toBe(true);
    expect(loadConfig({}).secureCookies).toBe(false);
  });

  it('sends HSTS only for an https public URL, and refuses a public URL that is not http(s)', () => {
    expect(loadConfig({ DCP_PUBLIC_URL: 'https://dcp.example.org' }).hsts).toBe(true);
    expect(loadConfig({ DCP_PUBLIC_URL: 'http://dcp.example.org' }).hsts).toBe(false);
    expect(() => loadConfig({ DCP_PUBLIC_URL: 'ftp://dcp.example.org' })).toThrow(/DCP_PUBLIC_URL/);
  });
});

forEachEngine('cookies and security headers', (t) => {
  it('keeps dcp_session Secure behind a TLS proxy that sends Host: 127.0.0.1:3000 over http', async () => {
    const user = await createUser(t.db);
    const app = testApp(t.db, { DCP_PUBLIC_URL: 'https://dcp.example.org' });
    const response = await app.request('http://127.0.0.1:3000/api/v1/auth/sign-in', signInBody(user.email, user.password));
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/^dcp_session=[^;]+;.*\bSecure\b/);
    const form = await app.request('http://127.0.0.1:3000/sign-in', { headers: { 'X-Forwarded-For': randomAddress() } });
    expect(form.headers.get('set-cookie')).toMatch(/^dcp_csrf=[^;]+;.*\bSecure\b/);
  });

  it('sends HSTS on every response when the public URL is https, whatever the request scheme', async () => {
    const app = testApp(t.db, { DCP_PUBLIC_URL: 'https://dcp.example.org' });
    for (const path of ['/', '/api/v1/countries/KEN', '/no/such/page']) {
      const response = await app.request(`http://127.0.0.1:3000${path}`, { headers: { 'X-Forwarded-For': randomAddress() } });
      expect(response.headers.get('strict-transport-security'), path).toBe('max-age=31536000');
    }
  });

  it('does not mark cookies Secure nor send HSTS because a request claims https', async () => {
    const user = await createUser(t.db);
    const app = testApp(t.db, { DCP_PUBLIC_URL: 'http://localhost:3000' });
    const response = await app.request('https://dcp.example.org/api/v1/auth/sign-in', signInBody(user.email, user.password));
    expect(response.headers.get('set-cookie')).not.toMatch(/Secure/);
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('forbids framing with both X-Frame-Options: DENY and CSP frame-ancestors none', async () => {
    const response = await testApp(t.db).request('/', { headers: { 'X-Forwarded-For': randomAddress() } });
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
