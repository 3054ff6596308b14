/** Every HTML route of accounts: sign-in/out/up, reset, confirmations, /account, /admin/outbox. */
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../../http/app-env.js';
import type { NavEntry } from '../../web/navigation.js';
import { accountRoutes } from './account-routes.js';
import { outboxRoutes } from './outbox-routes.js';
import { resetRoutes } from './reset-routes.js';
import { signInRoutes, type SignInOptions } from './sign-in-routes.js';

export type { SignInAlternative } from './sign-in-routes.js';
export type AccountPagesOptions = SignInOptions;

/** The main navigation's last entry: the account page for a signed-in person, sign-in for anyone else. */
export const accountNav: readonly NavEntry[] = [
  { href: '/account', label: 'shell.nav.account', audience: 'signed-in' },
  { href: '/sign-in', label: 'shell.nav.signIn', audience: 'signed-out', match: 'exact' },
];

export function accountPages(deps: Deps, options: AccountPagesOptions = {}) {
  return new Hono<AppEnv>()
    .route('/', signInRoutes(deps, options))
    .route('/', resetRoutes(deps))
    .route('/', accountRoutes(deps))
    .route('/', outboxRoutes(deps));
}
