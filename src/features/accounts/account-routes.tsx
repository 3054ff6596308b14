/**
 * HTML routes of /account. Every one needs a signed-in session; a session
 * still owing its second factor is sent to finish it (or to enrol) first.
 */
import { Hono, type Context } from 'hono';
import { can, secondFactorRequired } from '../../core/policy/policy.js';
import { AppError } from '../../http/app-error.js';
import type { AppEnv, CurrentSession, Deps } from '../../http/app-env.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { isLanguage } from '../../shared/localised.js';
import { pageContext } from '../../web/page-context.js';
import { AccountPage, TwoFactorSetupPage, type AccountView } from './account-page.js';
import { changePassword, requestEmailChange, updateProfile } from './account-settings.js';
import { createToken, listTokens, revokeToken } from './api-tokens.js';
import { writeSessionCookie } from './cookies.js';
import { csrfToken } from './csrf.js';
import type { FormErrors } from './forms.js';
import { displayNameError, emailError, newPasswordError, readForm } from './form-input.js';
import { meOfSessionUser } from './me.js';
import { renderAccountPage } from './render.js';
import { TokenNameSchema } from './schemas.js';
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
    extra: { errors?: FormErrors; values?: Record<string, string>; createdToken?: string } = {},
    status: 200 | 400 = 200,
  ) =>
    renderAccountPage(
      c,
      <AccountPage
        ctx={pageContext(c)}
        csrf={csrfToken(c)}
        view={await accountView(deps, c, session)}
        notice={doneNotice(c, DONE)}
        {...extra}
      />,
      status,
    );

  /** Runs a form action, re-showing the account page with `field`'s error when the service refuses it. */
  const action =
    (handle: (c: Context<AppEnv>, session: CurrentSession, form: Record<string, string>) => Promise<Response>) =>
    async (c: Context<AppEnv>) => {
      const session = await signedIn(deps, c);
      if (session instanceof Response) return session;
      return handle(c, session, await readForm(c));
    };

  app.get('/account', async (c) => {
    const session = await signedIn(deps, c);
    if (session instanceof Response) return session;
    return showAccount(c, session);
  });

  app.post(
    '/account/profile',
    action(async (c, session, form) => {
      const error = displayNameError(form['displayName']);
      if (error) return showAccount(c, session, { errors: { displayName: error }, values: form }, 400);
      const lang = form['preferredLanguage'];
      await updateProfile(deps, session.userId, { displayName: form['displayName']!, preferredLang: isLanguage(lang) ? lang : null });
      return c.redirect('/account?done=profile-saved', 303);
    }),
  );

  app.post(
    '/account/email',
    action(async (c, session, form) => {
      const errors: FormErrors = {
        newEmail: emailError(form['newEmail']),
        emailPassword: form['emailPassword'] ? undefined : 'accounts.error.password.required',
      };
      if (errors.newEmail || errors.emailPassword)
        return showAccount(c, session, { errors, values: { newEmail: form['newEmail'] ?? '' } }, 400);
      try {
        await requestEmailChange(deps, session.userId, { newEmail: form['newEmail']!, password: form['emailPassword']! });
      } catch (e) {
        if (e instanceof AppError && e.code === 'validation-failed')
          return showAccount(
            c,
            session,
            { errors: { emailPassword: 'accounts.error.currentPassword' }, values: { newEmail: form['newEmail'] ?? '' } },
            400,
          );
        throw e;
      }
      return c.redirect('/account?done=email-sent', 303);
    }),
  );

  app.post(
    '/account/password',
    action(async (c, session, form) => {
      const errors: FormErrors = {
        currentPassword: form['currentPassword'] ? undefined : 'accounts.error.password.required',
        newPassword: newPasswordError(form['newPassword']),
      };
      if (errors.currentPassword || errors.newPassword) return showAccount(c, session, { errors }, 400);
      try {
        await changePassword(deps, session.userId, {
          current: form['currentPassword']!,
          next: form['newPassword']!,
          keepSession: session.idHash,
        });
      } catch (e) {
        if (e instanceof AppError && e.code === 'validation-failed')
          return showAccount(c, session, { errors: { currentPassword: 'accounts.error.currentPassword' } }, 400);
        throw e;
      }
      return c.redirect('/account?done=password-changed', 303);
    }),
  );

  app.post(
    '/account/sessions/end-others',
    action(async (c, session) => {
      await endOtherSessions(deps, session.userId, session.idHash);
      return c.redirect('/account?done=sessions-ended', 303);
    }),
  );

  app.post(
    '/account/tokens',
    action(async (c, session, form) => {
      const name = form['name']?.trim() ?? '';
      const errors: FormErrors = { name: TokenNameSchema.safeParse(name).success ? undefined : 'accounts.error.tokenName' };
      if (errors.name) return showAccount(c, session, { errors, values: form }, 400);
      const scope = form['scope'] === 'write' ? 'write' : 'read';
      try {
        const created = await createToken(deps, c.get('actor'), { organisationId: form['organisationId'] ?? '', scope, name });
        return showAccount(c, session, { createdToken: created.token });
      } catch (e) {
        if (e instanceof AppError && e.code === 'forbidden')
          return showAccount(c, session, { errors: { organisationId: 'accounts.error.organisation' }, values: form }, 400);
        throw e;
      }
    }),
  );

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
    action(async (c, session, form) => {
      try {
        await disableTwoFactor(deps, c.get('actor'), form['disablePassword'] ?? '');
      } catch (e) {
        if (e instanceof AppError && e.code === 'validation-failed')
          return showAccount(c, session, { errors: { disablePassword: 'accounts.error.currentPassword' } }, 400);
        throw e;
      }
      return c.redirect('/account?done=two-factor-off', 303);
    }),
  );

  // Enrolment is the one page a session owing its second factor may use (admins and coordinators must enrol).
  const setupPage = async (c: Context<AppEnv>, session: CurrentSession, errors?: FormErrors) => {
    const user = await findUserById(deps.db, session.userId);
    const enrolment = await pendingEnrolment(deps, session.userId);
    if (!user || !enrolment) return c.redirect(session.pendingSecondFactor ? '/sign-in/two-factor' : '/account', 303);
    return renderAccountPage(
      c,
      <TwoFactorSetupPage
        ctx={pageContext(c)}
        csrf={csrfToken(c)}
        secret={enrolment.secret}
        uri={enrolment.uri}
        required={secondFactorRequired(user.platform_role)}
        {...(errors ? { errors } : {})}
      />,
      errors ? 400 : 200,
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
    const form = await readForm(c);
    try {
      const renewed = await confirmEnrolment(deps, session.userId, form['code'] ?? '', { ...session, requestId: c.get('requestId') });
      writeSessionCookie(c, renewed.cookieValue, renewed.maxAgeSeconds);
    } catch (e) {
      if (e instanceof AppError && e.code === 'unauthenticated') return setupPage(c, session, { code: 'accounts.error.code' });
      if (e instanceof AppError && e.code === 'conflict') return c.redirect('/account', 303);
      throw e;
    }
    return c.redirect('/account?done=two-factor-on', 303);
  });

  return app;
}
