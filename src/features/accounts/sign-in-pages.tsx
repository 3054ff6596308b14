/**
 * Pages before sign-in: sign in, the second factor, sign up, "check your
 * e-mail", reset request and new password, and the one-button confirmations
 * a mailed link opens (a GET never changes anything; the button posts).
 * Every form is the forms stage's: an error summary that takes focus, fields
 * with their messages in the page's language, the CSRF token.
 */
import type { JSX } from 'hono/jsx/jsx-runtime';
import { t, tParts, type MessageKey } from '../../i18n/i18n.js';
import { errorOf, ErrorSummary, Form, hasErrors, Notice, TextField, type FormState, type FormToken } from '../../platform/forms/index.js';
import { Layout, type PageContext } from '../../web/layout.js';

interface FormPage {
  ctx: PageContext;
  token: FormToken;
  form: FormState;
}

export function SignInPage(props: FormPage & { next: string; notice?: string | undefined; alternative?: JSX.Element | null | undefined }) {
  const { lang } = props.ctx;
  const { form } = props;
  const title = t(lang, 'accounts.signIn.title');
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={hasErrors(form)}>
      <h1>{title}</h1>
      <Notice text={props.notice} />
      <ErrorSummary lang={lang} errors={form.errors} />
      <Form action="/sign-in" token={props.token}>
        <input type="hidden" name="next" value={props.next} />
        <TextField
          lang={lang}
          name="email"
          type="email"
          label="accounts.field.email"
          autocomplete="username"
          value={form.values['email']}
          error={errorOf(form, 'email')}
        />
        <TextField
          lang={lang}
          name="password"
          type="password"
          label="accounts.field.password"
          autocomplete="current-password"
          error={errorOf(form, 'password')}
        />
        <button type="submit">{t(lang, 'accounts.signIn.submit')}</button>
      </Form>
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
  const { form } = props;
  const title = t(lang, 'accounts.twoFactor.title');
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={hasErrors(form)}>
      <h1>{title}</h1>
      <p>{t(lang, 'accounts.twoFactor.lead')}</p>
      <ErrorSummary lang={lang} errors={form.errors} />
      <Form action="/sign-in/two-factor" token={props.token}>
        <input type="hidden" name="next" value={props.next} />
        <TextField
          lang={lang}
          name="code"
          label="accounts.field.code"
          autocomplete="one-time-code"
          inputmode="numeric"
          maxlength={6}
          error={errorOf(form, 'code')}
        />
        <button type="submit">{t(lang, 'accounts.twoFactor.submit')}</button>
      </Form>
    </Layout>
  );
}

export function SignUpPage(props: FormPage) {
  const { lang } = props.ctx;
  const { form } = props;
  const title = t(lang, 'accounts.signUp.title');
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={hasErrors(form)}>
      <h1>{title}</h1>
      <p>{t(lang, 'accounts.signUp.lead')}</p>
      <ErrorSummary lang={lang} errors={form.errors} />
      <Form action="/sign-up" token={props.token}>
        <TextField
          lang={lang}
          name="displayName"
          label="accounts.field.displayName"
          autocomplete="name"
          maxlength={100}
          value={form.values['displayName']}
          error={errorOf(form, 'displayName')}
        />
        <TextField
          lang={lang}
          name="email"
          type="email"
          label="accounts.field.email"
          autocomplete="email"
          value={form.values['email']}
          error={errorOf(form, 'email')}
        />
        <TextField
          lang={lang}
          name="password"
          type="password"
          label="accounts.field.password"
          autocomplete="new-password"
          hint="accounts.signUp.passwordHint"
          error={errorOf(form, 'password')}
        />
        <button type="submit">{t(lang, 'accounts.signUp.submit')}</button>
      </Form>
      <p>
        <a href="/sign-in">{t(lang, 'accounts.signUp.haveAccount')}</a>
      </p>
    </Layout>
  );
}

/** Where outbox mail can be read, for an administrator when no SMTP server is set up. */
export const OUTBOX_PATH = '/admin/outbox';

/**
 * "Check your e-mail", the page a sign-up or reset request redirects to. With
 * `outbox` (no SMTP server set up, and the reader an administrator) it also
 * says where the mail went; everyone else learns only what the public may know.
 */
export function SentPage(props: { ctx: PageContext; text: MessageKey; outbox?: boolean }) {
  const { lang } = props.ctx;
  const title = t(lang, 'accounts.sent.title');
  return (
    <Layout ctx={props.ctx} title={title}>
      <h1>{title}</h1>
      <p role="status">{t(lang, props.text)}</p>
      {props.outbox ? (
        <p class="notice">{tParts(lang, 'accounts.sent.outbox', { link: <a href={OUTBOX_PATH}>{OUTBOX_PATH}</a> })}</p>
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
  token: FormToken;
  action: string;
  linkToken: string;
  title: MessageKey;
  submit: MessageKey;
}) {
  const { lang } = props.ctx;
  const title = t(lang, props.title);
  return (
    <Layout ctx={props.ctx} title={title}>
      <h1>{title}</h1>
      <Form action={props.action} token={props.token} class="">
        <input type="hidden" name="token" value={props.linkToken} />
        <button type="submit">{t(lang, props.submit)}</button>
      </Form>
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
  const { form } = props;
  const title = t(lang, 'accounts.reset.title');
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={hasErrors(form)}>
      <h1>{title}</h1>
      <p>{t(lang, 'accounts.reset.lead')}</p>
      <ErrorSummary lang={lang} errors={form.errors} />
      <Form action="/reset-password" token={props.token}>
        <TextField
          lang={lang}
          name="email"
          type="email"
          label="accounts.field.email"
          autocomplete="email"
          value={form.values['email']}
          error={errorOf(form, 'email')}
        />
        <button type="submit">{t(lang, 'accounts.reset.submit')}</button>
      </Form>
    </Layout>
  );
}

export function ResetConfirmPage(props: FormPage & { linkToken: string }) {
  const { lang } = props.ctx;
  const { form } = props;
  const title = t(lang, 'accounts.reset.confirmTitle');
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={hasErrors(form)}>
      <h1>{title}</h1>
      <ErrorSummary lang={lang} errors={form.errors} />
      <Form action="/reset-password/confirm" token={props.token}>
        <input type="hidden" name="token" value={props.linkToken} />
        <TextField
          lang={lang}
          name="password"
          type="password"
          label="accounts.field.newPassword"
          autocomplete="new-password"
          hint="accounts.signUp.passwordHint"
          error={errorOf(form, 'password')}
        />
        <button type="submit">{t(lang, 'accounts.reset.confirmSubmit')}</button>
      </Form>
    </Layout>
  );
}
