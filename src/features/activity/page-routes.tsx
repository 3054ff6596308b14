/** /me/activity (signed in only). */
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { actorOf } from '../../http/authorise.js';
import { pageContext } from '../../web/page-context.js';
import { renderPage } from '../../web/render.js';
import { ActivityPage } from './pages.js';
import { ACTIVITY_DAYS, activityOf } from './service.js';

export function activityPages({ db }: Deps) {
  return new Hono<AppEnv>().get('/me/activity', async (c) => {
    const actor = actorOf(c);
    if (actor.kind === 'anonymous') return c.redirect('/sign-in?next=%2Fme%2Factivity', 303);
    const events = await activityOf(db, actor);
    return renderPage(c, <ActivityPage ctx={pageContext(c)} events={events} days={ACTIVITY_DAYS} />);
  });
}
