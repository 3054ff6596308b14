/**
 * Accounts: sign-up and e-mail verification, sign-in with sessions and TOTP,
 * password reset, change of e-mail, API tokens, CSRF, rate limits and mail.
 * Other features use `c.get('actor')` (set by `authenticate`) and the exports below.
 */
export { authenticate } from './authenticate.js';
export { requireCsrf, csrfToken, CSRF_FIELD, CSRF_HEADER } from './csrf.js';
export { sendMail, readOutbox, type Mail } from './mail.js';
export { limitAnonymousApiReads, limitPerIp, hit as hitRateLimit, rateLimited } from './rate-limits.js';
export { clientIp } from './client-ip.js';
export { authApi } from './api-routes.js';
export { tokenApi } from './token-routes.js';
export { accountPages } from './page-routes.js';
export { createAccount, type CreatedAccount } from './create-account.js';
export { hashPassword, verifyPassword, passwordProblem } from './passwords.js';
export { currentTotp } from './totp.js';
export { SESSION_COOKIE } from './cookies.js';
