/**
 * Accounts: sign-up and e-mail verification, sign-in with sessions and TOTP,
 * password reset, change of e-mail, API tokens, CSRF, rate limits and the mails
 * they send (through src/platform/mail).
 * Other features use `c.get('actor')` (set by `authenticate`) and the exports
 * below — never this feature's other modules or its tables.
 */
export { authenticate } from './authenticate.js';
export { requireCsrf, csrfToken, CSRF_FIELD, CSRF_HEADER } from './csrf.js';
export { limitPerIp, hit as hitRateLimit, rateLimited } from './rate-limits.js';
export { limitAnonymousApiReads } from './read-leases.js';
export { clientIp } from './client-ip.js';
export { authApi } from './api-routes.js';
export { tokenApi } from './token-routes.js';
export { accountPages, type AccountPagesOptions, type SignInAlternative } from './page-routes.js';
export { accountNav } from './page-routes.js';
export { createAccount, type CreatedAccount } from './create-account.js';
export { hashPassword, verifyPassword, passwordProblem } from './passwords.js';
export { currentTotp } from './totp.js';
export { SESSION_COOKIE, clearSessionCookie, secureCookies, writeSessionCookie } from './cookies.js';
// Single sign-on opens sessions and finds or creates accounts through these.
export { openSession, type OpenedSession } from './sessions.js';
export { accountForVerifiedAddress, type VerifiedAccount } from './verified-accounts.js';
export { accountExists, emailOfAccount, preferredLanguageOf } from './people.js';
export { accountDataOf, deleteAccountData } from './personal-data.js';
// Asking a signed-in person to prove it is them again (account deletion in privacy).
export { confirmIdentity, proofRequired, REAUTH_MINUTES, type Credential, type ProofKind } from './reauthenticate.js';
// Its background jobs, run by the platform's workers (src/jobs.ts).
export { passwordResetJob } from './password-reset.js';
export { serverSecret } from './server-secrets.js';
