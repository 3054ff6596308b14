/**
 * The route stage that asks the policy (src/core/policy/policy.ts) and turns a
 * refusal into the one error type: 401 for an anonymous visitor (sign in and
 * try again), 403 for anyone else. Routes never decide access themselves.
 */
import type { Context } from 'hono';
import { ANONYMOUS, type Actor } from '../core/policy/actor.js';
import { can, type ActionsOf, type Resource } from '../core/policy/policy.js';
import { AppError } from './app-error.js';
import type { AppEnv } from './app-env.js';

/** Who is asking; anonymous when no authentication middleware ran. */
export function actorOf(c: Context<AppEnv>): Actor {
  return c.get('actor') ?? ANONYMOUS;
}

/**
 * Throws unless the policy allows `action` on `resource`.
 * @example authorise(actor, 'update', { type: 'organisation', id })
 */
export function authorise<R extends Resource>(actor: Actor, action: ActionsOf[R['type']], resource: R): void {
  if (can(actor, action, resource)) return;
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in to do this');
  throw new AppError('forbidden', `You may not ${action} this ${resource.type}`);
}

/** The signed-in person's id, or a 401 when nobody is signed in. */
export function requireUser(actor: Actor): Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in to do this');
  return actor;
}
