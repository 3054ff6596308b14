/** HTML routes for signing in (with the second factor), out and up, and confirming an address. */
import { Hono, type Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { AppEnv, Deps } from '../../http/app-env.js';
import { safeReturnPath } from '../../http/safe-redirect.js';
import { t, type MessageKey } from '../../i18n/i18n.js';
import { formToken, freshForm, handleForm, readPosted, type FormState } from '../../platform/forms/index.js';
import type { Language } from '../../shared/localised.js';
import { pageContext } from '../../web/page-context.js';
import { showConfirmLink } from './confirm-link-route.js';
import { clearSessionCookie, writeSessionCookie } from './cookies.js';
import { verifyEmail } from './email-verification.js';
import { CODE_FORM, SIGN_IN_FORM, SIGN_UP_FORM } from './form-schemas.js';
import { limitPerIp } from './rate-limits.js';
import { renderAccountPage } from './render.js';
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

/** A same-site path to return to after sign-in, or the account page. Never another origin. */
export function safeNext(value: string | undefined): string {
  return safeReturnPath(value, '/account');
}

/**
 * "Check your e-mail" after a sign-up or reset request (each redirects here, so a reload never posts
 * again). Where mail went without a mail server is said to an administrator only, and in the server log.
 */
export function sentPage(deps: Deps, text: MessageKey) {
  return (c: Context<AppEnv>) => {
    const actor = c.get('actor');
    const admin = actor.kind === 'user' && actor.platformRole === 'admin';
    return renderAccountPage(c, <SentPage ctx={pageContext(c)} text={text} outbox={admin && deps.config.smtpUrl === undefined} />);
  };
}

/** Says once per request, in the server log, where the mail of a form went when no mail server is set up. */
export function logOutbox(deps: Deps, form: string): void {
  if (deps.config.smtpUrl !== undefined) return;
  deps.logger.info(
    { event: 'mail-kept', form },
    'no mail server (DCP_SMTP_URL): any mail this sent is in the outbox — read it at /admin/outbox or with `npm run dcp -- outbox`',
  );
}

/** Another way to sign in, shown under the sign-in form (single sign-on); given by app.ts, so accounts need not import sso. */
export type SignInAlternative = (props: { lang: Language; next: string }) => JSX.Element | null;

export interface SignInOptions {
  readonly signInAlternative?: SignInAlternative | undefined;
}

const secondFactorPage = (c: Context<AppEnv>, next: string, form: FormState, status: 200 | 400 | 401 | 429 = 200) =>
  renderAccountPage(c, <SecondFactorPage ctx={pageContext(c)} token={formToken(c)} next={next} form={form} />, status);

const signUpPage = (c: Context<AppEnv>, form: FormState, status: 200 | 400 | 429 = 200) =>
  renderAccountPage(c, <SignUpPage ctx={pageContext(c)} token={formToken(c)} form={form} />, status);

export function signInRoutes(deps: Deps, options: SignInOptions = {}) {
  const app = new Hono<AppEnv>();
  const alternative = options.signInAlternative;

  const signInPage = (c: Context<AppEnv>, next: string, form: FormState, status: 200 | 400 | 401 | 403 | 429 = 200) =>
    renderAccountPage(
      c,
      <SignInPage
        ctx={pageContext(c)}
        token={formToken(c)}
        form={form}
        next={next}
        notice={status === 200 ? doneNotice(c, DONE) : undefined}
        alternative={alternative?.({ lang: c.get('lang'), next })}
      />,
      status,
    );

  app.get('/sign-in', async (c) => {
    if (c.get('actor').kind === 'user') return c.redirect('/account', 303);
    return signInPage(c, safeNext(c.req.query('next')), freshForm());
  });

  app.post('/sign-in', limitPerIp(deps, 'sign-in', 10), async (c) => {
    const next = safeNext((await readPosted(c))['next']);
    return handleForm(c, {
      spec: SIGN_IN_FORM,
      render: (form, status) => signInPage(c, next, form, status as 400 | 401 | 403 | 429),
      refusals: [
        { code: 'unauthenticated', show: 'email', message: 'accounts.error.credentials' },
        { code: 'forbidden', show: 'email', message: 'accounts.error.unverified' },
      ],
      run: async (input) => {
        const outcome = await signInWithPassword(deps, {
          email: input.email,
          password: input.password,
          userAgent: c.req.header('user-agent'),
          requestId: c.get('requestId'),
        });
        writeSessionCookie(c, outcome.session.cookieValue, outcome.session.maxAgeSeconds);
        if (outcome.kind === 'second-factor') return c.redirect(`/sign-in/two-factor?next=${encodeURIComponent(next)}`, 303);
        if (outcome.kind === 'enrol') return c.redirect('/account/two-factor', 303);
        return c.redirect(next, 303);
      },
    });
  });

  app.get('/sign-in/two-factor', async (c) => {
    const session = c.get('session');
    if (!session?.pendingSecondFactor) return c.redirect('/sign-in', 303);
    return secondFactorPage(c, safeNext(c.req.query('next')), freshForm());
  });

  app.post('/sign-in/two-factor', limitPerIp(deps, 'sign-in', 10), async (c) => {
    const session = c.get('session');
    if (!session?.pendingSecondFactor) return c.redirect('/sign-in', 303);
    const next = safeNext((await readPosted(c))['next']);
    return handleForm(c, {
      spec: CODE_FORM,
      render: (form, status) => secondFactorPage(c, next, form, status as 400 | 401 | 429),
      refusals: [
        { code: 'unauthenticated', show: 'code', message: 'accounts.error.code' },
        { code: 'conflict', show: '', message: 'accounts.error.code' },
      ],
      run: async ({ code }) => {
        const renewed = await completeSignIn(deps, session.userId, code, { ...session, requestId: c.get('requestId') });
        writeSessionCookie(c, renewed.cookieValue, renewed.maxAgeSeconds);
        return c.redirect(next, 303);
      },
    });
  });

  app.post('/sign-out', async (c) => {
    const session = c.get('session');
    if (session) await endSession(deps, session.idHash);
    clearSessionCookie(c);
    return c.redirect('/sign-in?done=signed-out', 303);
  });

  app.get('/sign-up', (c) => signUpPage(c, freshForm()));

  app.post('/sign-up', limitPerIp(deps, 'sign-up', 10), (c) =>
    handleForm(c, {
      spec: SIGN_UP_FORM,
      render: (form, status) => signUpPage(c, form, status as 400 | 429),
      run: async (input) => {
        await signUp(deps, { ...input, lang: c.get('lang') });
        logOutbox(deps, 'sign-up');
        return c.redirect('/sign-up/sent', 303);
      },
    }),
  );

  app.get('/sign-up/sent', sentPage(deps, 'accounts.sent.signUp'));

  app.get('/verify-email', showConfirmLink('/verify-email', 'accounts.verify.title', 'accounts.verify.submit'));

  app.post('/verify-email', async (c) => {
    const posted = await readPosted(c);
    if (!(await verifyEmail(deps, posted['token'] ?? ''))) return renderAccountPage(c, <LinkInvalidPage ctx={pageContext(c)} />, 404);
    return c.redirect('/sign-in?done=email-verified', 303);
  });

  return app;
}
