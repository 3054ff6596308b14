/**
 * /privacy: which personal data the platform keeps, why and for how long,
 * how the UN Personal Data Protection and Privacy Principles apply, and (for
 * a signed-in person) the download and the account deletion form.
 */
import { t, type MessageKey } from '../../i18n/i18n.js';
import {
  CheckboxField,
  errorOf,
  ErrorSummary,
  Form,
  hasErrors,
  TextField,
  type FormState,
  type FormToken,
} from '../../platform/forms/index.js';
import { Layout, type PageContext } from '../../web/layout.js';
import { ScrollRegion } from '../../web/scroll-region.js';
import type { ProofKind } from '../accounts/index.js';
import { PROFILE_PARTS, VISIBILITIES } from '../../core/people/index.js';

const DATA = ['account', 'password', 'sessions', 'memberships', 'tokens', 'invitations', 'audit'] as const;
const PRINCIPLES = [
  'fair',
  'purpose',
  'proportionality',
  'retention',
  'accuracy',
  'confidentiality',
  'security',
  'transparency',
  'transfers',
  'accountability',
] as const;

export function PrivacyPage(props: {
  ctx: PageContext;
  token: FormToken;
  signedIn: boolean;
  /** How the signed-in person proves it is them before deleting (undefined when not signed in). */
  proof: ProofKind | undefined;
  reauthMinutes: number;
  deleted: boolean;
  form: FormState;
}) {
  const { ctx, form } = props;
  const lang = ctx.lang;
  const title = t(lang, 'privacy.title');
  return (
    <Layout ctx={ctx} title={title} hasErrors={hasErrors(form)}>
      <h1>{title}</h1>
      {props.deleted ? (
        <p role="status" class="notice">
          {t(lang, 'privacy.deleted')}
        </p>
      ) : null}
      <ErrorSummary lang={lang} errors={form.errors} />
      <p class="lead">{t(lang, 'privacy.lead')}</p>
      <h2 id="kept">{t(lang, 'privacy.kept.title')}</h2>
      <ScrollRegion labelledBy="kept">
        <table aria-labelledby="kept">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'privacy.col.data')}</th>
              <th scope="col">{t(lang, 'privacy.col.why')}</th>
              <th scope="col">{t(lang, 'privacy.col.kept')}</th>
            </tr>
          </thead>
          <tbody>
            {DATA.map((d) => (
              <tr>
                <th scope="row">{t(lang, `privacy.data.${d}` as MessageKey)}</th>
                <td>{t(lang, `privacy.why.${d}` as MessageKey)}</td>
                <td>{t(lang, `privacy.kept.${d}` as MessageKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <h2>{t(lang, 'privacy.principles.title')}</h2>
      <dl>
        {PRINCIPLES.map((p) => (
          <>
            <dt>{t(lang, `privacy.p.${p}` as MessageKey)}</dt>
            <dd>{t(lang, `privacy.p.${p}.text` as MessageKey)}</dd>
          </>
        ))}
      </dl>
      <ProfileNotice lang={lang} />
      <h2 id="yours">{t(lang, 'privacy.rights.title')}</h2>
      {!props.signedIn ? (
        <p>
          <a href="/sign-in?next=%2Fprivacy">{t(lang, 'privacy.signIn')}</a>
        </p>
      ) : (
        <>
          <p>{t(lang, 'privacy.export.text')}</p>
          <p>
            <a class="button" href="/api/v1/me/export" download="my-data.json">
              {t(lang, 'privacy.export')}
            </a>
          </p>
          <h3 id="delete">{t(lang, 'privacy.delete.title')}</h3>
          <p>{t(lang, 'privacy.delete.text')}</p>
          <Form action="/privacy/delete-account" token={props.token} aria-labelledby="delete">
            {props.proof === 'password' ? (
              <>
                <p>{t(lang, 'privacy.delete.passwordLead')}</p>
                <TextField
                  lang={lang}
                  name="password"
                  type="password"
                  label="accounts.field.currentPassword"
                  autocomplete="current-password"
                  error={errorOf(form, 'password')}
                />
              </>
            ) : props.proof === 'totp' ? (
              <>
                <p>{t(lang, 'privacy.delete.codeLead')}</p>
                <TextField
                  lang={lang}
                  name="totp"
                  label="accounts.field.code"
                  autocomplete="one-time-code"
                  inputmode="numeric"
                  maxlength={6}
                  error={errorOf(form, 'totp')}
                />
              </>
            ) : (
              <p>
                {t(lang, 'privacy.delete.freshLead', { minutes: props.reauthMinutes })}{' '}
                <a href="/sign-in/oidc?next=%2Fprivacy%23delete">{t(lang, 'privacy.delete.signInAgain')}</a>
              </p>
            )}
            <CheckboxField lang={lang} name="confirm" value="yes" label="privacy.delete.confirm" error={errorOf(form, 'confirm')} />
            <p>
              <button type="submit">{t(lang, 'privacy.delete.submit')}</button>
            </p>
          </Form>
        </>
      )}
    </Layout>
  );
}

/** The profile notice the profile form links to (/privacy#profiles): what a profile shares and the visibility choices. */
function ProfileNotice(props: { lang: PageContext['lang'] }) {
  const { lang } = props;
  return (
    <section aria-labelledby="profiles">
      <h2 id="profiles">{t(lang, 'people.privacy.title')}</h2>
      <p>{t(lang, 'people.privacy.lead')}</p>
      <p>{t(lang, 'people.privacy.parts')}</p>
      <ul>
        {PROFILE_PARTS.map((part) => (
          <li>{t(lang, `people.part.${part}` as MessageKey)}</li>
        ))}
      </ul>
      <p>{t(lang, 'people.privacy.choices')}</p>
      <dl>
        {VISIBILITIES.map((v) => (
          <>
            <dt>{t(lang, `people.visibility.${v}` as MessageKey)}</dt>
            <dd>{t(lang, `people.privacy.choice.${v}` as MessageKey)}</dd>
          </>
        ))}
      </dl>
      <p>{t(lang, 'people.privacy.finder')}</p>
      <p>{t(lang, 'people.privacy.consent')}</p>
      <p>
        <a href="/me/profile">{t(lang, 'people.privacy.edit')}</a>
      </p>
    </section>
  );
}
