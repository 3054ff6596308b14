/**
 * DCP_RATE_LIMIT_SCALE relaxes every per-address and per-account limit by one
 * factor, for a security scan against a throwaway instance (npm run security).
 */
import { expect, it } from 'vitest';
import { testApp } from '../support/app.js';
import { createUser, randomAddress } from '../support/auth.js';
import { forEachEngine } from '../support/engines.js';

const attempt = (app: ReturnType<typeof testApp>, from: string, email: string) =>
  app.request('/api/v1/auth/sign-in', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': from },
    body: JSON.stringify({ email, password: 'not the password' }),
  });

forEachEngine('rate limit scale', (t) => {
  it('refuses the eleventh sign-in a minute from one address normally, and twice that at scale 2', async () => {
    const normal = testApp(t.db);
    const from = randomAddress();
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await attempt(normal, from, `n${i}@example.org`)).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);

    const relaxed = testApp(t.db, { DCP_RATE_LIMIT_SCALE: '2' });
    const other = randomAddress();
    const relaxedStatuses = [];
    for (let i = 0; i < 21; i++) relaxedStatuses.push((await attempt(relaxed, other, `r${i}@example.org`)).status);
    expect(relaxedStatuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(relaxedStatuses[20]).toBe(429);
  });

  it('scales the failures an account may have before it is slowed down', async () => {
    const user = await createUser(t.db);
    const relaxed = testApp(t.db, { DCP_RATE_LIMIT_SCALE: '2' });
    const statuses = [];
    for (let i = 0; i < 10; i++) statuses.push((await attempt(relaxed, randomAddress(), user.email)).status);
    // 4 free failures normally, 8 here: the ninth failure blocks the account, so the tenth attempt is refused.
    expect(statuses.slice(0, 9).every((s) => s === 401)).toBe(true);
    expect(statuses[9]).toBe(429);
  });
});
