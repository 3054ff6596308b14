/**
 * Pages before sign-in: sign in, the second factor, sign up, "check your
 * e-mail", reset request and new password, and the one-button confirmations
 * a mailed link opens (a GET never changes anything; the button posts).
 */
import type { JSX } from 'hono/jsx/jsx-runtime';
import { t, type MessageKey } from '../../i18n/i18n.js';
import { Layout, type PageContext } from '../../web/layout.js';
import { CsrfInput, ErrorSummary, Field, Notice, type FormErrors } from './forms.js';

interface FormPage {
  ctx: PageContext;
  csrf: string;
  errors?: FormErrors;
  values?: Record<string, string>;
}

export function SignInPage(props: FormPage & { next: string; notice?: string | undefined; alternative?: JSX.Element | null | undefined }) {
  const { lang } = props.ctx;
  const errors = props.errors ?? {};
  const title = t(lang, 'accounts.signIn.title');
  return (
    <Layout ctx={props.ctx} title={title}>
      <h1>{title}</h1>
      <Notice text={props.notice} />
      <ErrorSummary lang={lang} errors={errors} labels={{ email: 'accounts.field.email', password: 'accounts.field.password' }} />
      <form method="post" action="/sign-in" class="stack" novalidate>
        <CsrfInput token={props.csrf} />
        <input type="hidden" name="next" value={props.next} />
        <Field
          lang={lang}
          name="email"
          type="email"
          label="accounts.field.email"
          autocomplete="username"
          value={props.values?.['email']}
          error={errors['email']}
        />
        <Field
          lang={lang}
          name="password"
          type="password"
          label="accounts.field.password"
          autocomplete="current-password"
          error={errors['password']}
        />
        <button type="submit">{t(lang, 'accounts.signIn.submit')}</button>
      </form>
      {props.alternative ?? null}
      <p>
        <a href="/reset-password">{t(lang, 'accounts.signIn.forgot')}</a>
      </p>
      <p>
        <a href="/sign-up">{t(lang, 'accounts.signIn.noAccount')}</a>
      </p>
    </Layout>
  );
}

export function SecondFactorPage(props: FormPage & { next: string }) {
  const { lang } = props.ctx;
  const errors = props.errors ?? {};
  const title = t(lang, 'accounts.twoFactor.title');
  return (
    <Layout ctx={props.ctx} title={title}>
      <h1>{title}</h1>
      <p>{t(lang, 'accounts.twoFactor.lead')}</p>
      <ErrorSummary lang={lang} errors={errors} labels={{ code: 'accounts.field.code' }} />
      <form method="post" action="/sign-in/two-factor" class="stack" novalidate>
        <CsrfInput token={props.csrf} />
        <input type="hidden" name="next" value={props.next} />
        <Field
          lang={lang}
          name="code"
          label="accounts.field.code"
          autocomplete="one-time-code"
          inputmode="numeric"
          maxlength={6}
          error={errors['code']}
        />
        <button type="submit">{t(lang, 'accounts.twoFactor.submit')}</button>
      </form>
    </Layout>
  );
}

export function SignUpPage(props: FormPage) {
  const { lang } = props.ctx;
  const errors = props.errors ?? {};
  const title = t(lang, 'accounts.signUp.title');
  return (
    <Layout ctx={props.ctx} title={title}>
      <h1>{title}</h1>
      <p>{t(lang, 'accounts.signUp.lead')}</p>
      <ErrorSummary
        lang={lang}
        errors={errors}
        labels={{ displayName: 'accounts.field.displayName', email: 'accounts.field.email', password: 'accounts.field.password' }}
      />
      <form method="post" action="/sign-up" class="stack" novalidate>
        <CsrfInput token={props.csrf} />
        <Field
          lang={lang}
          name="displayName"
          label="accounts.field.displayName"
          autocomplete="name"
          maxlength={100}
          value={props.values?.['displayName']}
          error={errors['displayName']}
        />
        <Field
          lang={lang}
          name="email"
          type="email"
          label="accounts.field.email"
          autocomplete="email"
          value={props.values?.['email']}
          error={errors['email']}
        />
        <Field
          lang={lang}
          name="password"
          type="password"
          label="accounts.field.password"
          autocomplete="new-password"
          hint="accounts.signUp.passwordHint"
          error={errors['password']}
        />
        <button type="submit">{t(lang, 'accounts.signUp.submit')}</button>
      </form>
      <p>
        <a href="/sign-in">{t(lang, 'accounts.signUp.haveAccount')}</a>
      </p>
    </Layout>
  );
}

