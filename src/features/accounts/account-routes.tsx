/**
 * HTML routes of /account. Every one needs a signed-in session; a session
 * still owing its second factor is sent to finish it (or to enrol) first.
 * Each form goes through the forms stage; a wrong current password is shown
 * on its field, and too many wrong ones (per account, like sign-in) on the form.
 */
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { can, secondFactorRequired } from '../../core/policy/policy.js';
import { AppError } from '../../http/app-error.js';
import type { AppEnv, CurrentSession, Deps } from '../../http/app-env.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { formToken, freshForm, handleForm, type FormHandling, type FormSpec, type FormState } from '../../platform/forms/index.js';
import { pageContext } from '../../web/page-context.js';
import { AccountPage, TwoFactorSetupPage, type AccountView } from './account-page.js';
import { changePassword, requestEmailChange, updateProfile } from './account-settings.js';
import { createToken, listTokens, revokeToken } from './api-tokens.js';
import { writeSessionCookie } from './cookies.js';
import { CODE_FORM, DISABLE_TWO_FACTOR_FORM, EMAIL_CHANGE_FORM, PASSWORD_CHANGE_FORM, PROFILE_FORM, TOKEN_FORM } from './form-schemas.js';
import { meOfSessionUser } from './me.js';
import { limitPerIp } from './rate-limits.js';
import { renderAccountPage } from './render.js';
import { endOtherSessions, listSessions } from './sessions.js';
import { doneNotice } from './sign-in-routes.js';
import { confirmEnrolment, disableTwoFactor, pendingEnrolment } from './two-factor.js';
import { findUserById } from './users-repository.js';

const DONE: Record<string, MessageKey> = {
  'profile-saved': 'accounts.done.profileSaved',
  'email-sent': 'accounts.done.emailSent',
  'email-changed': 'accounts.done.emailChanged',
  'password-changed': 'accounts.done.passwordChanged',
  'sessions-ended': 'accounts.done.sessionsEnded',
  'two-factor-on': 'accounts.done.twoFactorOn',
  'two-factor-off': 'accounts.done.twoFactorOff',
  'token-revoked': 'accounts.done.tokenRevoked',
};

/** Current-password checks a minute per address, on top of the per-account throttle. */
const REAUTH_PER_MINUTE = 10;

/** The full session, or a redirect to where the visitor must go first. */
async function signedIn(deps: Deps, c: Context<AppEnv>): Promise<CurrentSession | Response> {
  const session = c.get('session');
  if (!session) return c.redirect(`/sign-in?next=${encodeURIComponent(c.req.path)}`, 303);
  if (session.pendingSecondFactor) {
    const user = await findUserById(deps.db, session.userId);
    return c.redirect(user?.totp_enabled_at ? '/sign-in/two-factor' : '/account/two-factor', 303);
  }
  return session;
}

async function accountView(deps: Deps, c: Context<AppEnv>, session: CurrentSession): Promise<AccountView> {
  const [me, sessions, tokens] = await Promise.all([
    meOfSessionUser(deps, session.userId),
    listSessions(deps, session.userId, session.idHash),
    listTokens(deps, c.get('actor')),
  ]);
  return {
    me,
    sessions,
    tokens,
    may: { disableTwoFactor: can(c.get('actor'), 'disable-two-factor', { type: 'account', userId: session.userId }) },
  };
}

