/**
 * API tokens: made by a signed-in person for one organisation they belong to,
 * with a scope; shown once (`dcp_` + 32 random bytes), stored as SHA-256,
 * listed and revoked by their owner.
 */
import type { Actor } from '../../core/policy/actor.js';
import { can } from '../../core/policy/policy.js';
import type { Deps } from '../../http/app-env.js';
import { AppError } from '../../http/app-error.js';
import { authorise, requireUser } from '../../http/authorise.js';
import * as repo from './api-tokens-repository.js';
import { TOKEN_PREFIX } from './authentication.js';
import { presentToken } from './presenters.js';
import { randomSecret, sha256 } from './secrets.js';

/**
 * The person managing their own tokens. The policy (`account` `manage-tokens`)
 * allows it only in person, from a browser session: a token cannot mint or revoke tokens.
 */
function tokenOwner(actor: Actor): Extract<Actor, { kind: 'user' }> {
  const user = requireUser(actor);
  authorise(actor, 'manage-tokens', { type: 'account', userId: user.userId });
  return user;
}

export async function createToken(
  deps: Pick<Deps, 'db' | 'logger'>,
  actor: Actor,
  input: { organisationId: string; scope: 'read' | 'write'; name: string },
) {
  const user = tokenOwner(actor);
  if (!can(actor, 'create-token', { type: 'organisation', id: input.organisationId })) {
    throw new AppError('forbidden', 'You can make tokens only for an organisation you belong to', [
      { field: 'body.organisationId', message: 'not one of your organisations' },
    ]);
  }
  const secret = randomSecret(32);
  const token = `${TOKEN_PREFIX}${secret}`;
  const row = await repo.insertApiToken(deps.db, {
    userId: user.userId,
    organisationId: input.organisationId,
    scope: input.scope,
    name: input.name.trim(),
    tokenHash: sha256(token),
    hint: `${TOKEN_PREFIX}${secret.slice(0, 4)}…`,
  });
  deps.logger.info({ event: 'token-created', userId: user.userId, tokenId: row.id }, 'API token created');
  return { ...presentToken({ ...row, organisation_name: null }), token };
}

export async function listTokens(deps: Pick<Deps, 'db'>, actor: Actor) {
  const user = tokenOwner(actor);
  return (await repo.listTokensOf(deps.db, user.userId)).map(presentToken);
}

export async function revokeToken(deps: Pick<Deps, 'db' | 'logger'>, actor: Actor, id: string): Promise<void> {
  const user = tokenOwner(actor);
  if (!(await repo.revokeToken(deps.db, user.userId, id))) throw new AppError('not-found', 'You have no API token with this id');
  deps.logger.info({ event: 'token-revoked', userId: user.userId, tokenId: id }, 'API token revoked');
}
