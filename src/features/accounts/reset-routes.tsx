/** HTML routes for a forgotten password and for confirming a new e-mail address. */
import { Hono, type Context } from 'hono';
import { AppError } from '../../http/app-error.js';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { formToken, freshForm, handleForm, readPosted, type FormState } from '../../platform/forms/index.js';
import { pageContext } from '../../web/page-context.js';
import { confirmEmailChange } from './account-settings.js';
import { showConfirmLink } from './confirm-link-route.js';
import { RESET_CONFIRM_FORM, RESET_REQUEST_FORM } from './form-schemas.js';
import { tokenUsable } from './one-time-tokens.js';
import { requestPasswordReset, resetPassword } from './password-reset.js';
import { limitPerIp } from './rate-limits.js';
import { renderAccountPage } from './render.js';
import { LinkInvalidPage, ResetConfirmPage, ResetRequestPage } from './sign-in-pages.js';
import { logOutbox, sentPage } from './sign-in-routes.js';

const requestPage = (c: Context<AppEnv>, form: FormState, status: 200 | 400 | 429 = 200) =>
  renderAccountPage(c, <ResetRequestPage ctx={pageContext(c)} token={formToken(c)} form={form} />, status);

const confirmPage = (c: Context<AppEnv>, linkToken: string, form: FormState, status: 200 | 400 | 429 = 200) =>
  renderAccountPage(c, <ResetConfirmPage ctx={pageContext(c)} token={formToken(c)} linkToken={linkToken} form={form} />, status);

export function resetRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.get('/reset-password', (c) => requestPage(c, freshForm()));

  app.post('/reset-password', limitPerIp(deps, 'reset', 10), (c) =>
    handleForm(c, {
      spec: RESET_REQUEST_FORM,
      render: (form, status) => requestPage(c, form, status as 400 | 429),
      run: async ({ email }) => {
        await requestPasswordReset(deps, email);
        logOutbox(deps, 'reset-password');
        return c.redirect('/reset-password/sent', 303);
      },
    }),
  );

  app.get('/reset-password/sent', sentPage(deps, 'accounts.sent.reset'));

  app.get('/reset-password/confirm', async (c) => {
    const token = c.req.query('token') ?? '';
    if (!(await tokenUsable(deps.db, token, 'reset-password'))) return renderAccountPage(c, <LinkInvalidPage ctx={pageContext(c)} />, 404);
    return confirmPage(c, token, freshForm());
  });

  app.post('/reset-password/confirm', limitPerIp(deps, 'reset', 10), async (c) => {
    const linkToken = (await readPosted(c))['token'] ?? '';
    try {
      return await handleForm(c, {
        spec: RESET_CONFIRM_FORM,
        render: (form, status) => confirmPage(c, linkToken, form, status as 400 | 429),
        run: async ({ token, password }) => {
          await resetPassword(deps, token, password);
          return c.redirect('/sign-in?done=password-reset', 303);
        },
      });
    } catch (e) {
      if (e instanceof AppError && e.code === 'not-found') return renderAccountPage(c, <LinkInvalidPage ctx={pageContext(c)} />, 404);
      throw e;
    }
  });

  app.get('/confirm-email', showConfirmLink('/confirm-email', 'accounts.confirmEmail.title', 'accounts.confirmEmail.submit'));

  app.post('/confirm-email', async (c) => {
    const posted = await readPosted(c);
    try {
      await confirmEmailChange(deps, posted['token'] ?? '');
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
