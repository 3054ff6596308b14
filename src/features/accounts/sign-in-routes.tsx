/** HTML routes for signing in (with the second factor), out and up, and confirming an address. */
import { Hono, type Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { Language } from '../../shared/localised.js';
import { AppError } from '../../http/app-error.js';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { t, type MessageKey } from '../../i18n/i18n.js';
import { pageContext } from '../../web/page-context.js';
import { clearSessionCookie, writeSessionCookie } from './cookies.js';
import { csrfToken } from './csrf.js';
import { verifyEmail } from './email-verification.js';
import type { FormErrors } from './forms.js';
import { displayNameError, emailError, newPasswordError, readForm, safeNext } from './form-input.js';
import { limitPerIp } from './rate-limits.js';
import { renderAccountPage } from './render.js';
import { showConfirmLink } from './confirm-link-route.js';
import { endSession } from './sessions.js';
import { LinkInvalidPage, SecondFactorPage, SentPage, SignInPage, SignUpPage } from './sign-in-pages.js';
import { signInWithPassword } from './sign-in.js';
import { signUp } from './sign-up.js';
import { completeSignIn } from './two-factor.js';

const DONE: Record<string, MessageKey> = {
  'signed-out': 'accounts.done.signedOut',
  'email-verified': 'accounts.done.emailVerified',
  'password-reset': 'accounts.done.passwordReset',
  'email-changed': 'accounts.done.emailChanged',
};

/** The notice a redirect asked for with ?done=…, in the page's language. */
export function doneNotice(c: Context<AppEnv>, table: Record<string, MessageKey>): string | undefined {
  const key = table[c.req.query('done') ?? ''];
  return key ? t(c.get('lang'), key) : undefined;
}

function hasErrors(errors: FormErrors): boolean {
  return Object.values(errors).some(Boolean);
}

/** Another way to sign in, shown under the sign-in form (single sign-on); given by app.ts, so accounts need not import sso. */
export type SignInAlternative = (props: { lang: Language; next: string }) => JSX.Element | null;

export interface SignInOptions {
  readonly signInAlternative?: SignInAlternative | undefined;
}

export function signInRoutes(deps: Deps, options: SignInOptions = {}) {
  const app = new Hono<AppEnv>();
  const alternative = options.signInAlternative;

  app.get('/sign-in', async (c) => {
    if (c.get('actor').kind === 'user') return c.redirect('/account', 303);
    const next = safeNext(c.req.query('next'));
    return renderAccountPage(
      c,
      <SignInPage
        ctx={pageContext(c)}
        csrf={csrfToken(c)}
        next={next}
        notice={doneNotice(c, DONE)}
        alternative={alternative?.({ lang: c.get('lang'), next })}
      />,
    );
  });

  app.post('/sign-in', limitPerIp(deps, 'sign-in', 10), async (c) => {
    const form = await readForm(c);
    const next = safeNext(form['next']);
    const errors: FormErrors = {
      email: emailError(form['email']),
      password: form['password'] ? undefined : 'accounts.error.password.required',
    };
    const again = (e: FormErrors, status: 400 | 401 | 403) =>
      renderAccountPage(
        c,
        <SignInPage
          ctx={pageContext(c)}
          csrf={csrfToken(c)}
          next={next}
          errors={e}
          values={{ email: form['email'] ?? '' }}
          alternative={alternative?.({ lang: c.get('lang'), next })}
        />,
        status,
      );
    if (hasErrors(errors)) return again(errors, 400);
    try {
      const outcome = await signInWithPassword(deps, {
        email: form['email']!,
        password: form['password']!,
        userAgent: c.req.header('user-agent'),
        requestId: c.get('requestId'),
      });
      writeSessionCookie(c, outcome.session.cookieValue, outcome.session.maxAgeSeconds);
      if (outcome.kind === 'second-factor') return c.redirect(`/sign-in/two-factor?next=${encodeURIComponent(next)}`, 303);
      if (outcome.kind === 'enrol') return c.redirect('/account/two-factor', 303);
      return c.redirect(next, 303);
    } catch (error) {
      if (error instanceof AppError && error.code === 'unauthenticated') return again({ email: 'accounts.error.credentials' }, 401);
      if (error instanceof AppError && error.code === 'forbidden') return again({ email: 'accounts.error.unverified' }, 403);
      throw error;
    }
  });

  app.get('/sign-in/two-factor', async (c) => {
    const session = c.get('session');
    if (!session?.pendingSecondFactor) return c.redirect('/sign-in', 303);
    return renderAccountPage(c, <SecondFactorPage ctx={pageContext(c)} csrf={csrfToken(c)} next={safeNext(c.req.query('next'))} />);
  });

  app.post('/sign-in/two-factor', limitPerIp(deps, 'sign-in', 10), async (c) => {
    const session = c.get('session');
    if (!session?.pendingSecondFactor) return c.redirect('/sign-in', 303);
    const form = await readForm(c);
    const next = safeNext(form['next']);
    try {
      const renewed = await completeSignIn(deps, session.userId, form['code'] ?? '', { ...session, requestId: c.get('requestId') });
      writeSessionCookie(c, renewed.cookieValue, renewed.maxAgeSeconds);
    } catch (error) {
      if (error instanceof AppError && error.code === 'unauthenticated') {
        return renderAccountPage(
          c,
          <SecondFactorPage ctx={pageContext(c)} csrf={csrfToken(c)} next={next} errors={{ code: 'accounts.error.code' }} />,
          401,
        );
      }
      if (error instanceof AppError && error.code === 'conflict') return c.redirect('/account/two-factor', 303);
      throw error;
    }
    return c.redirect(next, 303);
  });

  app.post('/sign-out', async (c) => {
    const session = c.get('session');
    if (session) await endSession(deps, session.idHash);
    clearSessionCookie(c);
    return c.redirect('/sign-in?done=signed-out', 303);
  });

  app.get('/sign-up', (c) => renderAccountPage(c, <SignUpPage ctx={pageContext(c)} csrf={csrfToken(c)} />));

  app.post('/sign-up', limitPerIp(deps, 'sign-up', 10), async (c) => {
    const form = await readForm(c);
    const errors: FormErrors = {
      displayName: displayNameError(form['displayName']),
      email: emailError(form['email']),
      password: newPasswordError(form['password']),
    };
    if (hasErrors(errors)) {
      const values = { displayName: form['displayName'] ?? '', email: form['email'] ?? '' };
      return renderAccountPage(c, <SignUpPage ctx={pageContext(c)} csrf={csrfToken(c)} errors={errors} values={values} />, 400);
    }
    await signUp(deps, { email: form['email']!, displayName: form['displayName']!, password: form['password']!, lang: c.get('lang') });
    return renderAccountPage(c, <SentPage ctx={pageContext(c)} text="accounts.sent.signUp" outbox={deps.config.smtpUrl === undefined} />);
  });

  app.get('/verify-email', showConfirmLink('/verify-email', 'accounts.verify.title', 'accounts.verify.submit'));

  app.post('/verify-email', async (c) => {
    const form = await readForm(c);
    if (!(await verifyEmail(deps, form['token'] ?? ''))) return renderAccountPage(c, <LinkInvalidPage ctx={pageContext(c)} />, 404);
    return c.redirect('/sign-in?done=email-verified', 303);
  });

  return app;
}
