/** Who am I: the signed-in person's account, memberships and platform role. */
import type { Actor } from '../../core/policy/actor.js';
import type { Deps } from '../../http/app-env.js';
import { AppError } from '../../http/app-error.js';
import { presentMe } from './presenters.js';
import type { Me } from './schemas.js';
import { findUserById, listMemberships } from './users-repository.js';

/** The account of a browser session's user, with all their memberships. */
export async function meOfSessionUser(deps: Pick<Deps, 'db'>, userId: string): Promise<Me> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new AppError('unauthenticated', 'This account no longer exists');
  return presentMe(user, await listMemberships(deps.db, user.id), 'session');
}

/** The account behind the actor; a token shows only its organisation and never a platform role. */
export async function getMe(deps: Pick<Deps, 'db'>, actor: Actor): Promise<Me> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in, or send an API token as "Authorization: Bearer dcp_…"');
  if (actor.via.kind === 'session') return meOfSessionUser(deps, actor.userId);
  const user = await findUserById(deps.db, actor.userId);
  if (!user) throw new AppError('unauthenticated', 'This account no longer exists');
  const memberships = (await listMemberships(deps.db, user.id)).filter((m) =>
    actor.memberships.some((a) => a.organisationId === m.organisation_id),
  );
  return { ...presentMe(user, memberships, 'token'), platformRole: null };
}
