/**
 * /account: profile, e-mail, password, sessions, two-factor sign-in,
 * organisations and API tokens — each section its own plain form.
 */
import { CATALOGUES, formatDate, t } from '../../i18n/i18n.js';
import { LANGUAGES } from '../../shared/localised.js';
import { Layout, type PageContext } from '../../web/layout.js';
import { ActionButton, CsrfInput, ErrorSummary, Field, Notice, type FormErrors } from './forms.js';
import type { ApiToken, Me } from './schemas.js';

export interface AccountView {
  readonly me: Me;
  readonly sessions: readonly { current: boolean; createdAt: Date; lastSeenAt: Date; userAgent: string | null }[];
  readonly tokens: readonly ApiToken[];
  /** What the policy lets this person do here (admins and coordinators must keep their second factor). */
  readonly may: { readonly disableTwoFactor: boolean };
}

export function AccountPage(props: {
  ctx: PageContext;
  csrf: string;
  view: AccountView;
  notice?: string | undefined;
  errors?: FormErrors;
  values?: Record<string, string>;
  createdToken?: string | undefined;
}) {
  const { lang } = props.ctx;
  const { me, sessions, tokens } = props.view;
  const errors = props.errors ?? {};
  const title = t(lang, 'accounts.account.title');
  const when = (d: Date | string) => formatDate(lang, new Date(d));
  return (
    <Layout ctx={props.ctx} title={title}>
      <h1>{title}</h1>
      <Notice text={props.notice} />
      <ErrorSummary
        lang={lang}
        errors={errors}
        labels={{
          displayName: 'accounts.field.displayName',
          newEmail: 'accounts.account.emailNew',
          emailPassword: 'accounts.field.password',
          currentPassword: 'accounts.field.currentPassword',
          newPassword: 'accounts.field.newPassword',
          name: 'accounts.field.tokenName',
          organisationId: 'accounts.field.organisation',
          disablePassword: 'accounts.field.password',
        }}
      />
      {props.createdToken ? (
        <div class="notice" role="status">
          <p>{t(lang, 'accounts.tokens.created')}</p>
          <p>
            <code dir="ltr">{props.createdToken}</code>
          </p>
        </div>
      ) : null}

      <h2>{t(lang, 'accounts.account.profile')}</h2>
      <form method="post" action="/account/profile" class="stack" novalidate>
        <CsrfInput token={props.csrf} />
        <Field
          lang={lang}
          name="displayName"
          label="accounts.field.displayName"
          autocomplete="name"
          maxlength={100}
          value={props.values?.['displayName'] ?? me.displayName}
          error={errors['displayName']}
        />
        <div class="field">
          <label for="preferredLanguage">{t(lang, 'accounts.field.language')}</label>
          <select id="preferredLanguage" name="preferredLanguage">
            <option value="">{t(lang, 'accounts.account.languageAuto')}</option>
            {LANGUAGES.map((l) => (
              <option value={l} lang={l} selected={me.preferredLanguage === l}>
                {CATALOGUES[l]['lang.name']}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t(lang, 'accounts.account.save')}</button>
      </form>

      <h2>{t(lang, 'accounts.account.emailTitle')}</h2>
      <p>{t(lang, 'accounts.account.emailCurrent', { email: me.email })}</p>
      <form method="post" action="/account/email" class="stack" novalidate>
        <CsrfInput token={props.csrf} />
        <Field
          lang={lang}
          name="newEmail"
          type="email"
          label="accounts.account.emailNew"
          autocomplete="email"
          value={props.values?.['newEmail']}
          error={errors['newEmail']}
        />
        <Field
          lang={lang}
          name="emailPassword"
          type="password"
          label="accounts.field.password"
          autocomplete="current-password"
          error={errors['emailPassword']}
        />
        <button type="submit">{t(lang, 'accounts.account.emailSubmit')}</button>
      </form>

      <h2>{t(lang, 'accounts.account.passwordTitle')}</h2>
      <p>{t(lang, 'accounts.account.passwordNote')}</p>
      <form method="post" action="/account/password" class="stack" novalidate>
        <CsrfInput token={props.csrf} />
        <input type="text" name="username" autocomplete="username" value={me.email} hidden />
        <Field
          lang={lang}
          name="currentPassword"
          type="password"
          label="accounts.field.currentPassword"
          autocomplete="current-password"
          error={errors['currentPassword']}
        />
        <Field
          lang={lang}
          name="newPassword"
          type="password"
          label="accounts.field.newPassword"
          autocomplete="new-password"
          hint="accounts.signUp.passwordHint"
          error={errors['newPassword']}
        />
        <button type="submit">{t(lang, 'accounts.account.passwordSubmit')}</button>
      </form>

      <h2>{t(lang, 'accounts.twoFactor.title')}</h2>
      {me.twoFactorEnabled ? (
        <>
          <p>{t(lang, 'accounts.twoFactor.on')}</p>
          {!props.view.may.disableTwoFactor ? null : (
            <form method="post" action="/account/two-factor/disable" class="stack" novalidate>
              <CsrfInput token={props.csrf} />
              <Field
                lang={lang}
                name="disablePassword"
                type="password"
                label="accounts.field.password"
                autocomplete="current-password"
                error={errors['disablePassword']}
              />
              <button type="submit">{t(lang, 'accounts.twoFactor.disable')}</button>
            </form>
          )}
        </>
      ) : (
        <p>
          {t(lang, 'accounts.twoFactor.off')} <a href="/account/two-factor">{t(lang, 'accounts.twoFactor.enable')}</a>
        </p>
      )}

      <h2>{t(lang, 'accounts.account.sessionsTitle')}</h2>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'accounts.account.sessionDevice')}</th>
              <th scope="col">{t(lang, 'accounts.account.sessionStarted')}</th>
              <th scope="col">{t(lang, 'accounts.account.sessionLastSeen')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr>
                <td>
                  {s.current ? <strong>{t(lang, 'accounts.account.sessionCurrent')}</strong> : null}{' '}
                  <span dir="ltr">{s.userAgent ?? ''}</span>
                </td>
                <td>{when(s.createdAt)}</td>
                <td>{when(s.lastSeenAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sessions.length > 1 ? (
        <ActionButton action="/account/sessions/end-others" csrf={props.csrf} label={t(lang, 'accounts.account.endOthers')} />
      ) : null}

      <h2>{t(lang, 'accounts.account.orgsTitle')}</h2>
      {me.memberships.length === 0 ? (
        <p>{t(lang, 'accounts.account.orgsNone')}</p>
      ) : (
        <ul>
          {me.memberships.map((m) => (
            <li>
              <a href={`/organisations/${m.organisationId}`}>{m.organisationName}</a> ({m.role})
            </li>
          ))}
        </ul>
      )}

      <h2>{t(lang, 'accounts.tokens.title')}</h2>
      <p>{t(lang, 'accounts.tokens.lead')}</p>
      {tokens.length === 0 ? (
        <p>{t(lang, 'accounts.tokens.none')}</p>
      ) : (
        <ul class="tokens">
          {tokens.map((tok) => (
            <li>
              <strong>{tok.name}</strong> · <code dir="ltr">{tok.hint}</code> · {tok.organisationName} ·{' '}
              {t(lang, tok.scope === 'write' ? 'accounts.tokens.write' : 'accounts.tokens.read')}
              {' · '}
              {t(lang, 'accounts.tokens.lastUsed')}: {tok.lastUsedAt ? when(tok.lastUsedAt) : t(lang, 'accounts.tokens.never')}
              <ActionButton action={`/account/tokens/${tok.id}/revoke`} csrf={props.csrf} label={t(lang, 'accounts.tokens.revoke')} />
            </li>
          ))}
        </ul>
      )}
      {me.memberships.length === 0 ? (
        <p>{t(lang, 'accounts.tokens.needOrg')}</p>
      ) : (
        <form method="post" action="/account/tokens" class="stack" novalidate>
          <CsrfInput token={props.csrf} />
          <Field
            lang={lang}
            name="name"
            label="accounts.field.tokenName"
            autocomplete="off"
            maxlength={100}
            value={props.values?.['name']}
            error={errors['name']}
          />
          <div class={errors['organisationId'] ? 'field invalid' : 'field'}>
            <label for="organisationId">{t(lang, 'accounts.field.organisation')}</label>
            {errors['organisationId'] ? (
              <p class="error" id="organisationId-error">
                {t(lang, errors['organisationId'])}
              </p>
            ) : null}
            <select
              id="organisationId"
              name="organisationId"
              aria-describedby={errors['organisationId'] ? 'organisationId-error' : undefined}
            >
              {me.memberships.map((m) => (
                <option value={m.organisationId}>{m.organisationName}</option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend>{t(lang, 'accounts.field.scope')}</legend>
            <label>
              <input type="radio" name="scope" value="read" checked /> {t(lang, 'accounts.tokens.read')}
            </label>
            <label>
              <input type="radio" name="scope" value="write" /> {t(lang, 'accounts.tokens.write')}
            </label>
          </fieldset>
          <button type="submit">{t(lang, 'accounts.tokens.create')}</button>
        </form>
      )}

      <h2>{t(lang, 'accounts.account.signOut')}</h2>
      <ActionButton action="/sign-out" csrf={props.csrf} label={t(lang, 'accounts.account.signOut')} />
    </Layout>
  );
}

export function TwoFactorSetupPage(props: {
  ctx: PageContext;
  csrf: string;
  secret: string;
  uri: string;
  required: boolean;
  errors?: FormErrors;
}) {
  const { lang } = props.ctx;
  const errors = props.errors ?? {};
  const title = t(lang, 'accounts.twoFactor.setupTitle');
  return (
    <Layout ctx={props.ctx} title={title}>
      <h1>{title}</h1>
      {props.required ? <p class="notice">{t(lang, 'accounts.twoFactor.required')}</p> : null}
      <ErrorSummary lang={lang} errors={errors} labels={{ code: 'accounts.field.code' }} />
      <p>{t(lang, 'accounts.twoFactor.step1')}</p>
      <dl class="facts">
        <dt>{t(lang, 'accounts.twoFactor.key')}</dt>
        <dd>
          <code dir="ltr">{props.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
        </dd>
        <dt>{t(lang, 'accounts.twoFactor.link')}</dt>
        <dd>
          <a href={props.uri} dir="ltr">
            {props.uri}
          </a>
        </dd>
      </dl>
      <p>{t(lang, 'accounts.twoFactor.step2')}</p>
      <form method="post" action="/account/two-factor" class="stack" novalidate>
        <CsrfInput token={props.csrf} />
        <Field
          lang={lang}
          name="code"
          label="accounts.field.code"
          autocomplete="one-time-code"
          inputmode="numeric"
          maxlength={6}
          error={errors['code']}
        />
        <button type="submit">{t(lang, 'accounts.twoFactor.setupSubmit')}</button>
      </form>
    </Layout>
  );
}
