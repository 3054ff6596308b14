/** GET /api/v1/me/export and DELETE /api/v1/me: a person's own data. */
import { createRoute } from '@hono/zod-openapi';
import { createRouter, type Deps } from '../../http/app-env.js';
import { actorOf } from '../../http/authorise.js';
import { problemResponses } from '../../http/problem.js';
import { clearSessionCookie } from '../accounts/index.js';
import { personalDataSchema, type PersonalDataPart } from './schemas.js';
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
    'Refused with 409 while the person is the only owner of an organisation.',
  responses: { 204: { description: 'Deleted; the session cookie is cleared' }, ...problemResponses(401, 403, 409) },
});

/** `parts`: other features' shares of a person's data, exported and erased with the rest (wired in app.ts). */
export function privacyApi({ db }: Deps, { parts = [] }: { parts?: readonly PersonalDataPart[] } = {}) {
  return createRouter()
    .openapi(exportMyData(parts), async (c) => {
      const data = await service.exportMyData(db, actorOf(c), parts);
      c.header('Cache-Control', 'no-store');
      c.header('Content-Disposition', 'attachment; filename="my-data.json"');
      return c.json(data, 200);
    })
    .openapi(deleteMe, async (c) => {
      await service.deleteMyAccount(db, actorOf(c), c.get('requestId'), parts);
      clearSessionCookie(c);
      return c.body(null, 204);
    });
}
