/**
 * /privacy: which personal data the platform keeps, why and for how long,
 * how the UN Personal Data Protection and Privacy Principles apply, and (for
 * a signed-in person) the download and the account deletion form.
 */
import { t, type MessageKey } from '../../i18n/i18n.js';
import type { FieldProblem } from '../../http/app-error.js';
import { Layout, type PageContext } from '../../web/layout.js';

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
  signedIn: boolean;
  csrf: string;
  deleted: boolean;
  problems: readonly FieldProblem[];
}) {
  const { ctx } = props;
  const lang = ctx.lang;
  const title = t(lang, 'privacy.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {props.deleted ? (
        <p role="status" class="notice">
          {t(lang, 'privacy.deleted')}
        </p>
      ) : null}
      <p class="lead">{t(lang, 'privacy.lead')}</p>
      <h2 id="kept">{t(lang, 'privacy.kept.title')}</h2>
      <div class="scroll">
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
      </div>
      <h2>{t(lang, 'privacy.principles.title')}</h2>
      <dl>
        {PRINCIPLES.map((p) => (
          <>
            <dt>{t(lang, `privacy.p.${p}` as MessageKey)}</dt>
            <dd>{t(lang, `privacy.p.${p}.text` as MessageKey)}</dd>
          </>
        ))}
      </dl>
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
          {props.problems.length > 0 ? (
            <div role="alert" class="errors">
              <ul>
                {props.problems.map((p) => (
                  <li>{p.message}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <form method="post" action="/privacy/delete-account" aria-labelledby="delete">
            <input type="hidden" name="_csrf" value={props.csrf} />
            <p>
              <input type="checkbox" id="confirm" name="confirm" value="yes" required />
              <label for="confirm" class="inline">
                {t(lang, 'privacy.delete.confirm')}
              </label>
            </p>
            <p>
              <button type="submit">{t(lang, 'privacy.delete.submit')}</button>
            </p>
          </form>
        </>
      )}
    </Layout>
  );
}
