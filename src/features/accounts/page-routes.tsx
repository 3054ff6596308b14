/** Every HTML route of accounts: sign-in/out/up, reset, confirmations, /account. */
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { accountRoutes } from './account-routes.js';
import { resetRoutes } from './reset-routes.js';
import { signInRoutes } from './sign-in-routes.js';

export function accountPages(deps: Deps) {
  return new Hono<AppEnv>().route('/', signInRoutes(deps)).route('/', resetRoutes(deps)).route('/', accountRoutes(deps));
}
