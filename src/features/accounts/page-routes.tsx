/** Every HTML route of accounts: sign-in/out/up, reset, confirmations, /account, /admin/outbox. */
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { accountRoutes } from './account-routes.js';
import { outboxRoutes } from './outbox-routes.js';
import { resetRoutes } from './reset-routes.js';
import { signInRoutes, type SignInOptions } from './sign-in-routes.js';

export type { SignInAlternative } from './sign-in-routes.js';
export type AccountPagesOptions = SignInOptions;

export function accountPages(deps: Deps, options: AccountPagesOptions = {}) {
  return new Hono<AppEnv>()
    .route('/', signInRoutes(deps, options))
    .route('/', resetRoutes(deps))
    .route('/', accountRoutes(deps))
    .route('/', outboxRoutes(deps));
}
