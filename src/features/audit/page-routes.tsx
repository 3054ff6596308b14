/** GET /admin/audit for platform admins; others are refused by the policy. */
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { actorOf } from '../../http/authorise.js';
import { pageContext } from '../../web/page-context.js';
import { renderPage } from '../../web/render.js';
import { AuditPage, type AuditFilterValues } from './pages.js';
import { AuditQuerySchema } from './schemas.js';
import * as service from './service.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (value: string | undefined): value is string =>
  value !== undefined && DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

export function auditPages({ db }: Deps) {
  return new Hono<AppEnv>().get('/admin/audit', async (c) => {
    const actor = actorOf(c);
    if (actor.kind === 'anonymous') return c.redirect(`/sign-in?next=${encodeURIComponent('/admin/audit')}`, 303);
    const q = c.req.query();
    // A hand-edited filter that does not parse is dropped, not turned into an error page.
    const filter: AuditFilterValues = {};
    const api: Record<string, string> = {};
    if (q['actor'] && AuditQuerySchema.shape.actor.safeParse(q['actor']).success) filter.actor = api['actor'] = q['actor'];
    if (q['action'] && AuditQuerySchema.shape.action.safeParse(q['action']).success) filter.action = api['action'] = q['action'];
    if (q['resourceType'] && AuditQuerySchema.shape.resourceType.safeParse(q['resourceType']).success)
      filter.resourceType = api['resourceType'] = q['resourceType'];
    if (isDate(q['from'])) {
      filter.from = q['from'];
      api['from'] = `${q['from']}T00:00:00Z`;
    }
    if (isDate(q['to'])) {
      filter.to = q['to'];
      api['to'] = new Date(Date.parse(`${q['to']}T00:00:00Z`) + 86_400_000).toISOString();
    }
    const cursor = q['cursor'] && AuditQuerySchema.shape.cursor.safeParse(q['cursor']).success ? q['cursor'] : undefined;
    const page = await service.listAudit(db, actor, AuditQuerySchema.parse({ ...api, limit: '100', ...(cursor ? { cursor } : {}) }));
    c.header('Cache-Control', 'no-store');
    return renderPage(c, <AuditPage ctx={pageContext(c)} entries={page.data} next={page.next} filter={filter} apiFilter={api} />);
  });
}