export function accountRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  const showAccount = async (
    c: Context<AppEnv>,
    session: CurrentSession,
    form: FormState = freshForm(),
    status: ContentfulStatusCode = 200,
    createdToken?: string,
  ) =>
    renderAccountPage(
      c,
      <AccountPage
        ctx={pageContext(c)}
        token={formToken(c)}
        view={await accountView(deps, c, session)}
        form={form}
        notice={status === 200 ? doneNotice(c, DONE) : undefined}
        createdToken={createdToken}
      />,
      status,
    );

  /** A form of the account page: signed in first, then the forms stage, the page itself re-rendered on a problem. */
  const accountForm =
    <T,>(spec: FormSpec<T>, handling: (c: Context<AppEnv>, session: CurrentSession) => Pick<FormHandling<T>, 'run' | 'refusals'>) =>
    async (c: Context<AppEnv>) => {
      const session = await signedIn(deps, c);
      if (session instanceof Response) return session;
      return handleForm(c, { spec, ...handling(c, session), render: (form, status) => showAccount(c, session, form, status) });
    };

  /** A one-button action of the account page. */
  const action = (handle: (c: Context<AppEnv>, session: CurrentSession) => Promise<Response>) => async (c: Context<AppEnv>) => {
    const session = await signedIn(deps, c);
    if (session instanceof Response) return session;
    return handle(c, session);
  };

  app.get('/account', async (c) => {
    const session = await signedIn(deps, c);
    if (session instanceof Response) return session;
    return showAccount(c, session);
  });

  app.post(
    '/account/profile',
    accountForm(PROFILE_FORM, (c, session) => ({
      run: async ({ displayName, preferredLanguage }) => {
        await updateProfile(deps, session.userId, { displayName, preferredLang: preferredLanguage || null });
        return c.redirect('/account?done=profile-saved', 303);
      },
    })),
  );

  app.post(
    '/account/email',
    limitPerIp(deps, 'reauth', REAUTH_PER_MINUTE),
    accountForm(EMAIL_CHANGE_FORM, (c, session) => ({
      refusals: [{ code: 'validation-failed', field: 'body.password', show: 'emailPassword', message: 'accounts.error.currentPassword' }],
      run: async ({ newEmail, emailPassword }) => {
        await requestEmailChange(deps, session.userId, { newEmail, password: emailPassword });
        return c.redirect('/account?done=email-sent', 303);
      },
    })),
  );

  app.post(
    '/account/password',
    limitPerIp(deps, 'reauth', REAUTH_PER_MINUTE),
    accountForm(PASSWORD_CHANGE_FORM, (c, session) => ({
      refusals: [
        { code: 'validation-failed', field: 'body.currentPassword', show: 'currentPassword', message: 'accounts.error.currentPassword' },
      ],
      run: async ({ currentPassword, newPassword }) => {
        await changePassword(deps, session.userId, { current: currentPassword, next: newPassword, keepSession: session.idHash });
        return c.redirect('/account?done=password-changed', 303);
      },
    })),
  );

  app.post(
    '/account/sessions/end-others',
    action(async (c, session) => {
      await endOtherSessions(deps, session.userId, session.idHash);
      return c.redirect('/account?done=sessions-ended', 303);
    }),
  );

  app.post('/account/tokens', async (c) => {
    const session = await signedIn(deps, c);
    if (session instanceof Response) return session;
    return handleForm(c, {
      spec: TOKEN_FORM,
      refusals: [{ code: 'forbidden', show: 'organisationId', message: 'accounts.error.organisation' }],
      render: (form, status) => showAccount(c, session, form, status === 403 ? 400 : status),
      // The new token is shown once, in this answer: there is nowhere to keep it for a redirect.
      run: async (input) => showAccount(c, session, freshForm(), 200, (await createToken(deps, c.get('actor'), input)).token),
    });
  });

  app.post(
    '/account/tokens/:id/revoke',
    action(async (c) => {
      const id = c.req.param('id') ?? '';
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('not-found', 'You have no API token with this id');
      await revokeToken(deps, c.get('actor'), id);
      return c.redirect('/account?done=token-revoked', 303);
    }),
  );

  app.post(
    '/account/two-factor/disable',
    limitPerIp(deps, 'reauth', REAUTH_PER_MINUTE),
    accountForm(DISABLE_TWO_FACTOR_FORM, (c) => ({
      refusals: [{ code: 'validation-failed', field: 'body.password', show: 'disablePassword', message: 'accounts.error.currentPassword' }],
      run: async ({ disablePassword }) => {
        await disableTwoFactor(deps, c.get('actor'), disablePassword);
        return c.redirect('/account?done=two-factor-off', 303);
      },
    })),
  );

  // Enrolment is the one page a session owing its second factor may use (admins and coordinators must enrol).
  const setupPage = async (
    c: Context<AppEnv>,
    session: CurrentSession,
    form: FormState = freshForm(),
    status: ContentfulStatusCode = 200,
  ) => {
    const user = await findUserById(deps.db, session.userId);
    const enrolment = await pendingEnrolment(deps, session.userId);
    if (!user || !enrolment) return c.redirect(session.pendingSecondFactor ? '/sign-in/two-factor' : '/account', 303);
    return renderAccountPage(
      c,
      <TwoFactorSetupPage
        ctx={pageContext(c)}
        token={formToken(c)}
        secret={enrolment.secret}
        uri={enrolment.uri}
        required={secondFactorRequired(user.platform_role)}
        form={form}
      />,
      status,
    );
  };

  app.get('/account/two-factor', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/sign-in?next=%2Faccount%2Ftwo-factor', 303);
    return setupPage(c, session);
  });

  app.post('/account/two-factor', async (c) => {
    const session = c.get('session');
    if (!session) return c.redirect('/sign-in', 303);
    try {
      return await handleForm(c, {
        spec: CODE_FORM,
        refusals: [{ code: 'unauthenticated', show: 'code', message: 'accounts.error.code' }],
        render: (form, status) => setupPage(c, session, form, status === 401 ? 400 : status),
        run: async ({ code }) => {
          // The session continues under a new id once the second factor is in (fixation).
          const renewed = await confirmEnrolment(deps, session.userId, code, { ...session, requestId: c.get('requestId') });
          writeSessionCookie(c, renewed.cookieValue, renewed.maxAgeSeconds);
          return c.redirect('/account?done=two-factor-on', 303);
        },
      });
    } catch (e) {
      if (e instanceof AppError && e.code === 'conflict') return c.redirect('/account', 303);
      throw e;
    }
  });

  return app;
}
