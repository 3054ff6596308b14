/** HTML routes for a forgotten password and for confirming a new e-mail address. */
import { Hono } from 'hono';
import { AppError } from '../../http/app-error.js';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { pageContext } from '../../web/page-context.js';
import { confirmEmailChange } from './account-settings.js';
import { csrfToken } from './csrf.js';
import { emailError, newPasswordError, readForm } from './form-input.js';
import { tokenUsable } from './one-time-tokens.js';
import { requestPasswordReset, resetPassword } from './password-reset.js';
import { limitPerIp } from './rate-limits.js';
import { renderAccountPage } from './render.js';
import { showConfirmLink } from './confirm-link-route.js';
import { LinkInvalidPage, ResetConfirmPage, ResetRequestPage, SentPage } from './sign-in-pages.js';

export function resetRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.get('/reset-password', (c) => renderAccountPage(c, <ResetRequestPage ctx={pageContext(c)} csrf={csrfToken(c)} />));

  app.post('/reset-password', limitPerIp(deps, 'reset', 10), async (c) => {
    const form = await readForm(c);
    const error = emailError(form['email']);
    if (error)
      return renderAccountPage(
        c,
        <ResetRequestPage ctx={pageContext(c)} csrf={csrfToken(c)} errors={{ email: error }} values={{ email: form['email'] ?? '' }} />,
        400,
      );
    await requestPasswordReset(deps, form['email']!);
    return renderAccountPage(c, <SentPage ctx={pageContext(c)} text="accounts.sent.reset" outbox={deps.config.smtpUrl === undefined} />);
  });

  app.get('/reset-password/confirm', async (c) => {
    const token = c.req.query('token') ?? '';
    if (!(await tokenUsable(deps.db, token, 'reset-password'))) return renderAccountPage(c, <LinkInvalidPage ctx={pageContext(c)} />, 404);
    return renderAccountPage(c, <ResetConfirmPage ctx={pageContext(c)} csrf={csrfToken(c)} token={token} />);
  });

  app.post('/reset-password/confirm', limitPerIp(deps, 'reset', 10), async (c) => {
    const form = await readForm(c);
    const token = form['token'] ?? '';
    const error = newPasswordError(form['password']);
    if (error)
      return renderAccountPage(
        c,
        <ResetConfirmPage ctx={pageContext(c)} csrf={csrfToken(c)} token={token} errors={{ password: error }} />,
        400,
      );
    try {
      await resetPassword(deps, token, form['password']!);
    } catch (e) {
      if (e instanceof AppError && e.code === 'not-found') return renderAccountPage(c, <LinkInvalidPage ctx={pageContext(c)} />, 404);
      throw e;
    }
    return c.redirect('/sign-in?done=password-reset', 303);
  });

  app.get('/confirm-email', showConfirmLink('/confirm-email', 'accounts.confirmEmail.title', 'accounts.confirmEmail.submit'));

  app.post('/confirm-email', async (c) => {
    const form = await readForm(c);
    try {
      await confirmEmailChange(deps, form['token'] ?? '');
    } catch (e) {
      if (e instanceof AppError && e.code === 'not-found') return renderAccountPage(c, <LinkInvalidPage ctx={pageContext(c)} />, 404);
      if (e instanceof AppError && e.code === 'conflict')
        return renderAccountPage(c, <LinkInvalidPage ctx={pageContext(c)} text="accounts.error.emailTaken" />, 409);
      throw e;
    }
    return c.redirect(c.get('actor').kind === 'user' ? '/account?done=email-changed' : '/sign-in?done=email-changed', 303);
  });

  return app;
}