/** Where outbox mail can be read, for the "check your e-mail" page when no SMTP server is set up. */
export const OUTBOX_PATH = '/admin/outbox';

/**
 * "Check your e-mail". With `outbox` (no SMTP server configured) it also says
 * where the mail went: the admin outbox page, or `npm run dcp -- outbox` on the
 * server — how a newcomer confirms the first account without a mail server.
 */
export function SentPage(props: { ctx: PageContext; text: MessageKey; outbox?: boolean }) {
  const { lang } = props.ctx;
  const title = t(lang, 'accounts.sent.title');
  const [before, after = ''] = t(lang, 'accounts.sent.outbox').split('{link}');
  return (
    <Layout ctx={props.ctx} title={title}>
      <h1>{title}</h1>
      <p role="status">{t(lang, props.text)}</p>
      {props.outbox ? (
        <p class="notice">
          {before}
          <a href={OUTBOX_PATH}>{OUTBOX_PATH}</a>
          {after}
        </p>
      ) : null}
      <p>
        <a href="/sign-in">{t(lang, 'accounts.signIn.title')}</a>
      </p>
    </Layout>
  );
}

/** The page a mailed link opens: one button that posts the token. */
export function ConfirmLinkPage(props: {
  ctx: PageContext;
  csrf: string;
  action: string;
  token: string;
  title: MessageKey;
  submit: MessageKey;
}) {
  const { lang } = props.ctx;
  const title = t(lang, props.title);
  return (
    <Layout ctx={props.ctx} title={title}>
      <h1>{title}</h1>
      <form method="post" action={props.action}>
        <CsrfInput token={props.csrf} />
        <input type="hidden" name="token" value={props.token} />
        <button type="submit">{t(lang, props.submit)}</button>
      </form>
    </Layout>
  );
}

export function LinkInvalidPage(props: { ctx: PageContext; text?: MessageKey }) {
  const { lang } = props.ctx;
  const title = t(lang, 'accounts.errors.title');
  return (
    <Layout ctx={props.ctx} title={title}>
      <h1>{title}</h1>
      <p>{t(lang, props.text ?? 'accounts.error.link')}</p>
      <p>
        <a href="/reset-password">{t(lang, 'accounts.reset.title')}</a>
      </p>
    </Layout>
  );
}

export function ResetRequestPage(props: FormPage) {
  const { lang } = props.ctx;
  const errors = props.errors ?? {};
  const title = t(lang, 'accounts.reset.title');
  return (
    <Layout ctx={props.ctx} title={title}>
      <h1>{title}</h1>
      <p>{t(lang, 'accounts.reset.lead')}</p>
      <ErrorSummary lang={lang} errors={errors} labels={{ email: 'accounts.field.email' }} />
      <form method="post" action="/reset-password" class="stack" novalidate>
        <CsrfInput token={props.csrf} />
        <Field
          lang={lang}
          name="email"
          type="email"
          label="accounts.field.email"
          autocomplete="email"
          value={props.values?.['email']}
          error={errors['email']}
        />
        <button type="submit">{t(lang, 'accounts.reset.submit')}</button>
      </form>
    </Layout>
  );
}

export function ResetConfirmPage(props: FormPage & { token: string }) {
  const { lang } = props.ctx;
  const errors = props.errors ?? {};
  const title = t(lang, 'accounts.reset.confirmTitle');
  return (
    <Layout ctx={props.ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary lang={lang} errors={errors} labels={{ password: 'accounts.field.newPassword' }} />
      <form method="post" action="/reset-password/confirm" class="stack" novalidate>
        <CsrfInput token={props.csrf} />
        <input type="hidden" name="token" value={props.token} />
        <Field
          lang={lang}
          name="password"
          type="password"
          label="accounts.field.newPassword"
          autocomplete="new-password"
          hint="accounts.signUp.passwordHint"
          error={errors['password']}
        />
        <button type="submit">{t(lang, 'accounts.reset.confirmSubmit')}</button>
      </form>
    </Layout>
  );
}
