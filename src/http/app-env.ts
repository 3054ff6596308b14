/** What every handler can read from the context, and what the app is built from. */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Db } from '../db/database.js';
import type { Language } from '../shared/localised.js';
import { validationError } from './validation.js';

export type AppEnv = { Variables: { lang: Language; requestId: string } };

/** The app's collaborators, injected once at assembly. */
export interface Deps {
  readonly db: Db;
  readonly config: Config;
  readonly logger: Logger;
}

/**
 * A router whose validation failures all become one `validation-failed` problem.
 * @example const api = createRouter(); api.openapi(route, handler);
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error, result.target);
    },
  });
}
