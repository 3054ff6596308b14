/**
 * The organisation's webhook settings: its webhooks with a form to register one (the secret shown
 * once on the next page), and each webhook's delivery log with a "send test event" button.
 */
import { formatDate, t, type MessageKey } from '../../i18n/i18n.js';
import { ActionButton, CheckboxField, ErrorSummary, errorOf, Form, hasErrors, Notice, TextField } from '../../platform/forms/index.js';
import type { FormState, FormToken } from '../../platform/forms/index.js';
import { Layout, type PageContext } from '../../web/layout.js';
import { listOf } from '../../web/list.js';
import { ScrollRegion } from '../../web/scroll-region.js';
import { WEBHOOK_EVENTS, type Delivery, type Webhook, type WebhookCreated } from './schemas.js';

const eventsLabel = (lang: PageContext['lang'], events: readonly string[]) =>
  listOf(
    lang,
    events.map((e) => t(lang, `activity.webhooks.event.${e}` as MessageKey)),
  );

/** How receivers check a request, in the reader's language, with the literal header names. */
function SigningNote(props: { lang: PageContext['lang'] }) {
  return (
    <section aria-labelledby="signing-title">
      <h2 id="signing-title">{t(props.lang, 'activity.webhooks.signingTitle')}</h2>
      <p>{t(props.lang, 'activity.webhooks.signing')}</p>
      <pre dir="ltr">
        <code>{'X-DCP-Signature: sha256=hex(HMAC-SHA256(secret, X-DCP-Timestamp + "." + body))'}</code>
      </pre>
    </section>
  );
}

export function WebhooksPage(props: {
  ctx: PageContext;
  token: FormToken;
  organisationId: string;
  webhooks: readonly Webhook[];
  form: FormState;
  removed: boolean;
}) {
  const { ctx, form } = props;
  const lang = ctx.lang;
  const title = t(lang, 'activity.webhooks.title');
  const base = `/organisations/${props.organisationId}/webhooks`;
  const eventsError = errorOf(form, 'events');
  return (
    <Layout ctx={ctx} title={title} hasErrors={hasErrors(form)}>
      <p>
        <a href={`/organisations/${props.organisationId}`}>{t(lang, 'activity.webhooks.back')}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{t(lang, 'activity.webhooks.lead')}</p>
      <Notice text={props.removed ? t(lang, 'activity.webhooks.removed') : undefined} />
      {props.webhooks.length === 0 ? (
        <p>{t(lang, 'activity.webhooks.none')}</p>
      ) : (
        <ul>
          {props.webhooks.map((w) => (
            <li>
              <p>
                <a href={`${base}/${w.id}`} dir="ltr">
                  {w.url}
                </a>{' '}
                · {eventsLabel(lang, w.events)}
              </p>
              <ActionButton
                action={`${base}/${w.id}/delete`}
                token={props.token}
                label={t(lang, 'activity.webhooks.remove')}
                aria-label={t(lang, 'activity.webhooks.removeNamed', { url: w.url })}
              />
            </li>
          ))}
        </ul>
      )}
      <h2 id="register-title">{t(lang, 'activity.webhooks.register')}</h2>
      <ErrorSummary lang={lang} errors={form.errors} />
      <Form action={base} token={props.token} aria-labelledby="register-title">
        <TextField
          lang={lang}
          name="url"
          type="url"
          inputmode="url"
          autocomplete="url"
          label="activity.webhooks.url"
          hint="activity.webhooks.urlHint"
          value={form.values['url']}
          error={errorOf(form, 'url')}
        />
        <fieldset>
          <legend>{t(lang, 'activity.webhooks.events')}</legend>
          {eventsError ? (
            <p class="error" id="events-error">
              {t(lang, 'activity.webhooks.eventsProblem')}
            </p>
          ) : null}
          {WEBHOOK_EVENTS.map((kind) => (
            <CheckboxField
              lang={lang}
              name={`event-${kind}`}
              value="yes"
              label={`activity.webhooks.event.${kind}` as MessageKey}
              checked={form.values[`event-${kind}`] === 'yes'}
            />
          ))}
        </fieldset>
        <button type="submit">{t(lang, 'activity.webhooks.registerButton')}</button>
      </Form>
      <SigningNote lang={lang} />
    </Layout>
  );
}

export function WebhookCreatedPage(props: { ctx: PageContext; webhook: WebhookCreated }) {
  const { ctx, webhook } = props;
  const lang = ctx.lang;
  const title = t(lang, 'activity.webhooks.createdTitle');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{t(lang, 'activity.webhooks.createdLead')}</p>
      <p>
        <label for="secret">{t(lang, 'activity.webhooks.secret')}</label>
        <input id="secret" type="text" dir="ltr" readonly value={webhook.secret} autocomplete="off" />
      </p>
      <p>
        <a href={`/organisations/${webhook.organisationId}/webhooks/${webhook.id}`}>{t(lang, 'activity.webhooks.toLog')}</a>
      </p>
      <SigningNote lang={lang} />
    </Layout>
  );
}

export function DeliveryLogPage(props: {
  ctx: PageContext;
  token: FormToken;
  webhook: Webhook;
  deliveries: readonly Delivery[];
  sent: boolean;
}) {
  const { ctx, webhook } = props;
  const lang = ctx.lang;
  const title = t(lang, 'activity.webhooks.logTitle');
  const base = `/organisations/${webhook.organisationId}/webhooks`;
  const time = (iso: string) => `${formatDate(lang, new Date(iso))} ${iso.slice(11, 19)} UTC`;
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={base}>{t(lang, 'activity.webhooks.title')}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">
        <bdi dir="ltr">{webhook.url}</bdi> · {eventsLabel(lang, webhook.events)}
      </p>
      <Notice text={props.sent ? t(lang, 'activity.webhooks.testQueued') : undefined} />
      <ActionButton action={`${base}/${webhook.id}/test`} token={props.token} label={t(lang, 'activity.webhooks.test')} />
      <h2 id="log-title">{t(lang, 'activity.webhooks.deliveries')}</h2>
      {props.deliveries.length === 0 ? (
        <p>{t(lang, 'activity.webhooks.noDeliveries')}</p>
      ) : (
        <ScrollRegion labelledBy="log-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'activity.webhooks.col.event')}</th>
                <th scope="col">{t(lang, 'activity.webhooks.col.attempt')}</th>
                <th scope="col">{t(lang, 'activity.webhooks.col.time')}</th>
                <th scope="col">{t(lang, 'activity.webhooks.col.status')}</th>
                <th scope="col">{t(lang, 'activity.webhooks.col.error')}</th>
              </tr>
            </thead>
            <tbody>
              {props.deliveries.flatMap((d) =>
                d.attempts.length === 0
                  ? [
                      <tr>
                        <td>{d.event}</td>
                        <td>0</td>
                        <td>{time(d.createdAt)}</td>
                        <td>—</td>
                        <td>{t(lang, `activity.webhooks.state.${d.status}` as MessageKey)}</td>
                      </tr>,
                    ]
                  : d.attempts.map((a) => (
                      <tr>
                        <td>{d.event}</td>
                        <td>{a.attempt}</td>
                        <td>{time(a.at)}</td>
                        <td>{a.statusCode ?? '—'}</td>
                        <td>{a.error ?? t(lang, 'activity.webhooks.state.delivered')}</td>
                      </tr>
                    )),
              )}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Layout>
  );
}
