/**
 * Accounts for tests: a builder with overrides (argon2id hash of a known
 * password, verified address) and sign-in through the real API, returning the
 * headers later requests need.
 *
 *   const ana = await createUser(db, { memberships: [{ organisationId, role: 'editor' }] });
 *   const { headers } = await signIn(app, ana.email, ana.password, ana.totpSecret);
 *   await app.request('/api/v1/…', { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body });
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../src/db/database.js';
import { currentTotp, hashPassword } from '../../src/features/accounts/index.js';

export const TEST_PASSWORD = 'correct horse battery staple';

let defaultHash: Promise<string> | undefined;

export interface TestUser {
  readonly id: string;
  readonly email: string;
  readonly password: string;
  readonly displayName: string;
  readonly platformRole: 'admin' | 'coordinator' | null;
  /** Base32 TOTP secret when two-factor sign-in is on (always for admins and coordinators, unless `totp: false`). */
  readonly totpSecret: string | null;
}

export interface UserOverrides {
  email?: string;
  displayName?: string;
  password?: string;
  platformRole?: 'admin' | 'coordinator' | null;
  verified?: boolean;
  /** Two-factor sign-in on; defaults to on for admins and coordinators (who must have it). */
  totp?: boolean;
  memberships?: { organisationId: string; role: 'owner' | 'editor' | 'member' }[];
}

// A fixed, valid base32 secret per user would make codes collide across tests; make one each.
function base32Secret(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return [...randomBytes(32)].map((b) => alphabet[b % 32]).join('');
}

/** Inserts a user (and memberships) directly, ready to sign in. */
export async function createUser(db: Db, overrides: UserOverrides = {}): Promise<TestUser> {
  const password = overrides.password ?? TEST_PASSWORD;
  const passwordHash =
    overrides.password === undefined ? await (defaultHash ??= hashPassword(TEST_PASSWORD)) : await hashPassword(password);
  const platformRole = overrides.platformRole ?? null;
  const totpSecret = (overrides.totp ?? platformRole !== null) ? base32Secret() : null;
  const email = (overrides.email ?? `user-${randomBytes(5).toString('hex')}@example.org`).toLowerCase();
  const displayName = overrides.displayName ?? 'Test Person';
  const row = await db
    .insertInto('users')
    .values({
      email,
      display_name: displayName,
      password_hash: passwordHash,
      platform_role: platformRole,
      email_verified_at: overrides.verified === false ? null : sql<Date>`now()`,
      totp_secret: totpSecret,
      totp_enabled_at: totpSecret ? sql<Date>`now()` : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const m of overrides.memberships ?? []) {
    await db.insertInto('memberships').values({ organisation_id: m.organisationId, user_id: row.id, role: m.role }).execute();
  }
  return { id: row.id, email, password, displayName, platformRole, totpSecret };
}

export interface SignedIn {
  /** The Cookie header value: `dcp_session=…`. */
  readonly cookie: string;
  /** The CSRF token to send as X-CSRF-Token (or the `_csrf` form field). */
  readonly csrf: string;
  /** Both, ready to spread into a request's headers. */
  readonly headers: { Cookie: string; 'X-CSRF-Token': string };
}

interface RequestingApp {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

/**
 * Signs in through POST /api/v1/auth/sign-in and returns the headers for later
 * requests. Pass the TOTP secret for accounts with two-factor sign-in. Each call
 * comes from its own address, so tests never trip the per-address sign-in limit.
 */
export async function signIn(app: RequestingApp, email: string, password: string, totpSecret?: string | null): Promise<SignedIn> {
  const response = await app.request('/api/v1/auth/sign-in', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': randomAddress() },
    body: JSON.stringify({ email, password, ...(totpSecret ? { totp: currentTotp(totpSecret) } : {}) }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  const setCookie = response.headers.get('set-cookie') ?? '';
  const session = /dcp_session=([^;]+)/.exec(setCookie)?.[1];
  if (!session) throw new Error('sign-in set no session cookie');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = `dcp_session=${session}`;
  return { cookie, csrf: csrfToken, headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken } };
}

/** Signs in as a user made by createUser. */
export function signInAs(app: RequestingApp, user: TestUser): Promise<SignedIn> {
  return signIn(app, user.email, user.password, user.totpSecret);
}

/** A documentation address (RFC 5737) per call. */
export function randomAddress(): string {
  const [a = 0, b = 0] = randomBytes(2);
  return `198.51.${a}.${b}`;
}
