/**
 * /account: profile, e-mail, password, sessions, two-factor sign-in,
 * organisations and API tokens — each section its own plain form of the forms
 * stage; one error summary at the top for whichever form came back.
 */
import { CATALOGUES, formatDate, t } from '../../i18n/i18n.js';
import {
  ActionButton,
  errorOf,
  ErrorSummary,
  Form,
  hasErrors,
  Notice,
  RadioGroup,
  SelectField,
  TextField,
  type FormState,
  type FormToken,
} from '../../platform/forms/index.js';
import { LANGUAGES } from '../../shared/localised.js';
import { Layout, type PageContext } from '../../web/layout.js';
import { ScrollRegion } from '../../web/scroll-region.js';
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
  token: FormToken;
  view: AccountView;
  form: FormState;
  notice?: string | undefined;
  createdToken?: string | undefined;
}) {
  const { lang } = props.ctx;
  const { me, sessions, tokens } = props.view;
  const { form, token } = props;
  const value = (name: string) => form.values[name];
  const title = t(lang, 'accounts.account.title');
  const when = (d: Date | string) => formatDate(lang, new Date(d));
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={hasErrors(form)}>
      <h1>{title}</h1>
      <Notice text={props.notice} />
      <ErrorSummary lang={lang} errors={form.errors} />
      {props.createdToken ? (
        <div class="notice" role="status">
          <p>{t(lang, 'accounts.tokens.created')}</p>
          <p>
            <code dir="ltr">{props.createdToken}</code>
          </p>
        </div>
      ) : null}

      <h2 id="profile">{t(lang, 'accounts.account.profile')}</h2>
      <Form action="/account/profile" token={token} aria-labelledby="profile">
        <TextField
          lang={lang}
          name="displayName"
          label="accounts.field.displayName"
          autocomplete="name"
          maxlength={100}
          value={value('displayName') ?? me.displayName}
          error={errorOf(form, 'displayName')}
        />
        <SelectField
          lang={lang}
          name="preferredLanguage"
          label="accounts.field.language"
          value={value('preferredLanguage') ?? me.preferredLanguage ?? ''}
          error={errorOf(form, 'preferredLanguage')}
          options={[
            { value: '', label: t(lang, 'accounts.account.languageAuto') },
            ...LANGUAGES.map((l) => ({ value: l, label: CATALOGUES[l]['lang.name'], lang: l })),
          ]}
        />
        <button type="submit">{t(lang, 'accounts.account.save')}</button>
      </Form>

      <h2 id="email">{t(lang, 'accounts.account.emailTitle')}</h2>
      <p>{t(lang, 'accounts.account.emailCurrent', { email: me.email })}</p>
      <Form action="/account/email" token={token} aria-labelledby="email">
        <TextField
          lang={lang}
          name="newEmail"
          type="email"
          label="accounts.account.emailNew"
          autocomplete="email"
          value={value('newEmail')}
          error={errorOf(form, 'newEmail')}
        />
        <TextField
          lang={lang}
          name="emailPassword"
          type="password"
          label="accounts.field.currentPassword"
          autocomplete="current-password"
          error={errorOf(form, 'emailPassword')}
        />
        <button type="submit">{t(lang, 'accounts.account.emailSubmit')}</button>
      </Form>

      <h2 id="password">{t(lang, 'accounts.account.passwordTitle')}</h2>
      <p>{t(lang, 'accounts.account.passwordNote')}</p>
      <Form action="/account/password" token={token} aria-labelledby="password">
        <input type="text" name="username" autocomplete="username" value={me.email} hidden />
        <TextField
          lang={lang}
          name="currentPassword"
          type="password"
          label="accounts.field.currentPassword"
          autocomplete="current-password"
          error={errorOf(form, 'currentPassword')}
        />
        <TextField
          lang={lang}
          name="newPassword"
          type="password"
          label="accounts.field.newPassword"
          autocomplete="new-password"
          hint="accounts.signUp.passwordHint"
          error={errorOf(form, 'newPassword')}
        />
        <button type="submit">{t(lang, 'accounts.account.passwordSubmit')}</button>
      </Form>

      <h2 id="two-factor">{t(lang, 'accounts.twoFactor.title')}</h2>
      {me.twoFactorEnabled ? (
        <>
          <p>{t(lang, 'accounts.twoFactor.on')}</p>
          {!props.view.may.disableTwoFactor ? null : (
            <Form action="/account/two-factor/disable" token={token} aria-labelledby="two-factor">
              <TextField
                lang={lang}
                name="disablePassword"
                type="password"
                label="accounts.field.currentPassword"
                autocomplete="current-password"
                error={errorOf(form, 'disablePassword')}
              />
              <button type="submit">{t(lang, 'accounts.twoFactor.disable')}</button>
            </Form>
          )}
        </>
      ) : (
        <p>
          {t(lang, 'accounts.twoFactor.off')} <a href="/account/two-factor">{t(lang, 'accounts.twoFactor.enable')}</a>
        </p>
      )}

      <h2 id="sessions">{t(lang, 'accounts.account.sessionsTitle')}</h2>
      <ScrollRegion labelledBy="sessions">
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
      </ScrollRegion>
      {sessions.length > 1 ? (
        <ActionButton action="/account/sessions/end-others" token={token} label={t(lang, 'accounts.account.endOthers')} />
      ) : null}

      <h2>{t(lang, 'accounts.account.orgsTitle')}</h2>
      {me.memberships.length === 0 ? (
        <p>{t(lang, 'accounts.account.orgsNone')}</p>
      ) : (
        <ul>
          {me.memberships.map((m) => (
            <li>
              <a href={`/organisations/${m.organisationId}`}>{m.organisationName}</a> ({t(lang, `org.role.${m.role}`)})
            </li>
          ))}
        </ul>
      )}

      <h2 id="tokens">{t(lang, 'accounts.tokens.title')}</h2>
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
              <ActionButton
                action={`/account/tokens/${tok.id}/revoke`}
                token={token}
                label={t(lang, 'accounts.tokens.revoke')}
                aria-label={`${t(lang, 'accounts.tokens.revoke')}: ${tok.name}`}
              />
            </li>
          ))}
        </ul>
      )}
      {me.memberships.length === 0 ? (
        <p>{t(lang, 'accounts.tokens.needOrg')}</p>
      ) : (
        <Form action="/account/tokens" token={token} aria-labelledby="tokens">
          <TextField
            lang={lang}
            name="name"
            label="accounts.field.tokenName"
            autocomplete="off"
            maxlength={100}
            value={value('name')}
            error={errorOf(form, 'name')}
          />
          <SelectField
            lang={lang}
            name="organisationId"
            label="accounts.field.organisation"
            value={value('organisationId')}
            error={errorOf(form, 'organisationId')}
            options={me.memberships.map((m) => ({ value: m.organisationId, label: m.organisationName }))}
          />
          <RadioGroup
            lang={lang}
            name="scope"
            label="accounts.field.scope"
            value={value('scope') ?? 'read'}
            error={errorOf(form, 'scope')}
            options={[
              { value: 'read', label: t(lang, 'accounts.tokens.read') },
              { value: 'write', label: t(lang, 'accounts.tokens.write') },
            ]}
          />
          <button type="submit">{t(lang, 'accounts.tokens.create')}</button>
        </Form>
      )}

      <h2>{t(lang, 'accounts.account.signOut')}</h2>
      <ActionButton action="/sign-out" token={token} label={t(lang, 'accounts.account.signOut')} />
    </Layout>
  );
}

export function TwoFactorSetupPage(props: {
  ctx: PageContext;
  token: FormToken;
  secret: string;
  uri: string;
  required: boolean;
  form: FormState;
}) {
  const { lang } = props.ctx;
  const { form } = props;
  const title = t(lang, 'accounts.twoFactor.setupTitle');
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={hasErrors(form)}>
      <h1>{title}</h1>
      {props.required ? <p class="notice">{t(lang, 'accounts.twoFactor.required')}</p> : null}
      <ErrorSummary lang={lang} errors={form.errors} />
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
      <Form action="/account/two-factor" token={props.token}>
        <TextField
          lang={lang}
          name="code"
          label="accounts.field.code"
          autocomplete="one-time-code"
          inputmode="numeric"
          maxlength={6}
          error={errorOf(form, 'code')}
        />
        <button type="submit">{t(lang, 'accounts.twoFactor.setupSubmit')}</button>
      </Form>
    </Layout>
  );
}
