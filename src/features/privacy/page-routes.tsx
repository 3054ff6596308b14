/** GET /privacy and the account deletion form behind it. */
import { Hono, type Context } from 'hono';
import { AppError, type FieldProblem } from '../../http/app-error.js';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { actorOf } from '../../http/authorise.js';
import { pageContext } from '../../web/page-context.js';
import { clearSessionCookie, csrfToken } from '../accounts/index.js';
import { PrivacyPage } from './pages.js';
import type { PersonalDataPart } from './schemas.js';
import * as service from './service.js';
import { renderPage } from '../../web/render.js';

async function show(c: Context<AppEnv>, problems: readonly FieldProblem[], status: 200 | 400 | 409, deleted = false) {
  const page = (
    <PrivacyPage ctx={pageContext(c)} signedIn={actorOf(c).kind === 'user'} csrf={csrfToken(c)} deleted={deleted} problems={problems} />
  );
  return renderPage(c, page, status);
}

export function privacyPages({ db }: Deps, { parts = [] }: { parts?: readonly PersonalDataPart[] } = {}) {
  return new Hono<AppEnv>()
    .get('/privacy', (c) => show(c, [], 200, c.req.query('deleted') === '1'))
    .post('/privacy/delete-account', async (c) => {
      if (actorOf(c).kind !== 'user') return c.redirect('/sign-in?next=%2Fprivacy', 303);
      const form = await c.req.parseBody();
      if (form['confirm'] !== 'yes') return show(c, [{ field: 'confirm', message: 'Tick the box to confirm' }], 400);
      try {
        await service.deleteMyAccount(db, actorOf(c), c.get('requestId'), parts);
      } catch (error) {
        if (error instanceof AppError && error.code === 'conflict') return show(c, [{ field: '', message: error.detail }], 409);
        throw error;
      }
      clearSessionCookie(c);
      return c.redirect('/privacy?deleted=1', 303);
    });
}
