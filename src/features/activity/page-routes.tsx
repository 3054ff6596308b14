/** /me/activity and its digest form: subscribe to or stop the weekly e-mail (signed in only). */
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { actorOf } from '../../http/authorise.js';
import { formToken, readPosted } from '../../platform/forms/index.js';
import { pageContext } from '../../web/page-context.js';
import { renderPage } from '../../web/render.js';
import { isSubscribed, setSubscribed } from './digest.js';
import { ActivityPage } from './pages.js';
import { ACTIVITY_DAYS, activityOf } from './service.js';

export function activityPages({ db }: Deps) {
  return new Hono<AppEnv>()
    .get('/me/activity', async (c) => {
      const actor = actorOf(c);
      if (actor.kind !== 'user') return c.redirect('/sign-in?next=%2Fme%2Factivity', 303);
      const [events, subscribed] = await Promise.all([activityOf(db, actor), isSubscribed(db, actor.userId)]);
      const page = <ActivityPage ctx={pageContext(c)} events={events} days={ACTIVITY_DAYS} token={formToken(c)} subscribed={subscribed} />;
      return renderPage(c, page);
    })
    .post('/me/activity/digest', async (c) => {
      const actor = actorOf(c);
      if (actor.kind !== 'user') return c.redirect('/sign-in?next=%2Fme%2Factivity', 303);
      // Anything but "yes" stops it: a tampered form can only unsubscribe.
      await setSubscribed(db, actor.userId, (await readPosted(c))['subscribe'] === 'yes');
      return c.redirect('/me/activity', 303);
    });
}
