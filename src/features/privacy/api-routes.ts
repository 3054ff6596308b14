/** GET /api/v1/me/export and DELETE /api/v1/me: a person's own data. */
import { createRoute } from '@hono/zod-openapi';
import { createRouter, type Deps } from '../../http/app-env.js';
import { actorOf } from '../../http/authorise.js';
import { problemResponses } from '../../http/problem.js';
import { clearSessionCookie, limitPerIp } from '../accounts/index.js';
import { DeleteAccountRequestSchema, personalDataSchema, type PersonalDataPart } from './schemas.js';
import * as service from './service.js';

const tags = ['Personal data'];

const exportMyData = (parts: readonly PersonalDataPart[]) =>
  createRoute({
    method: 'get',
    path: '/me/export',
    tags,
    summary: 'Download all my data as JSON',
    description:
      'Account, memberships, sessions and API tokens (metadata only), open invitations and audit entries about the signed-in person. Needs a browser session, not an API token.',
    responses: {
      200: { description: 'All personal data', content: { 'application/json': { schema: personalDataSchema(parts) } } },
      ...problemResponses(401, 403),
    },
  });

const deleteMe = createRoute({
  method: 'delete',
  path: '/me',
  tags,
  summary: 'Delete my account',
  description:
    'Removes the account with its sessions, API tokens and memberships. Records the person authored stay with their organisation. ' +
    'Needs a browser session (not an API token) and proof that it is you in the body: the current password, or for an account ' +
    'that signs in only through single sign-on its two-factor code (without one, a sign-in of the last 10 minutes). ' +
    'A wrong password counts against the account like a failed sign-in (429 with Retry-After after repeated failures). ' +
    'Refused with 409 while the person is the only owner of an organisation.',
  request: { body: { content: { 'application/json': { schema: DeleteAccountRequestSchema } }, required: true } },
  responses: { 204: { description: 'Deleted; the session cookie is cleared' }, ...problemResponses(400, 401, 403, 409, 429) },
});

/** Proofs of identity a minute per address, on top of the per-account throttle. */
const REAUTH_PER_MINUTE = 10;

/** `parts`: other features' shares of a person's data, exported and erased with the rest (wired in app.ts). */
export function privacyApi(deps: Deps, { parts = [] }: { parts?: readonly PersonalDataPart[] } = {}) {
  const { db } = deps;
  const limit = limitPerIp(deps, 'reauth', REAUTH_PER_MINUTE);
  const router = createRouter();
  router.use('/me', (c, next) => (c.req.method === 'DELETE' ? limit(c, next) : next()));
  return router
    .openapi(exportMyData(parts), async (c) => {
      const data = await service.exportMyData(db, actorOf(c), parts);
      c.header('Cache-Control', 'no-store');
      c.header('Content-Disposition', 'attachment; filename="my-data.json"');
      return c.json(data, 200);
    })
    .openapi(deleteMe, async (c) => {
      await service.deleteMyAccount(
        deps,
        actorOf(c),
        c.req.valid('json'),
        {
          sessionIdHash: c.get('session')?.idHash,
          requestId: c.get('requestId'),
        },
        parts,
      );
      clearSessionCookie(c);
      return c.body(null, 204);
    });
}
