/**
 * Sign-in with OpenID Connect (authorization code flow with PKCE, state and
 * nonce) through `openid-client`. The provider must vouch for the e-mail
 * address (`email_verified: true`); the person is then found or created by
 * that address and joins every organisation mapping its domain, as a member.
 */
import { safeReturnPath as sameSitePath } from '../../http/safe-redirect.js';
import { createHash, timingSafeEqual } from 'node:crypto';
import * as oidc from 'openid-client';
import type { OidcConfig } from '../../config/config.js';
import { secondFactorRequired } from '../../core/policy/policy.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../http/app-error.js';
import { accountForVerifiedAddress } from '../accounts/index.js';
import { recordAudit, recordSignIn } from '../audit/index.js';
import { joinByEmailDomain } from '../organisations/index.js';
import * as repo from './repository.js';

const LOGIN_MINUTES = 10;
const hash = (value: string) => createHash('sha256').update(value).digest();

/** A path on this site to return to; anything else (another origin, `//evil`) becomes `/`. */
export function safeReturnPath(next: string | undefined): string {
  return sameSitePath(next, '/');
}

/** Providers on the loopback address (development, tests) may speak plain http; any other must use https. */
function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** The provider's configuration, discovered once per app and retried after a failure. */
export function oidcClient(settings: OidcConfig) {
  let discovered: Promise<oidc.Configuration> | undefined;
  return function configuration(): Promise<oidc.Configuration> {
    if (!discovered) {
      const issuer = new URL(settings.issuer);
      discovered = oidc
        .discovery(issuer, settings.clientId, settings.clientSecret, oidc.ClientSecretBasic(settings.clientSecret), {
          ...(issuer.protocol === 'http:' && isLoopback(issuer) ? { execute: [oidc.allowInsecureRequests] } : {}),
          timeout: 10,
        })
        .catch((error: unknown) => {
          discovered = undefined;
          throw error;
        });
    }
    return discovered;
  };
}
export type OidcClient = ReturnType<typeof oidcClient>;

/**
 * Starts a sign-in: remembers the PKCE verifier and nonce under the state, and
 * returns the provider's authorization URL and the state for the browser cookie.
 */
export async function beginSignIn(
  db: Db,
  settings: OidcConfig,
  client: OidcClient,
  next: string | undefined,
): Promise<{ url: URL; state: string }> {
  const configuration = await client();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  await repo.insertLogin(db, {
    state_hash: hash(state),
    code_verifier: codeVerifier,
    nonce,
    return_to: safeReturnPath(next),
    expires_at: new Date(Date.now() + LOGIN_MINUTES * 60_000),
  });
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: settings.redirectUrl,
    scope: 'openid email profile',
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { url, state };
}

export interface SsoSignIn {
  readonly userId: string;
  readonly created: boolean;
  /** True when the account must still give a second factor (TOTP on, or an admin/coordinator). */
  readonly secondFactorOwed: boolean;
  /** What the browser does next: nothing more, enter its TOTP code, or (admins, coordinators without one) enrol. */
  readonly step: 'signed-in' | 'second-factor' | 'enrol';
  readonly returnTo: string;
  readonly joined: string[];
}

/**
 * Finishes a sign-in from the provider's redirect: checks that the state
 * matches the browser's cookie, redeems the code with the verifier, checks the
 * ID token's nonce, then finds or creates the person.
 */
export async function completeSignIn(
  db: Db,
  settings: OidcConfig,
  client: OidcClient,
  input: { query: URLSearchParams; cookieState: string | undefined; requestId?: string | null },
): Promise<SsoSignIn> {
  const state = input.query.get('state') ?? '';
  const cookie = input.cookieState ?? '';
  if (!state || state.length !== cookie.length || !timingSafeEqual(Buffer.from(state), Buffer.from(cookie))) {
    throw new AppError('forbidden', 'This sign-in did not start in this browser, or took too long; start again');
  }
  const login = await repo.takeLogin(db, hash(state));
  if (!login) throw new AppError('forbidden', 'This sign-in did not start in this browser, or took too long; start again');
  if (input.query.has('error')) throw new AppError('forbidden', 'The sign-in provider refused the sign-in');

  const configuration = await client();
  const callback = new URL(settings.redirectUrl);
  callback.search = input.query.toString();
  let claims: oidc.IDToken | undefined;
  let accessToken: string;
  try {
    const tokens = await oidc.authorizationCodeGrant(configuration, callback, {
      pkceCodeVerifier: login.code_verifier,
      expectedState: state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
    accessToken = tokens.access_token;
  } catch {
    throw new AppError('forbidden', 'The sign-in provider’s answer could not be verified; start again');
  }
  if (!claims) throw new AppError('forbidden', 'The sign-in provider sent no identity');
  // Providers that keep the ID token small give e-mail and name at the userinfo endpoint instead.
  const identity: Record<string, unknown> =
    typeof claims['email'] === 'string' ? claims : await oidc.fetchUserInfo(configuration, accessToken, claims.sub);
  const email = typeof identity['email'] === 'string' ? identity['email'].trim().toLowerCase() : undefined;
  if (!email || identity['email_verified'] !== true)
    throw new AppError('forbidden', 'The sign-in provider did not confirm an e-mail address for this account');
  const givenName = typeof identity['name'] === 'string' ? identity['name'].trim().slice(0, 200) : '';
  const name = givenName || email.split('@')[0]!;
  const address = email;

  return db.transaction().execute(async (tx) => {
    const user = await accountForVerifiedAddress(tx, address, name);
    if (!user) throw new AppError('conflict', 'This account was being created at the same time; try again');
    if (user.created) {
      await recordAudit(tx, {
        actor: { kind: 'system' },
        action: 'user.create',
        resourceType: 'user',
        resourceId: user.id,
        subjectId: user.id,
        after: { via: 'oidc' },
        requestId: input.requestId,
      });
    }
    const joined = await joinByEmailDomain(tx, user.id, address, input.requestId);
    const step = user.totpEnabled ? 'second-factor' : secondFactorRequired(user.platformRole) ? 'enrol' : 'signed-in';
    // A sign-in still owing its second factor is recorded when that step completes (accounts/two-factor.ts).
    if (step === 'signed-in') await recordSignIn(tx, { userId: user.id, method: 'oidc', requestId: input.requestId });
    return { userId: user.id, created: user.created, joined, returnTo: login.return_to, secondFactorOwed: step !== 'signed-in', step };
  });
}
