/** /api/v1/tokens: make, list and revoke API tokens (from a signed-in session). */
import { createRoute } from '@hono/zod-openapi';
import { createRouter, type Deps } from '../../http/app-env.js';
import { jsonResponse, problemResponses } from '../../http/problem.js';
import * as service from './api-tokens.js';
import { CreatedApiTokenSchema, CreateTokenRequestSchema, TokenListSchema, TokenParamsSchema } from './schemas.js';

const tags = ['Accounts'];

const createTokenRoute = createRoute({
  method: 'post',
  path: '/tokens',
  tags,
  summary: 'Make an API token for one of your organisations',
  description:
    'The token is in the answer this once only; it is stored hashed. Use it as `Authorization: Bearer dcp_…`. Needs a signed-in session (and X-CSRF-Token).',
  request: { body: { content: { 'application/json': { schema: CreateTokenRequestSchema } }, required: true } },
  responses: { 201: jsonResponse(CreatedApiTokenSchema, 'The new token'), ...problemResponses(400, 401, 403) },
});

const listTokensRoute = createRoute({
  method: 'get',
  path: '/tokens',
  tags,
  summary: 'Your live API tokens (never the tokens themselves)',
  responses: { 200: jsonResponse(TokenListSchema, 'Your tokens'), ...problemResponses(401, 403) },
});

const revokeTokenRoute = createRoute({
  method: 'delete',
  path: '/tokens/{id}',
  tags,
  summary: 'Revoke one of your API tokens',
  request: { params: TokenParamsSchema },
  responses: { 204: { description: 'Revoked' }, ...problemResponses(400, 401, 403, 404) },
});

export function tokenApi(deps: Deps) {
  return createRouter()
    .openapi(createTokenRoute, async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(await service.createToken(deps, c.get('actor'), c.req.valid('json')), 201);
    })
    .openapi(listTokensRoute, async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({ data: await service.listTokens(deps, c.get('actor')), next: null }, 200);
    })
    .openapi(revokeTokenRoute, async (c) => {
      await service.revokeToken(deps, c.get('actor'), c.req.valid('param').id);
      return c.body(null, 204);
    });
}
