/** What every handler can read from the context, and what the app is built from. */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Actor } from '../core/policy/actor.js';
import type { Db } from '../db/database.js';
import type { Language } from '../shared/localised.js';
import { validationError } from './validation.js';

/**
 * The signed-in browser session behind a request, when there is one. A session
 * still owing its second factor leaves the actor anonymous.
 */
export interface CurrentSession {
  /** SHA-256 of the cookie value: the sessions row's key. */
  readonly idHash: Buffer;
  readonly userId: string;
  readonly pendingSecondFactor: boolean;
  /** The synchroniser token every state-changing form and cookie request must echo. */
  readonly csrfSecret: string;
}

export type AppEnv = {
  Variables: {
    lang: Language;
    requestId: string;
    /** Who is asking: set by the authentication middleware on every request (anonymous when no credential). */
    actor: Actor;
    /** The browser session, or null for anonymous and Bearer-token requests. */
    session: CurrentSession | null;
    /** Cookies carry Secure (`Config.secureCookies`); set with the actor, read by the cookie writers. */
    secureCookies: boolean;
    /** The key that signs anonymous CSRF tokens, set by the CSRF stage for pages (unset when the database is down). */
    csrfKey: Buffer | undefined;
  };
};

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
