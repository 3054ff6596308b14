/** GET /api/v1/audit: the audit log for admins, as pages of JSON or one CSV. */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, type Deps } from '../../http/app-env.js';
import { actorOf } from '../../http/authorise.js';
import { problemResponses } from '../../http/problem.js';
import { AuditPageSchema, AuditQuerySchema } from './schemas.js';
import * as service from './service.js';

const listAudit = createRoute({
  method: 'get',
  path: '/audit',
  tags: ['Audit'],
  summary: 'The audit log (admins)',
  description:
    'Sign-ins, failed sign-ins, role changes, token use and every change to organisations and memberships, newest first. ' +
    'People appear by user id only. `?format=csv` or `Accept: text/csv` returns every matching entry as CSV.',
  request: { query: AuditQuerySchema },
  responses: {
    200: {
      description: 'A page of entries, or all matching entries as CSV',
      content: { 'application/json': { schema: AuditPageSchema }, 'text/csv': { schema: z.string() } },
    },
    ...problemResponses(400, 401, 403),
  },
});

export function auditApi({ db }: Deps) {
  return createRouter().openapi(listAudit, async (c) => {
    const query = c.req.valid('query');
    const actor = actorOf(c);
    const wantsCsv = query.format === 'csv' || (query.format === undefined && /\btext\/csv\b/.test(c.req.header('accept') ?? ''));
    if (wantsCsv) {
      const csv = await service.exportAuditCsv(db, actor, query);
      return c.body(csv, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="audit.csv"',
        'Cache-Control': 'no-store',
      });
    }
    c.header('Cache-Control', 'no-store');
    return c.json(await service.listAudit(db, actor, query), 200);
  });
}
